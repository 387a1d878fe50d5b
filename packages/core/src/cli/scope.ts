import { readFileSync } from 'node:fs';
import type { Entity } from '../entity/types.js';
import type { PermissionConfig } from '../permissions/types.js';
import { ScopeAgent } from '../sync/scope-agent.js';
import { loadEntityFiles } from './entity-files.js';

/**
 * `kehu scope <server> [schema paths…] --roles FILE [--master NAME] [--watch]`: read scope on an
 * Apache CouchDB (decision 0007). As the server admin named by `KEHU_COUCH_ADMIN` (`name:password`),
 * gives every user in `_users` a records database of their own with its `_replicator` documents,
 * and with `--watch` stays running to merge the conflicts users' databases bring into the master.
 * Run it again after adding users or changing roles.
 */
export async function scopeCommand(args: string[], log = console.log): Promise<number> {
  const valueOf = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const valued = new Set(['--roles', '--master'].map((f) => args.indexOf(f) + 1).filter((i) => i > 0));
  const [server, ...paths] = args.filter((a, i) => !a.startsWith('--') && !valued.has(i));
  const roles = valueOf('--roles');
  const admin = process.env.KEHU_COUCH_ADMIN ?? '';
  const colon = admin.indexOf(':');
  if (!server || !/^https?:\/\//.test(server) || !roles || colon < 1) {
    console.error(
      'kehu scope: needs the server URL, --roles FILE and KEHU_COUCH_ADMIN=name:password, e.g.\n' +
        '  KEHU_COUCH_ADMIN=admin:secret kehu scope https://couch.example.com/ schemas --roles schemas/roles.json --watch',
    );
    return 2;
  }
  const files = loadEntityFiles(paths.length ? paths : ['schemas']);
  const broken = files.filter((f) => f.problems.length);
  if (broken.length) {
    console.error(`kehu scope: fix the entity files first (kehu check): ${broken.map((f) => f.path).join(', ')}`);
    return 1;
  }
  const agent = new ScopeAgent({
    url: server,
    admin: { name: admin.slice(0, colon), password: admin.slice(colon + 1) },
    entities: files.flatMap((f) => (f.entity ? [f.entity as Entity] : [])),
    roles: JSON.parse(readFileSync(roles, 'utf8')) as PermissionConfig,
    master: valueOf('--master') ?? 'kehu',
  });
  const databases = await agent.prepare();
  for (const db of databases) log(`${db.user}: ${db.name}`);
  log(`${databases.length} user database(s) ready; the master is readable by server admins only.`);
  if (!args.includes('--watch')) return 0;
  agent.onConflict = (c) => log(`kept a conflict on ${c.id}: ${c.fields.map((f) => f.field).join(', ')}`);
  agent.onResolved = (id) => log(`merged the conflicting revisions of ${id}`);
  agent.onEvicted = (id, users) => log(`took ${id} out of the databases of ${users.join(', ')}`);
  log('Merging conflicts as they come (Ctrl+C to stop).');
  process.once('SIGINT', () => agent.stop());
  process.once('SIGTERM', () => agent.stop());
  await agent.watch();
  return 0;
}
