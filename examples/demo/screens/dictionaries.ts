import { KehuError, localize, type Locale } from '@kehu/core';
import { adoptCrmStyles } from './crm-styles.js';
import type { DemoScreen, ScreenContext } from './types.js';

/** The dictionaries an administrator maintains, in the order the manuals list them. */
export const DICTIONARIES = [
  'customer-class',
  'customer-level',
  'evaluation-category',
  'follow-up-question',
  'follow-up-method',
  'insurer',
  'price-tier',
] as const;

const text = {
  nav: { 'zh-CN': '基础资料', en: 'Dictionaries' },
  entries: { 'zh-CN': '条目', en: 'Entries' },
  newEntry: { 'zh-CN': '新增条目', en: 'New entry' },
  edit: { 'zh-CN': '编辑条目', en: 'Edit entry' },
  add: { 'zh-CN': '新增', en: 'Add' },
  remove: { 'zh-CN': '删除此条目', en: 'Delete this entry' },
  removed: { 'zh-CN': '已删除。', en: 'Deleted.' },
} satisfies Record<string, Record<Locale, string>>;

/** `#screen/dictionaries/<entity>/<id>`: which dictionary and entry are shown. */
function route(context: ScreenContext): { entity: string; id?: string } {
  const [entity, id] = context.params;
  const known = DICTIONARIES.filter((name) => context.store.has(name));
  return known.includes(entity as (typeof DICTIONARIES)[number])
    ? { entity, id: id || undefined }
    : { entity: known[0] ?? '', id: undefined };
}

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <nav aria-labelledby="dictionaries-nav">
      <h1 id="dictionaries-nav" class="crm-title"></h1>
      <ul id="dictionaries-tabs" class="crm-tabs"></ul>
    </nav>
    <div class="crm-split">
      <section class="crm-panel" aria-labelledby="dictionary-title">
        <h2 id="dictionary-title" class="crm-subtitle"></h2>
        <kehu-record-list id="dictionary-list" class="crm-list"></kehu-record-list>
      </section>
      <section class="crm-panel" aria-labelledby="dictionary-entry">
        <h2 id="dictionary-entry" class="crm-subtitle"></h2>
        <p><button id="dictionary-add" type="button"></button></p>
        <kehu-record-form id="dictionary-form"></kehu-record-form>
        <p><button id="dictionary-remove" type="button"></button></p>
        <p id="dictionary-message" role="status"></p>
      </section>
    </div>`;
  const go = (entity: string, id?: string) =>
    context.navigate(`screen/dictionaries/${entity}${id ? `/${encodeURIComponent(id)}` : ''}`);
  host
    .querySelector<HTMLElementTagNameMap['kehu-record-list']>('#dictionary-list')!
    .addEventListener('kehu-record-activate', (event) => go(event.detail.entity, event.detail.id));
  host
    .querySelector<HTMLElementTagNameMap['kehu-record-form']>('#dictionary-form')!
    .addEventListener('kehu-record-save', (event) => {
      if (event.detail.created) go(event.detail.entity, event.detail.id);
    });
  host.querySelector('#dictionary-add')!.addEventListener('click', () => {
    const form = host.querySelector('kehu-record-form')!;
    go(form.entity ?? '');
  });
  host.querySelector('#dictionary-remove')!.addEventListener('click', async () => {
    const form = host.querySelector('kehu-record-form')!;
    const message = host.querySelector<HTMLElement>('#dictionary-message')!;
    const { store } = context;
    const locale = (host.dataset.locale as Locale | undefined) ?? 'zh-CN';
    if (!form.entity || !form.recordId) return;
    try {
      await store.entity(form.entity).remove(form.recordId);
      message.setAttribute('role', 'status');
      message.textContent = text.removed[locale];
      go(form.entity);
    } catch (error) {
      // The store refuses to delete an entry still in use and says by whom; show exactly that.
      message.setAttribute('role', 'alert');
      message.textContent = error instanceof KehuError ? error.messageIn(locale) : String(error);
    }
  });
}

/**
 * 基础资料: every dictionary (classifications, levels, evaluation categories, follow-up questions
 * and methods, insurers, price tiers) listed and edited; the store refuses to delete an entry in use.
 */
export const dictionariesScreen: DemoScreen = {
  id: 'dictionaries',
  label: { 'zh-CN': '基础资料', en: 'Dictionaries' },
  render(host, context) {
    if (!host.querySelector('#dictionary-list')) build(host, context);
    const { locale, store } = context;
    const { entity, id } = route(context);
    host.dataset.locale = locale;
    host.querySelector('#dictionaries-nav')!.textContent = text.nav[locale];
    const tabs = host.querySelector('#dictionaries-tabs')!;
    tabs.replaceChildren(
      ...DICTIONARIES.filter((name) => store.has(name)).map((name) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `#screen/dictionaries/${name}`;
        link.textContent = localize(store.entities.get(name)!.pluralLabel, locale);
        if (name === entity) link.setAttribute('aria-current', 'page');
        item.append(link);
        return item;
      }),
    );
    const label = entity ? localize(store.entities.get(entity)!.pluralLabel, locale) : '';
    host.querySelector('#dictionary-title')!.textContent = `${label} · ${text.entries[locale]}`;
    host.querySelector('#dictionary-entry')!.textContent = id ? text.edit[locale] : text.newEntry[locale];
    host.querySelector('#dictionary-add')!.textContent = text.add[locale];
    const remove = host.querySelector<HTMLButtonElement>('#dictionary-remove')!;
    remove.textContent = text.remove[locale];
    remove.hidden = !id;
    const list = host.querySelector('kehu-record-list')!;
    Object.assign(list, { store, locale, entity });
    const form = host.querySelector('kehu-record-form')!;
    if (form.entity !== entity || form.recordId !== id) {
      const message = host.querySelector<HTMLElement>('#dictionary-message')!;
      if (message.getAttribute('role') === 'alert') message.textContent = '';
    }
    Object.assign(form, { store, locale, entity, recordId: id });
  },
};
