import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Store } from '@kehu/core';
import '@kehu/components/define.js';
import { DEFAULT_SEED_OPTIONS } from '../seed/index.js';
import { insuranceScreen } from './insurance.js';
import { crmStore, mountScreen } from './crm-test-support.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);

const TODAY = DEFAULT_SEED_OPTIONS.today; // 2026-11-01

let store: Store;
let claimId: string;
let assessmentId: string;
before(async () => {
  store = await crmStore('insurance', { id: 'u', name: '何理赔' });
  const picc = await store.entity('insurer').insert({ code: 'PICC', name: '中国人民财产保险', shortName: '人保财险' });
  const owner = await store.entity('customer').insert({ name: '黄晓明', type: 'consumer' });
  const car = await store.entity('vehicle').insert({ vin: 'LSVAM4187C2184847', plate: '粤B8K217', owner: owner.id });
  const policy = (number: string, kind: string, startDate: string, endDate: string) =>
    store.entity('insurance-policy').insert({
      vehicle: car.id,
      insurer: picc.id,
      policyNumber: number,
      kind: kind as 'compulsory',
      startDate,
      endDate,
    });
  const expiring = await policy('PDZA2025440300000001', 'compulsory', '2025-11-11', '2026-11-10');
  await policy('PDAA2025440300000002', 'commercial', '2025-11-11', '2026-11-10');
  await policy('PDAA2026440300000003', 'commercial', '2026-11-11', '2027-11-10'); // renewal bought early
  await policy('PDZA2025440300000004', 'compulsory', '2025-03-01', '2026-02-28'); // long over
  const assessment = await store.entity('document').insert({
    kind: 'loss-assessment',
    customer: owner.id,
    vehicle: car.id,
    date: '2026-10-09',
    lines: [{ description: '前保险杠皮（原厂件）', quantity: 1, unitPrice: 1850 }],
  });
  assessmentId = assessment.id;
  const claim = await store
    .entity('insurance-claim')
    .insert({ policy: expiring.id, reportedDate: '2026-10-08', description: '倒车碰撞' });
  claimId = claim.id;
});
after(() => store.close());

async function open(params: string[], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { host, routes, context } = await mountScreen(insuranceScreen, store, params, locale);
  return { host, routes, context };
}

const moveButton = (host: HTMLElement, to: string) =>
  host.querySelector<HTMLButtonElement>(`#claim-moves [data-to="${to}"]`);

describe('insurance screen', () => {
  it('lists the policies to renew, leaving out the renewed one, and follows the lead days', async () => {
    const { host } = await open([]);
    const count = () => host.querySelector('#ins-count')!.textContent!;
    await waitUntil(() => count().startsWith('1 份保单待续保'), 'one policy within 30 days');
    expect(count()).to.contain(TODAY);
    const due = host.querySelector('kehu-due-list')!;
    await waitUntil(() => due.shadowRoot!.textContent!.includes('PDZA2025440300000001'), 'the reminder');
    expect(due.shadowRoot!.textContent).not.to.contain('PDAA2025440300000002');
    const lead = host.querySelector<HTMLInputElement>('#ins-lead')!;
    lead.value = '5';
    lead.dispatchEvent(new Event('change'));
    await waitUntil(() => count().startsWith('0 份保单'), 'nothing within 5 days');
  });

  it('moves a claim forward, refuses a step back and reopens it with a reason', async () => {
    const { host } = await open([claimId]);
    const status = () => host.querySelector('#claim-status')!.textContent!;
    const message = () => host.querySelector('#claim-message')!.textContent!;
    await waitUntil(() => status().includes('已报案'), 'the claim');
    moveButton(host, 'assessed')!.click();
    await waitUntil(() => message().includes('请先关联定损单'), 'needs the assessment');
    host.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>('#claim-assessment')!.value = assessmentId;
    moveButton(host, 'assessed')!.click();
    await waitUntil(() => status().includes('已定损'), 'assessed');
    moveButton(host, 'approved')!.click();
    await waitUntil(() => status().includes('已核赔'), 'approved');
    const reopenTo = host.querySelector<HTMLSelectElement>('#claim-reopen-to')!;
    reopenTo.value = 'assessed';
    host.querySelector<HTMLButtonElement>('#claim-reopen')!.click();
    await waitUntil(() => message().includes('请选择“重新打开”并填写原因'), 'a reason is needed');
    host.querySelector<HTMLInputElement>('#claim-reason')!.value = '补充定损';
    host.querySelector<HTMLButtonElement>('#claim-reopen')!.click();
    await waitUntil(() => status().includes('已定损'), 'reopened');
    const history = [...host.querySelectorAll('#claim-history li')].map((li) => li.textContent);
    expect(history).to.have.length(3);
    expect(history[2]).to.contain('已核赔 → 已定损（补充定损）');
    expect(history[2]).to.contain('何理赔');
    await expect(host).to.be.accessible();
  });

  it('drops its pending work when taken down for another screen, without an error', async () => {
    const rejections: unknown[] = [];
    const record = (event: PromiseRejectionEvent) => rejections.push(event.reason);
    window.addEventListener('unhandledrejection', record);
    try {
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const mounted = new AbortController();
      const context = { store, entities: [...store.entities.values()], locale: 'zh-CN' as const, params: [claimId] };
      insuranceScreen.render(host, { ...context, navigate: () => undefined, signal: mounted.signal });
      // What the demo does on leaving: abort the screen's signal and empty the host at once,
      // while the reminders, filters, query and claim are still loading.
      mounted.abort();
      host.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'another screen' }));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(rejections.map(String)).to.deep.equal([]);
      expect(host.textContent).to.equal('another screen');
    } finally {
      window.removeEventListener('unhandledrejection', record);
    }
  });

  it('queries loss assessments by period and claim status, in English too', async () => {
    const { host } = await open([], 'en');
    const found = () => host.querySelector('#ins-found')!.textContent!;
    await waitUntil(() => found() === '1 loss assessments', 'the assessment of this year');
    expect(host.querySelector('#ins-results tbody')!.textContent).to.contain('2026-10-09');
    host.querySelector<HTMLSelectElement>('#ins-status')!.value = 'none';
    host.querySelector<HTMLButtonElement>('#ins-search')!.click();
    await waitUntil(() => found() === '0 loss assessments', 'it has a claim');
    host.querySelector<HTMLInputElement>('#ins-from')!.value = '2026-10-10';
    host.querySelector<HTMLSelectElement>('#ins-status')!.value = '';
    host.querySelector<HTMLButtonElement>('#ins-search')!.click();
    await waitUntil(() => found() === '0 loss assessments', 'outside the period');
    expect(host.querySelector('#ins-expiring')!.textContent).to.equal('Policies expiring');
    await expect(host).to.be.accessible();
  });
});
