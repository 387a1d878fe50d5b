// A CouchDB-protocol server for Kehu's sync, for development, the demo and tests: express-pouchdb
// over in-memory PouchDB on 127.0.0.1, with CouchDB users (`_users`), database security and the
// `validate_doc_update` design documents compiled from the schemas and roles. Production runs
// Apache CouchDB with the same databases and design documents (see README, "Sync").
//
//   node --import tsx scripts/sync-server.mjs [--port 5984]   prints the URL and the demo users
//
//   … --dir <path>   persists to LevelDB in <path> instead (a restart keeps the data)
//
// Needs tsx: the design documents are compiled by @kehu/core from its TypeScript sources.
import expressPouch from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import leveldb from 'pouchdb-adapter-leveldb';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadEntityFiles } from '../packages/core/src/cli/entity-files.ts';
import { serverDatabases } from '../packages/core/src/sync/server-documents.ts';
import { ScopeAgent } from '../packages/core/src/sync/scope-agent.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Demo users, one per shipped role, all in organisation `sh` (organisations are `org:<id>` roles, decision 0007). */
export const demoUsers = [
  { name: 'admin.wang', password: 'kehu-demo', roles: ['admin', 'org:sh'] },
  { name: 'manager.li', password: 'kehu-demo', roles: ['sales-manager', 'org:sh'] },
  { name: 'sales.zhang', password: 'kehu-demo', roles: ['sales', 'org:sh'] },
  { name: 'sales.chen', password: 'kehu-demo', roles: ['sales', 'org:sh'] },
  { name: 'auditor.zhao', password: 'kehu-demo', roles: ['auditor', 'org:sh'] },
];

const basic = (name, password) => 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64');

/**
 * Starts the server. `entities` (compiled) or `schemasDir` (default `schemas/`) and `roles`
 * (default `schemas/roles.json`) give the write checks; `users` are created in `_users`. Admin party
 * is off: only `admin` (a CouchDB server admin) may create databases or change design documents.
 * `dir` persists every database to LevelDB files there (default: in memory); starting again on the
 * same `dir` keeps the data and updates users and design documents in place.
 * @returns {Promise<{ url: string, port: number, database: string, admin: { name: string, password: string }, users: typeof demoUsers, stop(): Promise<void> }>}
 */
export async function startSyncServer({
  port = 0,
  entities,
  schemasDir = `${root}schemas/`,
  roles,
  users = demoUsers,
  database = 'kehu',
  admin = { name: 'admin', password: `admin-${Math.random().toString(36).slice(2)}` },
  dir,
} = {}) {
  const schemaEntities =
    entities ??
    loadEntityFiles([schemasDir]).flatMap((file) => {
      if (file.problems.length) throw new Error(`${file.path}: ${JSON.stringify(file.problems)}`);
      return file.entity ? [file.entity] : [];
    });
  const config = roles ?? JSON.parse(readFileSync(`${schemasDir}roles.json`, 'utf8'));
  if (dir) mkdirSync(dir, { recursive: true });
  const Pouch = PouchDB.plugin(memory)
    .plugin(leveldb)
    .plugin(mapreduce)
    .plugin(replication)
    .defaults(dir ? { adapter: 'leveldb', prefix: `${dir.replace(/\/+$/, '')}/` } : { adapter: 'memory' });
  const pouch = expressPouch(Pouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  // Turns admin party off: from now on only this admin is a server admin.
  await new Promise((resolve, reject) =>
    pouch.couchConfig.set('admins', admin.name, admin.password, (error) => (error ? reject(error) : resolve())),
  );
  const adminAuth = basic(admin.name, admin.password);
  // Until users, security and design documents are in place, only the admin (this setup) gets in:
  // a client racing a restart on a persisted `dir` would otherwise meet half-configured databases.
  let ready = false;
  // express-pouchdb is an Express 4 app: served by plain node:http (Express 5 makes `req.query`
  // read-only, which breaks its `_changes` route). It also crashes the process when a non-admin
  // creates a database (PouchDB.new rejects unhandled): those requests are refused before it.
  const server = createServer((req, res) => {
    // Browser clients on a loopback origin (the demo on :8000) may sync: express-pouchdb has no CORS.
    const origin = req.headers.origin;
    if (origin && /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, accept');
      res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, HEAD');
      if (req.method === 'OPTIONS') {
        res.writeHead(204);
        res.end();
        return;
      }
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const dbPath = /^\/[^/]+\/?$/.test(path) && !path.startsWith('/_');
    if ((req.method === 'PUT' || req.method === 'DELETE') && dbPath && req.headers.authorization !== adminAuth) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'forbidden', reason: 'Only the server admin creates or deletes databases.' }));
      return;
    }
    if (!ready && req.headers.authorization !== adminAuth) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(JSON.stringify({ error: 'unavailable', reason: 'The sync server is starting.' }));
      return;
    }
    pouch(req, res);
  });
  // Clients close idle keep-alive connections first (undici after 4 s): a server closing them at
  // Node's default 5 s races a request sent on one just then, which fails as a reset connection
  // (a sync status flashing "offline" on a busy machine).
  server.keepAliveTimeout = 65000;
  server.headersTimeout = 66000;
  server.listen(port, '127.0.0.1');
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}/`;
  const call = async (method, path, body, { ok = [] } = {}) => {
    const response = await fetch(url + path, {
      method,
      headers: { authorization: adminAuth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok && !ok.includes(response.status))
      throw new Error(`${method} /${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  // Creates or replaces a document (a restart on a persisted `dir` finds the previous version).
  const put = async (path, doc) => {
    const current = await call('GET', path, undefined, { ok: [404] });
    await call('PUT', path, current._rev ? { ...doc, _rev: current._rev } : doc);
  };
  for (const user of users) {
    const id = `org.couchdb.user:${user.name}`;
    await put(`_users/${encodeURIComponent(id)}`, { _id: id, type: 'user', ...user });
  }
  const roleNames = Object.keys(config.roles);
  for (const db of serverDatabases(schemaEntities, config, database)) {
    await call('PUT', db.name, undefined, { ok: [412] }); // 412: exists (persisted `dir`)
    // The master records database is the agent's (below): server admins only.
    if (db.name === database) continue;
    // Members: anyone with a Kehu role (self-registered CouchDB users have none). Never admins:
    // database admins bypass validate_doc_update.
    await call('PUT', `${db.name}/_security`, {
      admins: { names: [], roles: [] },
      members: { names: [], roles: roleNames },
    });
    await put(`${db.name}/${db.design._id}`, db.design);
  }
  // Read scope (decision 0007): each user syncs records with a database of their own, filled from
  // the master with what they may read; the agent merges what two users' databases bring together.
  const agent = new ScopeAgent({
    url,
    admin,
    entities: schemaEntities,
    roles: config,
    master: database,
    replicator: false,
  });
  const scoped = await agent.prepare(users.map(({ name, roles }) => ({ name, roles })));
  // Apache CouchDB runs these from `_replicator` documents; here PouchDB runs them in process.
  // KEHU_SYNC_DEBUG=1 logs their refusals and errors, and the agent's merges and evictions.
  const debug = Boolean(process.env.KEHU_SYNC_DEBUG);
  const replications = scoped.flatMap((db) =>
    db.replications.map((r) => {
      const replication = Pouch.replicate(new Pouch(r.source), new Pouch(r.target), {
        live: true,
        retry: true,
        batch_size: 500,
        ...(r.selector ? { selector: r.selector } : {}),
      });
      if (debug) {
        const say = (what) => (detail) =>
          console.error(`${r.source} → ${r.target}: ${what}`, detail?.message ?? detail ?? '');
        replication
          .on('denied', say('denied'))
          .on('error', say('error'))
          .on('paused', (e) => e && say('paused')(e));
      }
      return replication;
    }),
  );
  if (debug) {
    agent.onEvicted = (id, users) => console.error(`agent: evicted ${id} from ${users.join(', ')}`);
    agent.onResolved = (id) => console.error(`agent: merged the conflicting revisions of ${id}`);
    agent.onConflict = ({ id, fields }) =>
      console.error(`agent: ${id} kept as a conflict (${fields.map((f) => f.field).join(', ')})`);
  }
  const watching = agent.watch();
  ready = true;
  return {
    url,
    port: address.port,
    database,
    admin,
    users,
    async stop() {
      agent.stop();
      for (const r of replications) r.cancel();
      await watching;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--port');
  const port = at > 0 ? Number(process.argv[at + 1]) : Number(process.env.KEHU_SYNC_PORT ?? 5984);
  const dirAt = process.argv.indexOf('--dir');
  const server = await startSyncServer({
    port,
    dir: dirAt > 0 ? process.argv[dirAt + 1] : undefined,
    admin: { name: 'admin', password: process.env.KEHU_SYNC_ADMIN_PASSWORD ?? 'kehu-admin' },
  });
  // One JSON line first, for scripts and tests that start the server as a child process.
  console.log(JSON.stringify({ url: server.url, database: server.database, admin: server.admin.name }));
  console.log(
    `Kehu sync server (CouchDB protocol, ${dirAt > 0 ? `LevelDB in ${process.argv[dirAt + 1]}` : 'in memory'}): ${server.url}${server.database}`,
  );
  console.log(`  server admin: ${server.admin.name} / ${server.admin.password}`);
  for (const user of server.users) console.log(`  ${user.name} / ${user.password}  roles: ${user.roles.join(', ')}`);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
