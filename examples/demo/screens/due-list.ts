import type { Locale } from '@kehu/core';
import { DEFAULT_SEED_OPTIONS } from '../seed/index.js';
import type { DemoScreen, ScreenContext } from './types.js';
import { adoptCrmStyles } from './crm-styles.js';

const text = {
  activities: { 'zh-CN': '待办跟进', en: 'Follow-ups due' },
  documents: {
    'zh-CN': '单据到期（报价有效期、交货期、合同到期）',
    en: 'Documents due (quotes, deliveries, contracts)',
  },
  today: { 'zh-CN': '演示数据的“今天”是 {today}。', en: 'The demo data’s “today” is {today}.' },
} satisfies Record<string, Record<Locale, string>>;

/**
 * The seed lays its dates out around a fixed day, so the lists are measured from it; a demo seeded
 * with the real date (see `SeedOptions.today`) would pass that instead.
 */
const TODAY = DEFAULT_SEED_OPTIONS.today;

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <p id="due-today" class="crm-note"></p>
    <div class="crm-grid crm-grid-due">
      <section class="crm-panel" aria-labelledby="due-activities">
        <h1 id="due-activities" class="crm-heading"></h1>
        <kehu-due-list id="due-activity-list" entity="activity" date-field="dueDate" done-field="done"
          done-date-field="doneOn" today="${TODAY}"></kehu-due-list>
      </section>
      <section class="crm-panel" aria-labelledby="due-documents">
        <h2 id="due-documents" class="crm-heading"></h2>
        <kehu-due-list id="due-document-list" entity="document" date-field="dueDate" today="${TODAY}"
          page-size="20"></kehu-due-list>
      </section>
    </div>`;
  for (const list of host.querySelectorAll('kehu-due-list')) {
    list.addEventListener('kehu-record-activate', (event) =>
      context.navigate(`${event.detail.entity}/${encodeURIComponent(event.detail.id)}`),
    );
  }
  // Approved and rejected documents are settled; only open ones are "due".
  host.querySelector<HTMLElementTagNameMap['kehu-due-list']>('#due-document-list')!.selector = {
    status: { $in: ['draft', 'submitted'] },
  };
}

/** 待办/到期: follow-ups and visits by due date (agenda or month), and business documents falling due. */
export const dueListScreen: DemoScreen = {
  id: 'due-list',
  label: { 'zh-CN': '待办/到期', en: 'Due' },
  render(host, context) {
    if (!host.querySelector('kehu-due-list')) build(host, context);
    const { locale, store } = context;
    host.querySelector('#due-activities')!.textContent = text.activities[locale];
    host.querySelector('#due-documents')!.textContent = text.documents[locale];
    host.querySelector('#due-today')!.textContent = text.today[locale].replace('{today}', TODAY);
    for (const list of host.querySelectorAll('kehu-due-list')) {
      list.store = store;
      list.locale = locale;
      list.hidden = !store.has(list.entity ?? '');
    }
  },
};
