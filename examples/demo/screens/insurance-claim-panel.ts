/**
 * The claim panel of the insurance screen: the chosen claim's status, the moves it allows (forward,
 * or a reopen with a reason) and its status history. The rules are `moveClaim`'s in @kehu/core.
 */
import { claimMoves, KehuError, moveClaim, type ClaimStatus, type Locale } from '@kehu/core';
import type { ScreenContext } from './types.js';

export const claimText = {
  choose: { 'zh-CN': '在理赔列表中选择一条理赔。', en: 'Choose a claim in the list.' },
  status: { 'zh-CN': '当前状态：', en: 'Status: ' },
  moveTo: { 'zh-CN': '改为', en: 'Mark' },
  reopen: { 'zh-CN': '重新打开到', en: 'Reopen as' },
  reopenButton: { 'zh-CN': '重新打开', en: 'Reopen' },
  reason: { 'zh-CN': '原因（拒赔、重新打开时必填）', en: 'Reason (needed to reject or reopen)' },
  assessment: { 'zh-CN': '定损单', en: 'Loss assessment' },
  paidAmount: { 'zh-CN': '赔付金额', en: 'Paid amount' },
  history: { 'zh-CN': '状态记录', en: 'Status history' },
  moved: { 'zh-CN': '已更新理赔状态。', en: 'Claim status updated.' },
} satisfies Record<string, Record<Locale, string>>;

export const claimPanelMarkup = `
  <p id="claim-choose"></p>
  <div id="claim-panel" hidden>
    <p class="crm-line"><strong id="claim-title"></strong> <span id="claim-status"></span></p>
    <div class="crm-claim-fields">
      <kehu-reference-picker id="claim-assessment" entity="document" no-create></kehu-reference-picker>
      <label class="crm-label"><span id="claim-paid-label"></span>
        <input id="claim-paid" type="number" min="0" step="0.01" inputmode="decimal" /></label>
      <label class="crm-label"><span id="claim-reason-label"></span><input id="claim-reason" maxlength="500" /></label>
    </div>
    <div id="claim-moves" role="group" class="crm-moves"></div>
    <div class="crm-reopen">
      <label class="crm-label"><span id="claim-reopen-label"></span><select id="claim-reopen-to"></select></label>
      <button type="button" id="claim-reopen"></button>
    </div>
    <p id="claim-message" role="status"></p>
    <h3 id="claim-history-title" class="crm-heading-minor"></h3>
    <ol id="claim-history" class="crm-steps"></ol>
  </div>`;

/** Labels of the claim statuses, from the schema. */
function statusLabel(context: ScreenContext, status: string): string {
  const entity = context.store.entities.get('insurance-claim');
  return entity?.field('status')?.options?.find((o) => o.value === status)?.label[context.locale] ?? status;
}

/** Shows the claim `id` (or the hint when none is chosen). */
export async function showClaim(host: HTMLElement, context: ScreenContext, id: string | undefined): Promise<void> {
  const { store, locale } = context;
  const q = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T>(selector)!;
  q('#claim-choose').textContent = claimText.choose[locale];
  q('#claim-paid-label').textContent = claimText.paidAmount[locale];
  q('#claim-reason-label').textContent = claimText.reason[locale];
  q('#claim-reopen-label').textContent = claimText.reopen[locale];
  q('#claim-reopen').textContent = claimText.reopenButton[locale];
  q('#claim-history-title').textContent = claimText.history[locale];
  const picker = q<HTMLElementTagNameMap['kehu-reference-picker']>('#claim-assessment');
  picker.store = store;
  picker.locale = locale;
  picker.label = claimText.assessment[locale];
  const claim = id && store.has('insurance-claim') ? await store.entity('insurance-claim').get(id) : null;
  if (context.signal?.aborted) return; // the user went to another screen meanwhile
  q('#claim-choose').hidden = !!claim;
  q('#claim-panel').hidden = !claim;
  host.dataset.claim = claim ? claim.id : '';
  if (!claim) return;
  const status = claim.status as ClaimStatus;
  q('#claim-title').textContent = String(claim.number ?? claim.id);
  q('#claim-status').textContent = `${claimText.status[locale]}${statusLabel(context, status)}`;
  picker.value = (claim.assessment as string | undefined) ?? '';
  q<HTMLInputElement>('#claim-paid').value = claim.paidAmount === undefined ? '' : String(claim.paidAmount);
  const moves = claimMoves(status);
  q('#claim-moves').replaceChildren(
    ...moves.forward.map((to) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.to = to;
      button.textContent = `${claimText.moveTo[locale]}「${statusLabel(context, to)}」`;
      return button;
    }),
  );
  q('#claim-reopen-to').replaceChildren(...moves.reopen.map((to) => new Option(statusLabel(context, to), to)));
  q('#claim-reopen').hidden = q('#claim-reopen-to').parentElement!.hidden = moves.reopen.length === 0;
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  q('#claim-history').replaceChildren(
    ...((claim.history as { from?: string; to: string; at: string; by?: string; reason?: string }[]) ?? []).map((h) => {
      const li = document.createElement('li');
      const from = h.from ? `${statusLabel(context, h.from)} → ` : '';
      li.textContent = `${fmt.format(new Date(h.at))} ${h.by ?? ''}：${from}${statusLabel(context, h.to)}${
        h.reason ? `（${h.reason}）` : ''
      }`;
      return li;
    }),
  );
}

/** Wires the panel's buttons once; `current` gives the context of the latest render. */
export function wireClaimPanel(host: HTMLElement, current: () => ScreenContext | undefined): void {
  const run = async (to: ClaimStatus, reopen: boolean) => {
    const context = current();
    const id = host.dataset.claim;
    if (!context || !id) return;
    const message = host.querySelector('#claim-message')!;
    const reason = host.querySelector<HTMLInputElement>('#claim-reason')!.value.trim();
    const assessment = host.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>('#claim-assessment')!.value;
    const paid = host.querySelector<HTMLInputElement>('#claim-paid')!.value;
    const changes: Record<string, unknown> = {};
    if (to === 'assessed' && assessment) changes.assessment = assessment;
    if (to === 'paid' && paid !== '') {
      changes.paidAmount = Number(paid);
      changes.paidDate = new Date().toISOString().slice(0, 10);
    }
    try {
      await moveClaim(context.store, id, to, { reopen, reason, changes });
      host.querySelector<HTMLInputElement>('#claim-reason')!.value = '';
      await showClaim(host, context, id);
      message.textContent = claimText.moved[context.locale];
    } catch (error) {
      message.textContent = error instanceof KehuError ? error.messageIn(context.locale) : String(error);
    }
  };
  host.querySelector('#claim-moves')!.addEventListener('click', (event) => {
    const to = (event.target as HTMLElement).closest<HTMLElement>('[data-to]')?.dataset.to;
    if (to) void run(to as ClaimStatus, false);
  });
  host.querySelector('#claim-reopen')!.addEventListener('click', () => {
    const to = host.querySelector<HTMLSelectElement>('#claim-reopen-to')!.value;
    if (to) void run(to as ClaimStatus, true);
  });
}
