import {
  backupFile,
  localize,
  restoreBackup,
  storeCompleteness,
  type Locale,
  type RestoreReport,
  type Store,
} from '@kehu/core';
import type { DemoScreen, ScreenContext } from './types.js';
import { adoptCrmStyles } from './crm-styles.js';

const text = {
  duplicates: { 'zh-CN': '客户查重与合并', en: 'Find and merge duplicate customers' },
  completeness: { 'zh-CN': '资料完整度', en: 'Completeness' },
  entity: { 'zh-CN': '档案', en: 'Archive' },
  records: { 'zh-CN': '记录数', en: 'Records' },
  average: { 'zh-CN': '平均完整度', en: 'Average' },
  low: { 'zh-CN': '低于 50%', en: 'Below 50%' },
  missing: { 'zh-CN': '最常缺少', en: 'Most often missing' },
  refresh: { 'zh-CN': '重新计算', en: 'Recalculate' },
  backup: { 'zh-CN': '备份与恢复', en: 'Backup and restore' },
  download: { 'zh-CN': '下载完整备份', en: 'Download full backup' },
  preparing: { 'zh-CN': '正在生成备份…', en: 'Preparing the backup…' },
  backingUp: { 'zh-CN': '正在备份 {done} / {total} 项…', en: 'Backing up {done} / {total} items…' },
  ready: { 'zh-CN': '备份已生成：{name}（{size}）', en: 'Backup ready: {name} ({size})' },
  choose: { 'zh-CN': '选择备份文件以恢复（先试运行）', en: 'Choose a backup file to restore (dry run first)' },
  dryRun: { 'zh-CN': '试运行结果（尚未写入）', en: 'Dry run (nothing written yet)' },
  restored: { 'zh-CN': '已恢复', en: 'Restored' },
  apply: { 'zh-CN': '确认恢复', en: 'Restore now' },
  added: { 'zh-CN': '新增', en: 'Added' },
  unchanged: { 'zh-CN': '不变', en: 'Unchanged' },
  replaced: { 'zh-CN': '替换', en: 'Replaced' },
  rejected: { 'zh-CN': '拒绝', en: 'Rejected' },
  failed: { 'zh-CN': '失败：{reason}', en: 'Failed: {reason}' },
} satisfies Record<string, Record<Locale, string>>;

const percent = (locale: Locale, value: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);

/** Entities whose completeness the screen shows: the archives, when loaded. */
const ARCHIVES = ['customer', 'vehicle', 'product', 'document'];

/** Builds a table from rows of text; text only, so names from data are never markup. */
function table(headings: string[], rows: string[][]): HTMLTableElement {
  const element = document.createElement('table');
  element.className = 'crm-data-table';
  const head = element.createTHead().insertRow();
  for (const heading of headings) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = heading;
    head.append(th);
  }
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((value, i) => {
      const td = i === 0 ? document.createElement('th') : tr.insertCell();
      if (i === 0) (td as HTMLTableCellElement).scope = 'row';
      td.textContent = value;
      tr.append(td);
    });
  }
  return element;
}

async function showCompleteness(host: HTMLElement, store: Store, locale: Locale): Promise<void> {
  // Absent when called after a restore and the user has left the screen (the host holds another).
  const target = host.querySelector<HTMLElement>('#dq-completeness-table');
  if (!target) return;
  const rows: string[][] = [];
  for (const name of ARCHIVES.filter((n) => store.has(n))) {
    const summary = await storeCompleteness(store, name);
    const entity = store.entities.get(name)!;
    const low = summary.histogram.slice(0, 5).reduce((a, b) => a + b, 0);
    const missing = summary.missing
      .slice(0, 3)
      .map((m) => localize(entity.field(m.field)?.label ?? { 'zh-CN': m.field, en: m.field }, locale))
      .join(locale === 'zh-CN' ? '、' : ', ');
    rows.push([
      localize(entity.pluralLabel, locale),
      String(summary.records),
      percent(locale, summary.average),
      String(low),
      missing,
    ]);
  }
  const t = (key: keyof typeof text) => text[key][locale];
  target.replaceChildren(table([t('entity'), t('records'), t('average'), t('low'), t('missing')], rows));
}

function reportTable(report: RestoreReport, store: Store, locale: Locale): HTMLElement {
  const t = (key: keyof typeof text) => text[key][locale];
  const wrap = document.createElement('div');
  const heading = document.createElement('p');
  heading.textContent = `${report.dryRun ? t('dryRun') : t('restored')} · ${report.source.store} · ${report.source.createdAt}`;
  const rows = Object.entries(report.entities).map(([name, r]) => [
    store.has(name) ? localize(store.entities.get(name)!.pluralLabel, locale) : name,
    String(r.added),
    String(r.unchanged),
    String(r.replaced),
    r.rejected.length
      ? `${r.rejected.length}: ${r.rejected
          .slice(0, 2)
          .map((x) => `${x.id} ${x.reasons[0]?.[locale] ?? ''}`)
          .join('; ')}`
      : '0',
  ]);
  wrap.append(heading, table([t('entity'), t('added'), t('unchanged'), t('replaced'), t('rejected')], rows));
  return wrap;
}

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <div class="crm-stack">
      <section class="crm-panel" aria-labelledby="dq-duplicates">
        <h1 id="dq-duplicates" class="crm-heading"></h1>
        <kehu-duplicate-review id="dq-review" entity="customer"></kehu-duplicate-review>
      </section>
      <section class="crm-panel" aria-labelledby="dq-completeness">
        <h2 id="dq-completeness" class="crm-heading"></h2>
        <div id="dq-completeness-table"></div>
        <button id="dq-refresh" type="button" class="crm-gap-small"></button>
      </section>
      <section class="crm-panel" aria-labelledby="dq-backup">
        <h2 id="dq-backup" class="crm-heading"></h2>
        <p><button id="dq-download" type="button"></button> <span id="dq-download-status" role="status"></span></p>
        <p><label><span id="dq-choose"></span> <input id="dq-file" type="file" accept=".json,application/json" /></label></p>
        <div id="dq-report" role="status"></div>
        <button id="dq-apply" type="button" hidden></button>
      </section>
    </div>`;
  // The latest context (store, locale) is kept on the host by `render`; listeners read it from there.
  const current = () => (host as HTMLElement & { context?: ScreenContext }).context ?? context;
  host
    .querySelector('#dq-review')!
    .addEventListener('kehu-merge', () => void showCompleteness(host, current().store, current().locale));
  host
    .querySelector('#dq-refresh')!
    .addEventListener('click', () => void showCompleteness(host, current().store, current().locale));
  host.querySelector('#dq-download')!.addEventListener('click', async () => {
    const { store, locale } = current();
    const status = host.querySelector('#dq-download-status')!;
    status.textContent = text.preparing[locale];
    try {
      const format = new Intl.NumberFormat(locale);
      // Written a page at a time; the status says how far it has got.
      const backup = await backupFile(store, {
        onProgress: ({ done, total }) =>
          (status.textContent = text.backingUp[locale]
            .replace('{done}', format.format(done))
            .replace('{total}', format.format(total))),
      });
      const name = `kehu-${store.name}-${new Date().toISOString().slice(0, 10)}.json`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(backup);
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      const size = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
        backup.size / 1024,
      );
      status.textContent = text.ready[locale].replace('{name}', name).replace('{size}', size);
    } catch (error) {
      status.textContent = text.failed[locale].replace('{reason}', (error as Error).message);
    }
  });
  const report = host.querySelector<HTMLElement>('#dq-report')!;
  const apply = host.querySelector<HTMLButtonElement>('#dq-apply')!;
  let chosen: string | undefined;
  const restore = async (dryRun: boolean) => {
    const { store, locale } = current();
    try {
      const result = await restoreBackup(store, chosen!, { dryRun });
      report.replaceChildren(reportTable(result, store, locale));
      apply.hidden = !dryRun;
      if (!dryRun) await showCompleteness(host, store, locale);
    } catch (error) {
      report.textContent = text.failed[locale].replace('{reason}', (error as Error).message);
      apply.hidden = true;
    }
  };
  host.querySelector<HTMLInputElement>('#dq-file')!.addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    chosen = await file.text();
    await restore(true);
  });
  apply.addEventListener('click', () => void restore(false));
}

/** 数据清洗: duplicate review and merge, completeness per archive, and full backup and restore. */
export const dataQualityScreen: DemoScreen = {
  id: 'data-quality',
  label: { 'zh-CN': '数据清洗', en: 'Data quality' },
  render(host, context) {
    if (!host.querySelector('kehu-duplicate-review')) build(host, context);
    (host as HTMLElement & { context?: ScreenContext }).context = context;
    const { locale, store } = context;
    const t = (key: keyof typeof text) => text[key][locale];
    host.querySelector('#dq-duplicates')!.textContent = t('duplicates');
    host.querySelector('#dq-completeness')!.textContent = t('completeness');
    host.querySelector('#dq-refresh')!.textContent = t('refresh');
    host.querySelector('#dq-backup')!.textContent = t('backup');
    host.querySelector('#dq-download')!.textContent = t('download');
    host.querySelector('#dq-choose')!.textContent = t('choose');
    host.querySelector('#dq-apply')!.textContent = t('apply');
    const review = host.querySelector('kehu-duplicate-review')!;
    review.store = store;
    review.locale = locale;
    void showCompleteness(host, store, locale);
  },
};
