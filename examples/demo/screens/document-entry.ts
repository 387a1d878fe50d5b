import type { Locale } from '@kehu/core';
import type { DemoScreen, ScreenContext } from './types.js';
import { showWorkflow, workflowMarkup } from './document-workflow.js';
import { adoptCrmStyles } from './crm-styles.js';

const text = {
  documents: { 'zh-CN': '业务单据', en: 'Business documents' },
  newDocument: { 'zh-CN': '新建单据', en: 'New document' },
  entry: { 'zh-CN': '单据录入', en: 'Document entry' },
  editing: { 'zh-CN': '编辑单据', en: 'Edit document' },
  hint: {
    'zh-CN': '明细表格支持方向键、回车编辑，可直接粘贴 Excel/WPS 表格；金额与合计自动计算。',
    en: 'The lines grid takes arrow keys and Enter, and cells pasted from Excel or WPS; amounts and the total are computed.',
  },
} satisfies Record<string, Record<Locale, string>>;

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <div class="crm-split-entry">
      <section class="crm-panel" aria-labelledby="documents-title">
        <h1 id="documents-title"></h1>
        <p><button type="button" id="document-new"></button></p>
        <kehu-record-list entity="document" columns="number,customer,totalAmount" class="crm-list-documents"></kehu-record-list>
      </section>
      <section class="crm-panel" aria-labelledby="entry-title">
        <h2 id="entry-title"></h2>
        <p id="entry-hint" class="crm-hint"></p>
        ${workflowMarkup}
        <kehu-record-form entity="document"></kehu-record-form>
      </section>
    </div>`;
  const form = host.querySelector('kehu-record-form')!;
  // Leaving a form with unsaved lines asks first (the form's own dialog); the browser asks on unload.
  const go = async (hash: string) => {
    if (await form.confirmLeave()) context.navigate(hash);
  };
  host
    .querySelector('kehu-record-list')!
    .addEventListener(
      'kehu-record-activate',
      (event) => void go(`screen/document-entry/${encodeURIComponent(event.detail.id)}`),
    );
  host.querySelector('#document-new')!.addEventListener('click', () => void go('screen/document-entry'));
  form.addEventListener('kehu-record-save', (event) => {
    if (event.detail.created) context.navigate(`screen/document-entry/${encodeURIComponent(event.detail.id)}`);
  });
}

/** 单据录入: a document form with spreadsheet-like lines, new or opened from the documents list. */
export const documentEntryScreen: DemoScreen = {
  id: 'document-entry',
  label: { 'zh-CN': '单据录入', en: 'Document entry' },
  render(host, context) {
    if (!host.querySelector('kehu-record-form')) build(host, context);
    const { locale, params } = context;
    const id = params[0] || undefined;
    host.querySelector('#documents-title')!.textContent = text.documents[locale];
    host.querySelector('#document-new')!.textContent = text.newDocument[locale];
    host.querySelector('#entry-title')!.textContent = id ? text.editing[locale] : text.entry[locale];
    host.querySelector('#entry-hint')!.textContent = text.hint[locale];
    const form = host.querySelector('kehu-record-form')!;
    // A language switch renders again: a new document keeps what was typed (same `record` object).
    const alreadyNew = form.mode === 'create' && !form.recordId && !!form.record;
    form.mode = id ? 'edit' : 'create';
    form.recordId = id;
    if (!id && !alreadyNew) form.record = { kind: 'order', date: new Date().toISOString().slice(0, 10), lines: [] };
    void showWorkflow(host, form, context, id);
  },
};
