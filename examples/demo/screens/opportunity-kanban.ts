import type { Locale } from '@kehu/core';
import { SALES_REPS } from '../seed/names.js';
import type { DemoScreen, ScreenContext } from './types.js';
import { adoptCrmStyles } from './crm-styles.js';

const text = {
  title: { 'zh-CN': '商机看板', en: 'Opportunity pipeline' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
  everyone: { 'zh-CN': '全部', en: 'Everyone' },
  details: { 'zh-CN': '商机信息', en: 'Opportunity' },
  hint: {
    'zh-CN': '拖动卡片可改变阶段；键盘：空格拿起，左右方向键选列，空格放下。',
    en: 'Drag a card to change its stage; keyboard: Space to pick up, Left/Right to choose, Space to drop.',
  },
} satisfies Record<string, Record<Locale, string>>;

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  const reps = Object.values(SALES_REPS).flat();
  host.innerHTML = `
    <section class="crm-panel" aria-labelledby="pipeline-title">
      <div class="crm-heading-bar">
        <h1 id="pipeline-title" class="crm-flush"></h1>
        <label><span id="pipeline-owner"></span>
          <select id="pipeline-owner-select"><option value=""></option>${reps
            .map((rep) => `<option>${rep}</option>`)
            .join('')}</select>
        </label>
        <p id="pipeline-hint" class="crm-inline-note"></p>
      </div>
      <kehu-record-kanban entity="opportunity" group-by="stage" sum-field="amount" class="crm-kanban"></kehu-record-kanban>
    </section>
    <section class="crm-panel crm-gap" aria-labelledby="pipeline-details" hidden id="pipeline-form">
      <h2 id="pipeline-details"></h2>
      <kehu-record-form entity="opportunity"></kehu-record-form>
    </section>`;
  const kanban = host.querySelector('kehu-record-kanban')!;
  kanban.addEventListener('kehu-record-activate', (event) =>
    context.navigate(`screen/opportunity-kanban/${encodeURIComponent(event.detail.id)}`),
  );
  host.querySelector<HTMLSelectElement>('#pipeline-owner-select')!.addEventListener('change', (event) => {
    const owner = (event.target as HTMLSelectElement).value;
    kanban.selector = owner ? { owner } : undefined;
  });
}

/** 商机看板: opportunities by stage with amount sums; drag (or move by keyboard) to change the stage. */
export const opportunityKanban: DemoScreen = {
  id: 'opportunity-kanban',
  label: { 'zh-CN': '商机看板', en: 'Pipeline' },
  render(host, context) {
    if (!host.querySelector('kehu-record-kanban')) build(host, context);
    const { locale, params, store } = context;
    const id = params[0] || undefined;
    host.querySelector('#pipeline-title')!.textContent = text.title[locale];
    host.querySelector('#pipeline-owner')!.textContent = `${text.owner[locale]} `;
    host.querySelector('#pipeline-owner-select option[value=""]')!.textContent = text.everyone[locale];
    host.querySelector('#pipeline-hint')!.textContent = text.hint[locale];
    host.querySelector('#pipeline-details')!.textContent = text.details[locale];
    const kanban = host.querySelector('kehu-record-kanban')!;
    kanban.store = store;
    kanban.locale = locale;
    host.querySelector<HTMLElement>('#pipeline-form')!.hidden = !id;
    host.querySelector('kehu-record-form')!.recordId = id;
  },
};
