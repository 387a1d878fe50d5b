import {
  localize,
  readPages,
  tableFile,
  type Entity,
  type Locale,
  type PagedReadOptions,
  type Store,
} from '@kehu/core';
import type { DemoScreen, ScreenContext } from './types.js';
import { adoptCrmStyles } from './crm-styles.js';

const entities = ['customer', 'vehicle', 'product'] as const;
const text = {
  import: { 'zh-CN': '导入', en: 'Import' },
  export: { 'zh-CN': '导出', en: 'Export' },
  entity: { 'zh-CN': '数据', en: 'Data' },
  csv: { 'zh-CN': '导出 CSV', en: 'Export CSV' },
  xlsx: { 'zh-CN': '导出 Excel（.xlsx）', en: 'Export Excel (.xlsx)' },
  exported: { 'zh-CN': '已导出 {count} 条记录。', en: '{count} records exported.' },
  exporting: { 'zh-CN': '正在导出 {done} / {total} 条', en: 'Exporting {done} / {total} records' },
  progress: { 'zh-CN': '导出进度', en: 'Export progress' },
  cancel: { 'zh-CN': '取消导出', en: 'Cancel export' },
  cancelled: { 'zh-CN': '已取消导出，未保存文件。', en: 'Export cancelled; no file was saved.' },
} satisfies Record<string, Record<Locale, string>>;

/**
 * The entity's list columns as titled rows, read a page at a time: what the list shows, enum values
 * by their label. Exports obey the user's role: refused without `export`, hidden columns never leave.
 */
async function* exportRows(
  store: Store,
  entity: Entity,
  locale: Locale,
  paging: PagedReadOptions,
): AsyncGenerator<unknown[][]> {
  store.permissions.assert(entity.name, 'export');
  const fields = entity.listColumns
    .filter((key) => store.permissions.field(entity.name, key) !== 'none')
    .map((key) => entity.field(key))
    .filter((f) => f !== undefined);
  yield [fields.map((f) => localize(f.label, locale))];
  for await (const page of readPages(store.entity(entity.name), {}, paging))
    yield page.map((record) =>
      fields.map((f) => {
        const value = (record as Record<string, unknown>)[f.key];
        const option = f.options?.find((o) => o.value === value);
        return option ? localize(option.label, locale) : value;
      }),
    );
}

/** The export's progress bar and Cancel button, worded as the list's own. */
function showProgress(host: HTMLElement, locale: Locale, done: number, total: number): void {
  const box = host.querySelector<HTMLElement>('#export-progress')!;
  box.hidden = false;
  const format = new Intl.NumberFormat(locale);
  const label = text.exporting[locale].replace('{done}', format.format(done)).replace('{total}', format.format(total));
  const bar = box.querySelector<HTMLElement>('[role="progressbar"]')!;
  bar.setAttribute('aria-label', text.progress[locale]);
  bar.setAttribute('aria-valuemax', String(total));
  bar.setAttribute('aria-valuenow', String(done));
  bar.setAttribute('aria-valuetext', label);
  Object.assign(box.querySelector('progress')!, { max: Math.max(total, 1), value: done });
  box.querySelector('#export-progress-text')!.textContent = label;
  box.querySelector('#export-cancel')!.textContent = text.cancel[locale];
}

function save(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <div class="crm-stack">
      <label class="crm-inline-label">
        <span id="import-entity-label"></span>
        <select id="import-entity"></select>
      </label>
      <section class="crm-panel" aria-labelledby="import-heading">
        <h1 id="import-heading" class="crm-heading"></h1>
        <kehu-import-wizard entity="customer"></kehu-import-wizard>
      </section>
      <section class="crm-panel" aria-labelledby="export-heading">
        <h2 id="export-heading" class="crm-heading"></h2>
        <p class="crm-buttons">
          <button type="button" id="export-csv"></button>
          <button type="button" id="export-xlsx"></button>
          <span id="export-status" role="status"></span>
        </p>
        <p id="export-progress" hidden>
          <span role="progressbar" aria-valuemin="0"><progress aria-hidden="true"></progress></span>
          <span id="export-progress-text" aria-hidden="true"></span>
          <button type="button" id="export-cancel"></button>
        </p>
        <kehu-record-list entity="customer"></kehu-record-list>
      </section>
    </div>`;
  const select = host.querySelector<HTMLSelectElement>('#import-entity')!;
  select.addEventListener('change', () => context.navigate(`screen/import/${select.value}`));
  let running: AbortController | undefined;
  const exportAs = async (kind: 'csv' | 'xlsx') => {
    if (running) return;
    const { store, locale } = current(host);
    const entity = store.entities.get(select.value)!;
    const status = host.querySelector('#export-status')!;
    const controller = (running = new AbortController());
    status.textContent = '';
    let count = 0;
    try {
      const rows = exportRows(store, entity, locale, {
        signal: controller.signal,
        onProgress: ({ done, total }) => {
          count = done;
          // One page or less is over before a bar could be read.
          if (total > 1000) showProgress(host, locale, done, total);
        },
      });
      const sheet = localize(entity.pluralLabel, locale).slice(0, 31);
      const file = await tableFile(rows, { format: kind, sheet, signal: controller.signal });
      save(file, `${entity.name}-${new Date().toISOString().slice(0, 10)}.${kind}`);
      status.textContent = text.exported[locale].replace('{count}', String(count));
    } catch (error) {
      status.textContent = (error as Error).name === 'AbortError' ? text.cancelled[locale] : (error as Error).message;
    } finally {
      running = undefined;
      host.querySelector<HTMLElement>('#export-progress')!.hidden = true;
    }
  };
  host.querySelector('#export-cancel')!.addEventListener('click', () => running?.abort());
  host.querySelector('#export-csv')!.addEventListener('click', () => void exportAs('csv'));
  host.querySelector('#export-xlsx')!.addEventListener('click', () => void exportAs('xlsx'));
  // Imported records show up in the list below as soon as they are written (it is a live query).
  host.querySelector('kehu-import-wizard')!.addEventListener('kehu-import-done', () => {
    host.querySelector('#export-status')!.textContent = '';
  });
}

const contexts = new WeakMap<HTMLElement, ScreenContext>();
const current = (host: HTMLElement) => contexts.get(host)!;

/** 导入导出: the import wizard for customers, vehicles and products, and export of their lists to CSV and XLSX. */
export const importScreen: DemoScreen = {
  id: 'import',
  label: { 'zh-CN': '导入导出', en: 'Import & export' },
  render(host, context) {
    contexts.set(host, context);
    if (!host.querySelector('kehu-import-wizard')) build(host, context);
    const { locale, store, params } = context;
    const available = entities.filter((e) => store.has(e));
    const chosen = available.includes(params[0] as (typeof entities)[number]) ? params[0] : available[0];
    const select = host.querySelector<HTMLSelectElement>('#import-entity')!;
    select.replaceChildren(
      ...available.map((name) => {
        const option = new Option(localize(store.entities.get(name)!.pluralLabel, locale), name);
        option.selected = name === chosen;
        return option;
      }),
    );
    host.querySelector('#import-entity-label')!.textContent = text.entity[locale];
    host.querySelector('#import-heading')!.textContent = text.import[locale];
    host.querySelector('#export-heading')!.textContent = text.export[locale];
    host.querySelector('#export-csv')!.textContent = text.csv[locale];
    host.querySelector('#export-xlsx')!.textContent = text.xlsx[locale];
    host.querySelector('#export-cancel')!.textContent = text.cancel[locale];
    host.querySelector('#export-progress [role="progressbar"]')!.setAttribute('aria-label', text.progress[locale]);
    const mayExport = store.permissions.can(chosen, 'export');
    for (const id of ['#export-csv', '#export-xlsx']) host.querySelector<HTMLElement>(id)!.hidden = !mayExport;
    const wizard = host.querySelector('kehu-import-wizard')!;
    const list = host.querySelector('kehu-record-list')!;
    for (const element of [wizard, list]) {
      element.store = store;
      element.locale = locale;
      element.entity = chosen;
    }
  },
};
