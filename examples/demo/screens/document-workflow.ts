/**
 * The document-entry screen's workflow bar (submit / approve / reject / reverse) and line pricing
 * (a line whose product is chosen and whose unit price is empty gets the resolved price). The rules
 * are @kehu/core's; this file only wires buttons and events to them.
 */
import {
  approveDocument,
  documentActionProblem,
  documentActions,
  KehuError,
  priceDocumentLine,
  rejectDocument,
  reverseDocument,
  submitDocument,
  type DocumentAction,
  type Locale,
  type Store,
} from '@kehu/core';
import type { ScreenContext } from './types.js';

type Form = HTMLElementTagNameMap['kehu-record-form'];
type Row = Record<string, unknown>;

export const workflowText = {
  status: { 'zh-CN': '状态：', en: 'Status: ' },
  submit: { 'zh-CN': '提交', en: 'Submit' },
  approve: { 'zh-CN': '审核', en: 'Approve' },
  reject: { 'zh-CN': '驳回', en: 'Reject' },
  reverse: { 'zh-CN': '冲销', en: 'Reverse' },
  reason: { 'zh-CN': '审核意见 / 冲销原因', en: 'Review comment / reason' },
  locked: {
    'zh-CN': '该单据已审核，不能修改或删除；如需更正，请冲销。',
    en: 'This document is approved and cannot be changed or deleted; reverse it to correct it.',
  },
  reversal: { 'zh-CN': '这是冲销单，冲销原单：', en: 'This is a reversal of ' },
  done: {
    'zh-CN': {
      submit: '已提交审核。',
      approve: '已审核，跟踪价格已更新。',
      reject: '已驳回。',
      reverse: '已生成冲销单。',
    },
    en: {
      submit: 'Submitted for approval.',
      approve: 'Approved; tracking prices updated.',
      reject: 'Rejected.',
      reverse: 'Reversal created.',
    },
  },
  priced: { 'zh-CN': '单价取自', en: 'Unit price from' },
  noPrice: { 'zh-CN': '未找到单价', en: 'No price found' },
} as const;

const ACTIONS: DocumentAction[] = ['submit', 'approve', 'reject', 'reverse'];

/** The bar's markup; ids are prefixed `wf-`. */
export const workflowMarkup = `
  <div id="wf-bar" role="group" class="crm-workflow-bar">
    <strong id="wf-status"></strong>
    ${ACTIONS.map((a) => `<button type="button" id="wf-${a}" data-action="${a}" hidden></button>`).join('')}
    <label class="crm-reason"><span id="wf-reason-label"></span>
      <input id="wf-reason" maxlength="500" /></label>
  </div>
  <p id="wf-message" role="status" class="crm-line"></p>
  <p id="wf-price" aria-live="polite" class="crm-price-note"></p>`;

interface Wiring {
  store?: Store;
  locale: Locale;
  id?: string;
  context?: ScreenContext;
}

/**
 * Keyed by the form, not the host: the demo reuses one host for every screen, and a screen shown
 * again gets a new form and bar that must be wired again.
 */
const wiring = new WeakMap<Form, Wiring>();

/** Updates the bar for the document shown (none when a new one is being entered). */
export async function showWorkflow(host: HTMLElement, form: Form, context: ScreenContext, id?: string): Promise<void> {
  const state = wiring.get(form) ?? wire(host, form);
  Object.assign(state, { store: context.store, locale: context.locale, id, context });
  const { locale } = context;
  host.querySelector('#wf-reason-label')!.textContent = workflowText.reason[locale];
  for (const action of ACTIONS) host.querySelector(`#wf-${action}`)!.textContent = workflowText[action][locale];
  const bar = host.querySelector<HTMLElement>('#wf-bar')!;
  const document = id ? await context.store.entity('document').get(id) : null;
  // Another document was opened meanwhile, or the user left the screen.
  if (state.id !== id || context.signal?.aborted) return;
  bar.hidden = !document;
  form.readonly = document?.status === 'approved';
  if (!document) return;
  const entity = context.store.entities.get('document')!;
  const status = entity.field('status')?.options?.find((o) => o.value === document.status)?.label[locale];
  const reverses = document.reverses ? `${workflowText.reversal[locale]}${String(document.reverses)}` : '';
  host.querySelector('#wf-status')!.textContent = `${workflowText.status[locale]}${status ?? ''} ${reverses}`.trim();
  const allowed = documentActions(document);
  for (const action of ACTIONS) host.querySelector<HTMLElement>(`#wf-${action}`)!.hidden = !allowed.includes(action);
  host.querySelector<HTMLElement>('#wf-reason')!.parentElement!.hidden =
    !allowed.includes('reject') && !allowed.includes('reverse');
  if (document.status === 'approved') host.querySelector('#wf-message')!.textContent = workflowText.locked[locale];
}

function wire(host: HTMLElement, form: Form): Wiring {
  const state: Wiring = { locale: 'zh-CN' };
  wiring.set(form, state);
  host.querySelector('#wf-bar')!.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action) void act(host, form, state, action as DocumentAction);
  });
  // Pricing: a product chosen (or lines pasted) leaves unit prices empty; fill them from the rules.
  form.addEventListener('kehu-line-items-change', (event) => {
    const path = (event as CustomEvent<{ path: (string | number)[] }>).detail.path;
    if (path.length === 0 || path[1] === 'product') void priceLines(host, form, state);
  });
  return state;
}

async function act(host: HTMLElement, form: Form, state: Wiring, action: DocumentAction): Promise<void> {
  const { store, id, locale, context } = state;
  if (!store || !id || !context) return;
  const message = host.querySelector('#wf-message')!;
  const reason = host.querySelector<HTMLInputElement>('#wf-reason')!.value.trim();
  try {
    const document = await store.entity('document').get(id);
    const problem = document && documentActionProblem(document, action, { reason });
    if (problem) {
      message.textContent = problem[locale];
      return;
    }
    if (form.dirty && action !== 'reverse') await form.save();
    if (action === 'submit') await submitDocument(store, id);
    if (action === 'approve') await approveDocument(store, id);
    if (action === 'reject') await rejectDocument(store, id, reason);
    if (context.signal?.aborted) return; // the user went to another screen meanwhile
    host.querySelector<HTMLInputElement>('#wf-reason')!.value = '';
    if (action === 'reverse') {
      const reversal = await reverseDocument(store, id, { reason });
      message.textContent = workflowText.done[locale].reverse;
      context.navigate(`screen/document-entry/${encodeURIComponent(reversal.id)}`);
      return;
    }
    // Reload the form from the store: same id, so clear it first.
    form.recordId = undefined;
    await form.updateComplete;
    form.recordId = id;
    await showWorkflow(host, form, context, id);
    message.textContent = workflowText.done[locale][action];
  } catch (error) {
    message.textContent = error instanceof KehuError ? error.messageIn(locale) : String(error);
  }
}

async function priceLines(host: HTMLElement, form: Form, state: Wiring): Promise<void> {
  const { store, locale } = state;
  if (!store || form.readonly) return;
  const values = form.values;
  const lines = (values.lines as Row[] | undefined) ?? [];
  const priced = await Promise.all(
    lines.map((line) =>
      priceDocumentLine(store, { customer: values.customer as string, date: values.date as string }, line),
    ),
  );
  const resolved = priced.filter((p) => p.resolution);
  if (!resolved.length || state.context?.signal?.aborted) return;
  // The user may have typed meanwhile: only fill lines that still have this product and no price.
  const now = (form.values.lines as Row[] | undefined) ?? [];
  const next = now.map((line, i) =>
    priced[i]?.resolution && line.product === lines[i]?.product && line.unitPrice === undefined
      ? { ...line, unitPrice: priced[i].line.unitPrice }
      : line,
  );
  if (next.some((line, i) => line !== now[i])) form.setValue(['lines'], next);
  const last = resolved[resolved.length - 1].resolution!;
  host.querySelector('#wf-price')!.textContent =
    last.price === null
      ? `${workflowText.noPrice[locale]}：${last.explanation[locale]}`
      : `${workflowText.priced[locale]} ${last.explanation[locale]}`;
}
