import type { DevServer } from '@web/dev-server-core';
export function serve(options?: {
  port?: number;
  quiet?: boolean;
  schemas?: string;
  reportStrict?: boolean;
  /** A sync server to proxy under /couch/, and the demo users' password. */
  sync?: { url: string; database?: string; password: string };
}): Promise<DevServer>;
/** The strict Content-Security-Policy (no unsafe-eval, no unsafe-inline). */
export const strictPolicy: string;
/** The policy the demo's pages are served with: strict, but for style attributes of the demo's screens. */
export const demoPolicy: string;
