import { CRM_SETTINGS_DEFAULTS, type Locale } from '@kehu/core';
import { adoptCrmStyles } from './crm-styles.js';
import type { DemoScreen } from './types.js';

const text = {
  title: { 'zh-CN': '客户管理参数设置', en: 'Customer-management parameters' },
  intro: {
    'zh-CN':
      '这些参数决定流失客户的判定期限、各类单据后的回访间隔、提前提醒天数和各组织的默认价格层级。未填写的参数按默认值：流失期限 {lost} 天，提前 {lead} 天提醒。',
    en: 'These parameters set when a customer counts as lost, when follow-ups fall due after each kind of document, how many days ahead reminders appear and each organisation’s default price tier. Empty ones take the defaults: lost after {lost} days, reminders {lead} days ahead.',
  },
  missing: {
    'zh-CN': '此演示没有加载 crm-settings 实体。',
    en: 'This demo has no crm-settings entity loaded.',
  },
} satisfies Record<string, Record<Locale, string>>;

/** A new parameters record starts from the defaults, so saving it unchanged writes them down. */
const NEW_RECORD = {
  name: '默认参数',
  lostCustomerDays: CRM_SETTINGS_DEFAULTS.lostCustomerDays,
  reminderLeadDays: CRM_SETTINGS_DEFAULTS.reminderLeadDays,
  followUpWindowDays: CRM_SETTINGS_DEFAULTS.followUpWindowDays,
  followUpRules: CRM_SETTINGS_DEFAULTS.followUpRules.map((rule) => ({ ...rule })),
};

function build(host: HTMLElement): void {
  adoptCrmStyles();
  host.innerHTML = `
    <section class="crm-panel crm-panel-narrow" aria-labelledby="crm-settings-title">
      <h1 id="crm-settings-title" class="crm-title"></h1>
      <p id="crm-settings-intro" class="crm-note"></p>
      <p id="crm-settings-missing" role="alert" hidden></p>
      <kehu-record-form id="crm-settings-form" entity="crm-settings"></kehu-record-form>
    </section>`;
  // The first save creates the record; from then on the form edits it.
  host.querySelector('kehu-record-form')!.addEventListener('kehu-record-save', (event) => {
    const form = event.currentTarget as HTMLElementTagNameMap['kehu-record-form'];
    if (event.detail.created) form.recordId = event.detail.id;
  });
}

/** 参数设置: the one parameters record every CRM rule reads (getSettings), edited with the generic form. */
export const crmSettingsScreen: DemoScreen = {
  id: 'crm-settings',
  label: { 'zh-CN': '参数设置', en: 'Parameters' },
  render(host, context) {
    if (!host.querySelector('#crm-settings-form')) build(host);
    const { locale, store } = context;
    host.querySelector('#crm-settings-title')!.textContent = text.title[locale];
    host.querySelector('#crm-settings-intro')!.textContent = text.intro[locale]
      .replace('{lost}', String(CRM_SETTINGS_DEFAULTS.lostCustomerDays))
      .replace('{lead}', String(CRM_SETTINGS_DEFAULTS.reminderLeadDays));
    const form = host.querySelector('kehu-record-form')!;
    const missing = host.querySelector<HTMLElement>('#crm-settings-missing')!;
    missing.textContent = text.missing[locale];
    missing.hidden = store.has('crm-settings');
    form.hidden = !missing.hidden;
    form.store = store;
    form.locale = locale;
    if (!store.has('crm-settings') || form.recordId) return;
    void store
      .entity('crm-settings')
      .find({ sort: { field: 'createdAt', direction: 'asc' }, limit: 1 })
      .then(([record]) => {
        if (record) form.recordId = record.id;
        else form.record = NEW_RECORD;
      });
  },
};
