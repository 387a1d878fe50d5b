import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Store } from '@kehu/core';
import '@kehu/components/define.js';
import { followUpsScreen } from './follow-ups.js';
import { customerLevelsScreen } from './customer-levels.js';
import { crmStore, screenContext } from './crm-test-support.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);

let store: Store;
before(async () => {
  store = await crmStore('follow-ups');
  await store.entity('customer-level').bulkInsert([
    { id: 'clv-1', code: 'L1', name: '钻石客户', rank: 1 },
    { id: 'clv-2', code: 'L2', name: '金卡客户', rank: 2 },
  ]);
  await store.entity('customer').bulkInsert([
    { id: 'cus-1', name: '广州粤顺物流有限公司', type: 'b2b', level: 'clv-2' },
    { id: 'cus-2', name: '张伟', type: 'consumer' },
  ]);
  // The demo's "today" is 2026-11-01: a service two days before falls due on 11-01 + 1.
  await store.entity('document').bulkInsert([
    { id: 'doc-1', number: 'DJ2026100001', kind: 'service', status: 'approved', customer: 'cus-1', date: '2026-10-30' },
    { id: 'doc-2', number: 'DJ2026100002', kind: 'order', status: 'draft', customer: 'cus-2', date: '2026-10-30' },
  ]);
});
after(() => store.close());

describe('follow-ups screen (回访管理)', () => {
  it('generates the due follow-ups once, lists them and opens one to record the outcome', async () => {
    const el = await fixture<HTMLElement>(html`<div></div>`);
    const context = screenContext(store, 'zh-CN');
    followUpsScreen.render(el, context);
    const button = el.querySelector<HTMLButtonElement>('#fu-generate')!;
    expect(button.textContent).to.equal('按参数生成回访任务');
    button.click();
    const status = el.querySelector('#fu-status')!;
    await waitUntil(() => status.textContent?.startsWith('新建'), 'the run');
    expect(status.textContent).to.equal('新建 1 条回访任务，取消 0 条（客户已删除）。');
    const list = el.querySelector('kehu-due-list')!;
    await waitUntil(() => list.shadowRoot?.textContent?.includes('维修回访：DJ2026100001'), 'listed');

    button.click();
    await waitUntil(() => status.textContent === '新建 0 条回访任务，取消 0 条（客户已删除）。', 'idempotent');
    expect(await store.entity('follow-up').count()).to.equal(1);

    list.shadowRoot!.querySelector<HTMLElement>('[part~="item-button"]')!.click();
    expect(context.routes.at(-1)).to.equal('screen/follow-ups/fu-doc-1-3d');
    const form = el.querySelector('kehu-record-form')!;
    expect(form.hidden).to.equal(true);
    followUpsScreen.render(el, { ...context, params: ['fu-doc-1-3d'] });
    expect(form.hidden).to.equal(false);
    expect(form.recordId).to.equal('fu-doc-1-3d');
  });

  it('is accessible in both locales', async () => {
    const el = await fixture<HTMLElement>(html`<div></div>`);
    followUpsScreen.render(el, screenContext(store, 'zh-CN'));
    await expect(el).to.be.accessible();
    followUpsScreen.render(el, screenContext(store, 'en', ['fu-doc-1-3d']));
    expect(el.querySelector('#fu-generate')!.textContent).to.equal('Generate follow-ups from the parameters');
    await expect(el).to.be.accessible();
  });
});

describe('customer-levels screen (更改客户级别)', () => {
  it('refuses a change without a reason, then records one with its reason', async () => {
    const el = await fixture<HTMLElement>(html`<div></div>`);
    customerLevelsScreen.render(el, screenContext(store, 'zh-CN', ['cus-1']));
    const customer = el.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>('#levels-customer')!;
    const level = el.querySelector<HTMLElementTagNameMap['kehu-reference-picker']>('#levels-level')!;
    expect(customer.value).to.equal('cus-1');
    level.value = 'clv-1';
    const submit = el.querySelector<HTMLButtonElement>('#levels-submit')!;
    const message = el.querySelector('#levels-message')!;
    submit.click();
    await waitUntil(() => message.textContent, 'a refusal');
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.equal('请填写更改客户级别的原因。');

    el.querySelector<HTMLTextAreaElement>('#levels-reason')!.value = '签订年度维保框架协议';
    submit.click();
    await waitUntil(() => message.getAttribute('role') === 'status', 'done');
    expect(message.textContent).to.equal('广州粤顺物流有限公司 的级别已更改并记录。');
    expect((await store.entity('customer').get('cus-1'))?.level).to.equal('clv-1');
    const list = el.querySelector('kehu-record-list')!;
    await waitUntil(() => list.shadowRoot?.textContent?.includes('签订年度维保框架协议'), 'the history');

    el.querySelector<HTMLTextAreaElement>('#levels-reason')!.value = '重复提交';
    submit.click();
    await waitUntil(() => message.getAttribute('role') === 'alert');
    expect(message.textContent).to.contain('已经是钻石客户');
  });

  it('shows the change on the customer’s timeline, readably', async () => {
    const timeline = await fixture<HTMLElementTagNameMap['kehu-record-timeline']>(
      html`<kehu-record-timeline
        entity="customer"
        record-id="cus-1"
        locale="zh-CN"
        .store=${store}
      ></kehu-record-timeline>`,
    );
    await waitUntil(
      () => timeline.shadowRoot?.textContent?.includes('客户级别变更：签订年度维保框架协议'),
      'the change',
    );
    const item = [...timeline.shadowRoot!.querySelectorAll('[part~="item"]')].find((li) =>
      li.textContent!.includes('客户级别变更'),
    )!;
    // From and to levels by name, and who changed it; the customer itself is not repeated.
    await waitUntil(() => item.textContent!.includes('金卡客户 · 钻石客户 · 梁晓红'), item.textContent!);
    // The customer's own history says the same in a sentence.
    expect(timeline.shadowRoot!.textContent).to.contain('梁晓红 将客户级别');
  });

  it('is accessible in both locales', async () => {
    const el = await fixture<HTMLElement>(html`<div></div>`);
    customerLevelsScreen.render(el, screenContext(store, 'zh-CN'));
    await expect(el).to.be.accessible();
    customerLevelsScreen.render(el, screenContext(store, 'en'));
    expect(el.querySelector('#levels-submit')!.textContent).to.equal('Change level');
    await expect(el).to.be.accessible();
  });
});
