import '@kehu/components/define.js';
import { localize, setValidationMode, toLocale, type Entity, type Locale, type Store } from '@kehu/core';
import { loadEntities } from './load-entities.js';
import { openDemoStore, renderRoleSwitcher, type DemoSync } from './roles.js';
import { screens } from './screens/index.js';

// The demo is served with a CSP without unsafe-eval: schemas not precompiled by the server (built-in
// and dropped-in ones) are interpreted, without even trying to generate code.
setValidationMode('interpreted');

const text = {
  language: { 'zh-CN': '语言', en: 'Language' },
  new: { 'zh-CN': '新建', en: 'New' },
  opening: { 'zh-CN': '正在打开本地数据库…', en: 'Opening the local database…' },
  seeding: {
    'zh-CN': '首次打开：正在生成演示数据（{entity}：{count} 条）…',
    en: 'First visit: seeding demo data ({entity}: {count})…',
  },
  ready: { 'zh-CN': '数据保存在本浏览器（IndexedDB）。', en: 'Data lives in this browser (IndexedDB).' },
  readySync: {
    'zh-CN': '数据保存在本浏览器（IndexedDB），并与服务器同步。',
    en: 'Data lives in this browser (IndexedDB) and syncs with the server.',
  },
  newRecord: { 'zh-CN': '新建{entity}', en: 'New {entity}' },
  editRecord: { 'zh-CN': '编辑{entity}', en: 'Edit {entity}' },
  failed: { 'zh-CN': '演示无法启动：', en: 'The demo could not start: ' },
  conflicts: { 'zh-CN': '同步冲突待处理', en: 'Sync conflicts to resolve' },
} satisfies Record<string, Record<Locale, string>>;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const nav = $('nav');
const list = $<HTMLElementTagNameMap['kehu-record-list']>('list');
const form = $<HTMLElementTagNameMap['kehu-record-form']>('form');
const status = $('status');
const problems = $('problems');
const localeSelect = $<HTMLSelectElement>('locale');
const workspace = $('workspace');
const screenHost = $('screen');

let locale: Locale = toLocale(localStorage.getItem('kehu-demo-locale') ?? document.documentElement.lang);
let entities: Entity[] = [];
let store: Store | undefined;
/** Aborted when the screen shown is taken down, so its pending async work stops (`ScreenContext.signal`). */
let mounted = new AbortController();

const say = (key: keyof typeof text, values: Record<string, string | number> = {}) =>
  text[key][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

type Route = { screen: string; params: string[] } | { entity: string; id?: string };

/** Route: `#customer` lists customers, `#customer/<id>` also opens one; `#screen/<id>/…` shows a screen. */
function route(): Route {
  const [first, ...rest] = decodeURIComponent(location.hash.slice(1)).split('/');
  if (first === 'screen' && screens.some((s) => s.id === rest[0])) return { screen: rest[0], params: rest.slice(1) };
  const entity = entities.some((e) => e.name === first) ? first : (entities[0]?.name ?? '');
  return { entity, id: rest[0] || undefined };
}

function link(href: string, label: string, current: boolean): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = label;
  if (current) a.setAttribute('aria-current', 'page');
  return a;
}

function render(): void {
  document.documentElement.lang = locale;
  localeSelect.value = locale;
  renderRoleSwitcher(localeSelect.closest('header')!, locale);
  document
    .querySelectorAll<HTMLElement>('[data-text]')
    .forEach((el) => (el.textContent = say(el.dataset.text as keyof typeof text)));
  const current = route();
  const entity = 'entity' in current ? current.entity : '';
  const screenId = 'screen' in current ? current.screen : '';
  nav.replaceChildren(...entities.map((e) => link(`#${e.name}`, localize(e.pluralLabel, locale), e.name === entity)));
  $('screens').replaceChildren(...screens.map((s) => link(`#screen/${s.id}`, s.label[locale], s.id === screenId)));
  workspace.hidden = !entity;
  screenHost.hidden = !screenId;
  if ('screen' in current) {
    if (!store) return;
    if (screenHost.dataset.screen !== screenId) {
      mounted.abort();
      mounted = new AbortController();
      screenHost.replaceChildren();
      screenHost.dataset.screen = screenId;
    }
    const navigate = (hash: string) => (location.hash = hash);
    screens
      .find((s) => s.id === screenId)!
      .render(screenHost, { store, entities, locale, params: current.params, navigate, signal: mounted.signal });
    return;
  }
  const { id } = current;
  const definition = entities.find((e) => e.name === entity);
  if (!definition) return;
  // The role may not add records of this entity: no "New" (the form would only show a notice).
  $('new').hidden = store ? !store.permissions.can(entity, 'create') : false;
  $('list-title').textContent = localize(definition.pluralLabel, locale);
  $('form-title').textContent = say(id ? 'editRecord' : 'newRecord', { entity: localize(definition.label, locale) });
  if (list.entity !== entity) list.entity = entity;
  form.entity = entity;
  form.recordId = id;
}

/** The sync server, when the demo is served by `npm run start:sync` (a same-origin file, not inline script). */
async function syncConfig(): Promise<DemoSync | undefined> {
  const response = await fetch('./sync.json').catch(() => undefined);
  if (!response?.ok || !response.headers.get('content-type')?.includes('json')) return undefined;
  return (await response.json()) as DemoSync;
}

async function start(): Promise<void> {
  status.textContent = say('opening');
  const sync = await syncConfig();
  const loaded = await loadEntities();
  if (loaded.problems.length) {
    problems.hidden = false;
    problems.textContent = loaded.problems.map((p) => p.messageIn(locale)).join('\n\n');
  }
  // The archives first, in the order a dealer works; dictionaries and dropped-in entities after.
  const first = ['customer', 'vehicle', 'product', 'document'];
  const rank = (e: Entity) => (first.includes(e.name) ? first.indexOf(e.name) : first.length);
  entities = loaded.entities.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  // The user of the role chosen in the header (default admin), so the audit trail says who changed
  // what and the shipped role permissions (schemas/roles.json) apply.
  store = await openDemoStore(
    entities,
    locale,
    (entity, count) => (status.textContent = say('seeding', { entity, count })),
    sync,
  );
  $<HTMLElementTagNameMap['kehu-store-provider']>('provider').store = store;
  if (store.sync) {
    const indicator = document.createElement('kehu-sync-status');
    indicator.id = 'sync';
    indicator.store = store;
    localeSelect.closest('header')!.append(indicator);
    // Edits the sync kept (same fields changed elsewhere): a link to the picker while any are open.
    const conflicts = document.createElement('a');
    conflicts.id = 'sync-conflicts';
    conflicts.href = '#screen/conflicts';
    conflicts.hidden = true;
    conflicts.innerHTML = '<span data-text="conflicts"></span> (<span class="count"></span>)';
    indicator.after(conflicts);
    store.conflicts?.list$().subscribe((open) => {
      conflicts.hidden = !open.length;
      conflicts.querySelector('.count')!.textContent = String(open.length);
      conflicts.querySelector('[data-text]')!.textContent = say('conflicts');
    });
  }
  status.textContent = say(store.sync ? 'readySync' : 'ready');
  render();
}

localeSelect.addEventListener('change', () => {
  locale = toLocale(localeSelect.value);
  localStorage.setItem('kehu-demo-locale', locale);
  render();
});
window.addEventListener('hashchange', render);
$('new').addEventListener('click', () => {
  const current = route();
  if ('entity' in current) location.hash = current.entity;
});
list.addEventListener('kehu-record-activate', (event) => (location.hash = `${event.detail.entity}/${event.detail.id}`));
form.addEventListener('kehu-record-save', (event) => {
  if (event.detail.created) location.hash = `${event.detail.entity}/${event.detail.id}`;
});

start().catch((error: Error & { messageIn?: (l: Locale) => string }) => {
  problems.hidden = false;
  problems.textContent = say('failed') + (error.messageIn?.(locale) ?? error.message);
  status.textContent = '';
});
