import { generateFollowUps, KehuError, type Locale } from '@kehu/core';
import { DEFAULT_SEED_OPTIONS } from '../seed/index.js';
import { adoptCrmStyles } from './crm-styles.js';
import type { DemoScreen, ScreenContext } from './types.js';

const text = {
  due: { 'zh-CN': '待回访', en: 'Follow-ups due' },
  outcome: { 'zh-CN': '登记回访结果', en: 'Record the outcome' },
  choose: {
    'zh-CN': '在待回访列表中选择一条回访，填写跟踪方式、评价类别和问题回答，并把状态改为“已回访”。',
    en: 'Choose a follow-up in the list, fill in the method, evaluation and answers, and set its status to Done.',
  },
  generate: { 'zh-CN': '按参数生成回访任务', en: 'Generate follow-ups from the parameters' },
  today: {
    'zh-CN': '演示数据的“今天”是 {today}；回访任务按“参数设置”中的间隔，从已审核的销售和维修单据生成。',
    en: 'The demo data’s “today” is {today}; follow-ups are generated from approved sales and service documents at the intervals set under Parameters.',
  },
  generated: {
    'zh-CN': '新建 {created} 条回访任务，取消 {cancelled} 条（客户已删除）。',
    en: 'Created {created} follow-ups; cancelled {cancelled} (customer deleted).',
  },
  saved: { 'zh-CN': '回访结果已保存。', en: 'Outcome saved.' },
} satisfies Record<string, Record<Locale, string>>;

const TODAY = DEFAULT_SEED_OPTIONS.today;

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <p id="fu-today" class="crm-note"></p>
    <p class="crm-actions">
      <button id="fu-generate" type="button"></button>
      <span id="fu-status" role="status"></span>
    </p>
    <div class="crm-grid">
      <section class="crm-panel" aria-labelledby="fu-due">
        <h2 id="fu-due" class="crm-title"></h2>
        <kehu-due-list id="fu-list" entity="follow-up" date-field="dueDate" today="${TODAY}"></kehu-due-list>
      </section>
      <section class="crm-panel" aria-labelledby="fu-outcome">
        <h2 id="fu-outcome" class="crm-title"></h2>
        <p id="fu-choose"></p>
        <kehu-record-form id="fu-form" entity="follow-up"></kehu-record-form>
      </section>
    </div>`;
  const list = host.querySelector('kehu-due-list')!;
  // Done and cancelled follow-ups are settled; the list shows what is still to do.
  list.selector = { status: 'open' };
  list.addEventListener('kehu-record-activate', (event) =>
    context.navigate(`screen/follow-ups/${encodeURIComponent(event.detail.id)}`),
  );
  const status = host.querySelector<HTMLElement>('#fu-status')!;
  host.querySelector('#fu-form')!.addEventListener('kehu-record-save', () => {
    status.textContent = text.saved[(host.dataset.locale as Locale) ?? 'zh-CN'];
  });
  host.querySelector<HTMLButtonElement>('#fu-generate')!.addEventListener('click', async (event) => {
    const button = event.currentTarget as HTMLButtonElement;
    const locale = (host.dataset.locale as Locale) ?? 'zh-CN';
    button.disabled = true;
    try {
      const run = await generateFollowUps(context.store, { asOf: TODAY });
      status.textContent = text.generated[locale]
        .replace('{created}', String(run.created.length))
        .replace('{cancelled}', String(run.cancelled.length));
    } catch (error) {
      status.textContent = error instanceof KehuError ? error.messageIn(locale) : String(error);
    } finally {
      button.disabled = false;
    }
  });
}

/**
 * 回访管理: follow-ups generated from approved sales and services per the parameters, listed by
 * due date; choosing one opens its form to record method, evaluation and answers.
 */
export const followUpsScreen: DemoScreen = {
  id: 'follow-ups',
  label: { 'zh-CN': '回访管理', en: 'Follow-ups' },
  render(host, context) {
    if (!host.querySelector('#fu-list')) build(host, context);
    const { locale, store, params } = context;
    const id = params[0] || undefined;
    host.dataset.locale = locale;
    host.querySelector('#fu-today')!.textContent = text.today[locale].replace('{today}', TODAY);
    host.querySelector('#fu-generate')!.textContent = text.generate[locale];
    host.querySelector('#fu-due')!.textContent = text.due[locale];
    host.querySelector('#fu-outcome')!.textContent = text.outcome[locale];
    const choose = host.querySelector<HTMLElement>('#fu-choose')!;
    choose.textContent = text.choose[locale];
    const list = host.querySelector('kehu-due-list')!;
    Object.assign(list, { store, locale });
    const form = host.querySelector('kehu-record-form')!;
    Object.assign(form, { store, locale, recordId: id });
    form.hidden = !id;
    const ready = store.has('follow-up');
    host.querySelector<HTMLButtonElement>('#fu-generate')!.disabled = !ready;
  },
};
