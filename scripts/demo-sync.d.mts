import type { DevServer } from '@web/dev-server-core';
/** The demo users' password (demo only). */
export const demoPassword: string;
/** The demo's users as CouchDB users: names are the demo's user ids, roles Kehu roles plus `org:<organisation>`. */
export const demoSyncUsers: { name: string; password: string; roles: string[] }[];
/** Starts the sync server with the demo users and the demo server proxying it under /couch/. */
export function startDemoSync(options?: {
  port?: number;
  syncPort?: number;
  quiet?: boolean;
  adminPassword?: string;
}): Promise<{
  sync: {
    url: string;
    port: number;
    database: string;
    admin: { name: string; password: string };
    stop(): Promise<void>;
  };
  demo: DevServer;
  stop(): Promise<void>;
}>;
