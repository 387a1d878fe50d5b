import '@kehu/components/define.js';
import { createStore, localize, toLocale, type Entity, type Locale } from '@kehu/core';
import { loadEntities } from './load-entities.js';
import { seedIfEmpty } from './seed-store.js';

const text = {
  language: { 'zh-CN': '语言', en: 'Language' },
  new: { 'zh-CN': '新建', en: 'New' },
  opening: { 'zh-CN': '正在打开本地数据库…', en: 'Opening the local database…' },
  seeding: {
    'zh-CN': '首次打开：正在生成演示数据（{entity}：{count} 条）…',
    en: 'First visit: seeding demo data ({entity}: {count})…',
  },
  ready: { 'zh-CN': '数据保存在本浏览器（IndexedDB）。', en: 'Data lives in this browser (IndexedDB).' },
  newRecord: { 'zh-CN': '新建{entity}', en: 'New {entity}' },
  editRecord: { 'zh-CN': '编辑{entity}', en: 'Edit {entity}' },
  failed: { 'zh-CN': '演示无法启动：', en: 'The demo could not start: ' },
} satisfies Record<string, Record<Locale, string>>;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const nav = $('nav');
const list = $<HTMLElementTagNameMap['kehu-record-list']>('list');
const form = $<HTMLElementTagNameMap['kehu-record-form']>('form');
const status = $('status');
const problems = $('problems');
const localeSelect = $<HTMLSelectElement>('locale');

let locale: Locale = toLocale(localStorage.getItem('kehu-demo-locale') ?? document.documentElement.lang);
let entities: Entity[] = [];

const say = (key: keyof typeof text, values: Record<string, string | number> = {}) =>
  text[key][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** Route: `#customer` lists customers, `#customer/<id>` also opens one in the form. */
function route(): { entity: string; id?: string } {
  const [entity, id] = decodeURIComponent(location.hash.slice(1)).split('/');
  return { entity: entities.some((e) => e.name === entity) ? entity : (entities[0]?.name ?? ''), id: id || undefined };
}

function render(): void {
  document.documentElement.lang = locale;
  localeSelect.value = locale;
  document
    .querySelectorAll<HTMLElement>('[data-text]')
    .forEach((el) => (el.textContent = say(el.dataset.text as keyof typeof text)));
  const { entity, id } = route();
  const current = entities.find((e) => e.name === entity);
  nav.replaceChildren(
    ...entities.map((e) => {
      const link = document.createElement('a');
      link.href = `#${e.name}`;
      link.textContent = localize(e.pluralLabel, locale);
      if (e.name === entity) link.setAttribute('aria-current', 'page');
      return link;
    }),
  );
  if (!current) return;
  $('list-title').textContent = localize(current.pluralLabel, locale);
  $('form-title').textContent = say(id ? 'editRecord' : 'newRecord', { entity: localize(current.label, locale) });
  if (list.entity !== entity) list.entity = entity;
  form.entity = entity;
  form.recordId = id;
}

async function start(): Promise<void> {
  status.textContent = say('opening');
  const loaded = await loadEntities();
  if (loaded.problems.length) {
    problems.hidden = false;
    problems.textContent = loaded.problems.map((p) => p.messageIn(locale)).join('\n\n');
  }
  // The archives first, in the order a dealer works; dictionaries and dropped-in entities after.
  const first = ['customer', 'vehicle', 'product', 'document'];
  const rank = (e: Entity) => (first.includes(e.name) ? first.indexOf(e.name) : first.length);
  entities = loaded.entities.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const store = await createStore({ entities, name: 'kehu-demo', locale });
  await seedIfEmpty(store, (entity, count) => (status.textContent = say('seeding', { entity, count })));
  $<HTMLElementTagNameMap['kehu-store-provider']>('provider').store = store;
  status.textContent = say('ready');
  render();
}

localeSelect.addEventListener('change', () => {
  locale = toLocale(localeSelect.value);
  localStorage.setItem('kehu-demo-locale', locale);
  render();
});
window.addEventListener('hashchange', render);
$('new').addEventListener('click', () => (location.hash = route().entity));
list.addEventListener('kehu-record-activate', (event) => (location.hash = `${event.detail.entity}/${event.detail.id}`));
form.addEventListener('kehu-record-save', (event) => {
  if (event.detail.created) location.hash = `${event.detail.entity}/${event.detail.id}`;
});

start().catch((error: Error & { messageIn?: (l: Locale) => string }) => {
  problems.hidden = false;
  problems.textContent = say('failed') + (error.messageIn?.(locale) ?? error.message);
  status.textContent = '';
});
