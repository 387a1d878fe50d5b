import type { DevServer } from '@web/dev-server-core';
export function serve(options?: { port?: number; quiet?: boolean; schemas?: string }): Promise<DevServer>;
