import { createStore, localize, type Entity, type Locale, type Store } from '@kehu/core';
import { seedIfEmpty } from './seed-store.js';

type StoreOptions = Parameters<typeof createStore>[0];
type RoleConfig = NonNullable<StoreOptions['permissions']>;
type RoleUser = NonNullable<StoreOptions['user']>;

/** The demo's roles, in the order the switcher lists them (schemas/roles.json names them). */
const ROLE_ORDER = ['admin', 'sales-manager', 'sales', 'auditor'] as const;
const STORAGE_KEY = 'kehu-demo-role';

/**
 * One demo user per role. The adviser is 王芳 of 总部 and the manager leads 广州分公司, as the seed
 * data names them (`salesRep`, `organisation`), so "own" and "organisation" scopes find records.
 */
export const demoUsers: Record<string, (locale: Locale) => RoleUser> = {
  admin: (l) => ({
    id: 'admin',
    name: l === 'en' ? 'Demo administrator' : '演示管理员',
    roles: ['admin'],
    organisation: '总部',
  }),
  'sales-manager': (l) => ({
    id: 'mgr-guangzhou',
    name: l === 'en' ? 'Guangzhou sales manager' : '广州销售经理',
    roles: ['sales-manager'],
    organisation: '广州分公司',
  }),
  sales: () => ({ id: '王芳', name: '王芳', roles: ['sales'], organisation: '总部' }),
  auditor: (l) => ({
    id: 'auditor',
    name: l === 'en' ? 'Auditor' : '审计员',
    roles: ['auditor'],
    organisation: '总部',
  }),
};

const text = {
  role: { 'zh-CN': '角色', en: 'Role' },
} satisfies Record<string, Record<Locale, string>>;

/** The role chosen in the switcher (kept in localStorage so a reload keeps it); default admin. */
export function currentRole(): string {
  const saved = localStorage.getItem(STORAGE_KEY) ?? '';
  return (ROLE_ORDER as readonly string[]).includes(saved) ? saved : 'admin';
}

/** schemas/roles.json, or undefined when it cannot be read (the demo then runs without permissions). */
async function loadRoles(): Promise<RoleConfig | undefined> {
  try {
    const response = await fetch('/schemas/roles.json');
    return response.ok ? ((await response.json()) as RoleConfig) : undefined;
  } catch {
    return undefined;
  }
}

let roles: RoleConfig | undefined;

/** Where the demo syncs (served as /examples/demo/sync.json by `npm run start:sync`). */
export interface DemoSync {
  /** The records database, absolute or relative to the page (`/couch/kehu`). */
  url: string;
  /** The demo users' password (demo only). */
  password: string;
}

/**
 * Opens the demo store as the chosen role's user, with the shipped role permissions enforced. The
 * seed data is written first as the administrator (an adviser may not create products), then the
 * store reopens as the chosen user. With `sync`, every store replicates as its user; the seed is
 * written only when the server has no customers after the first pull, and sent before going on.
 */
export async function openDemoStore(
  entities: Entity[],
  locale: Locale,
  progress: (entity: string, count: number) => void,
  sync?: DemoSync,
): Promise<Store> {
  roles = await loadRoles();
  const open = (role: string) => {
    const user = demoUsers[role](locale);
    return createStore({
      entities,
      // Its own database: a browser's local-only demo data must not be pushed to the server.
      name: sync ? 'kehu-demo-sync' : 'kehu-demo',
      locale,
      user,
      ...(roles ? { permissions: roles } : {}),
      ...(sync
        ? { replication: { url: new URL(sync.url, location.href).href, username: user.id, password: sync.password } }
        : {}),
    });
  };
  let admin: Store;
  try {
    admin = await open('admin');
  } catch (error) {
    // roles.json naming an entity whose schema was removed: run without permissions, and say why.
    if ((error as { code?: string }).code !== 'invalid-permissions') throw error;
    console.warn((error as Error).message);
    roles = undefined;
    admin = await open('admin');
  }
  const role = roles ? currentRole() : 'admin';
  await admin.sync?.awaitInSync();
  if ((await seedIfEmpty(admin, progress)) && admin.sync) await admin.sync.awaitInSync();
  if (role === 'admin') return admin;
  await admin.close();
  return open(role);
}

/**
 * The role switcher in the header: choosing a role stores it and reloads, so every element and
 * screen starts over with the store of that role's user. Redrawn on every render for the locale.
 */
export function renderRoleSwitcher(host: HTMLElement, locale: Locale): void {
  if (!roles) return;
  let label = host.querySelector<HTMLLabelElement>('label.role');
  if (!label) {
    label = document.createElement('label');
    label.className = 'role locale';
    const caption = document.createElement('span');
    const select = document.createElement('select');
    select.id = 'role';
    select.addEventListener('change', () => {
      localStorage.setItem(STORAGE_KEY, select.value);
      location.reload();
    });
    label.append(caption, select);
    host.append(label);
  }
  const [caption, select] = [label.querySelector('span')!, label.querySelector('select')!];
  caption.textContent = text.role[locale];
  select.replaceChildren(
    ...ROLE_ORDER.filter((role) => roles!.roles[role]).map((role) => {
      const option = document.createElement('option');
      option.value = role;
      const name = roles!.roles[role].label;
      option.textContent = (typeof name === 'string' ? name : name && localize(name, locale)) || role;
      return option;
    }),
  );
  select.value = currentRole();
}
