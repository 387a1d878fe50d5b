// `npm run start:sync`: the demo CRM syncing through a CouchDB-compatible server. Starts the sync
// server (scripts/sync-server.mjs, in memory on 127.0.0.1) with the demo's users, and the demo
// server proxying it under /couch/ (scripts/serve.mjs), so every browser that opens the demo is one
// more client of the same data.
//
//   node --import tsx scripts/demo-sync.mjs    (PORT=… for the demo, KEHU_SYNC_PORT=… for the server)
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { startSyncServer } from './sync-server.mjs';

export const demoPassword = 'kehu-demo';

/**
 * The demo's users as CouchDB users: names are the user ids examples/demo/roles.ts opens the store
 * with (owner fields hold them), roles the Kehu role plus `org:<organisation>` (decision 0007).
 */
export const demoSyncUsers = [
  { name: 'admin', password: demoPassword, roles: ['admin', 'org:总部'] },
  { name: 'mgr-guangzhou', password: demoPassword, roles: ['sales-manager', 'org:广州分公司'] },
  { name: '王芳', password: demoPassword, roles: ['sales', 'org:总部'] },
  { name: 'auditor', password: demoPassword, roles: ['auditor', 'org:总部'] },
];

/**
 * Starts both servers; tests pass `port: 0` and `syncPort: 0`. The CouchDB server admin is not a
 * demo user (server admins bypass the write checks).
 */
export async function startDemoSync({ port, syncPort = 0, quiet = false, adminPassword } = {}) {
  const sync = await startSyncServer({
    port: syncPort,
    users: demoSyncUsers,
    admin: {
      name: 'couch-admin',
      password: adminPassword ?? `admin-${Math.random().toString(36).slice(2)}`,
    },
  });
  const demo = await serve({
    port,
    quiet,
    sync: { url: sync.url, database: sync.database, password: demoPassword },
  });
  return {
    sync,
    demo,
    async stop() {
      await demo.stop();
      await sync.stop();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { sync, demo } = await startDemoSync({
    port: Number(process.env.PORT ?? 8000),
    syncPort: Number(process.env.KEHU_SYNC_PORT ?? 5984),
    quiet: true,
    adminPassword: process.env.KEHU_SYNC_ADMIN_PASSWORD ?? 'kehu-admin',
  });
  const page = `http://${demo.config.hostname}:${demo.server.address().port}/examples/demo/`;
  // One JSON line first, for tests that start the servers as a child process.
  console.log(JSON.stringify({ page, sync: `${sync.url}${sync.database}` }));
  console.log(`\nKehu demo CRM, syncing: ${page}`);
  console.log(`Sync server (CouchDB protocol, in memory): ${sync.url}${sync.database}`);
  console.log(`  server admin: ${sync.admin.name} / ${sync.admin.password}`);
  console.log(`  demo users (password ${demoPassword}): ${demoSyncUsers.map((u) => u.name).join(', ')}`);
  console.log(
    '\nOpen the page in two browsers (or a normal and a private window): each is a client with its own\n' +
      'IndexedDB; the first seeds the server, the next pulls. Pick a role in the header. (Ctrl+C to stop)\n',
  );
  const stop = () =>
    demo
      .stop()
      .then(() => sync.stop())
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
