import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Store } from '@kehu/core';
import '@kehu/components/define.js';
import { lostCustomersScreen } from './lost-customers.js';
import { opportunityAnalysisScreen } from './opportunity-analysis.js';
import { renderSegments } from './segments-panel.js';
import { crmStore, screenContext } from './crm-test-support.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);

let store: Store;
before(async () => {
  store = await crmStore('lost');
  const created = '2024-01-10T02:00:00.000Z';
  await store.entity<Record<string, unknown>>('customer' as string).bulkInsert([
    {
      id: 'cus-1',
      code: 'KH202400001',
      name: '广州粤顺物流有限公司',
      type: 'b2b',
      createdAt: created,
      addresses: [{ kind: 'registered', province: '广东省', city: '广州市' }],
    },
    { id: 'cus-2', code: 'KH202400002', name: '张伟', type: 'consumer', createdAt: created },
    { id: 'cus-3', code: 'KH202400003', name: '<script>alert(1)</script>', type: 'consumer', createdAt: created },
  ]);
  await store.entity('crm-settings').insert({ name: '默认', lostCustomerDays: 180 });
  const line = (description: string, amount: number) => [{ description, quantity: 1, unitPrice: amount, amount }];
  await store.entity('document').bulkInsert([
    {
      number: 'DJ2026090001',
      kind: 'order',
      status: 'approved',
      customer: 'cus-1',
      date: '2026-09-01',
      lines: line('车队保养套餐', 120000),
    },
    {
      number: 'DJ2025120001',
      kind: 'service',
      status: 'approved',
      customer: 'cus-2',
      date: '2025-12-01',
      lines: line('常规保养', 800),
    },
  ]);
  await store.entity('opportunity').bulkInsert([
    {
      name: '车队年度保养',
      customer: 'cus-1',
      stage: 'won',
      amount: 120000,
      probability: 100,
      expectedCloseDate: '2026-10-20',
    },
    {
      name: '新车采购 10 台',
      customer: 'cus-1',
      stage: 'negotiation',
      amount: 1500000,
      probability: 60,
      expectedCloseDate: '2026-11-15',
      region: '广东省',
    },
    {
      name: '延保套餐',
      customer: 'cus-2',
      stage: 'lost',
      amount: 8000,
      probability: 0,
      expectedCloseDate: '2026-10-05',
    },
  ]);
  await store.entity('activity').bulkInsert([
    {
      kind: 'visit',
      subject: '拜访车队负责人',
      customer: 'cus-1',
      dueDate: '2026-10-12',
      done: true,
      participants: ['黄经理'],
    },
    // Planned, not made: no contact yet.
    { kind: 'follow-up', subject: '维修回访', customer: 'cus-2', dueDate: '2026-11-15', done: false },
  ]);
});
after(() => store.close());

const host = () => fixture<HTMLElement>(html`<div></div>`);

describe('lost-customers screen (流失客户)', () => {
  it('lists the customers with no contact within the parameters’ period, and searches again', async () => {
    const el = await host();
    lostCustomersScreen.render(el, screenContext(store, 'zh-CN'));
    const summary = el.querySelector('#lost-summary')!;
    await waitUntil(() => summary.textContent?.startsWith('截至'), 'the first search');
    expect(el.querySelector<HTMLInputElement>('#lost-period')!.value).to.equal('180');
    expect(summary.textContent).to.equal('截至 2026-11-01，共 2 位客户超过 180 天没有单据和活动。');
    const list = el.querySelector('kehu-record-list')!;
    await waitUntil(() => list.shadowRoot?.textContent?.includes('张伟'), 'listed');
    expect(list.shadowRoot!.textContent).to.contain('<script>alert(1)</script>');
    expect(list.shadowRoot!.textContent).not.to.contain('广州粤顺物流有限公司');
    expect(el.querySelector<HTMLButtonElement>('#lost-export')!.disabled).to.equal(false);

    const period = el.querySelector<HTMLInputElement>('#lost-period')!;
    period.value = '400';
    el.querySelector<HTMLButtonElement>('#lost-search')!.click();
    await waitUntil(() => summary.textContent?.includes('共 1 位'), 'a longer period');
    period.value = '0';
    el.querySelector<HTMLButtonElement>('#lost-search')!.click();
    await waitUntil(() => summary.getAttribute('role') === 'alert');
    expect(summary.textContent).to.equal('请输入 1 到 3650 之间的天数。');
    expect(period.getAttribute('aria-invalid')).to.equal('true');
  });

  it('is accessible in both locales', async () => {
    const el = await host();
    lostCustomersScreen.render(el, screenContext(store, 'en'));
    await waitUntil(() => el.querySelector('#lost-summary')!.textContent?.startsWith('As of'));
    await expect(el).to.be.accessible();
    lostCustomersScreen.render(el, screenContext(store, 'zh-CN'));
    expect(el.querySelector('#lost-export')!.textContent).to.equal('导出含最后联系日期的 CSV');
    await expect(el).to.be.accessible();
  });
});

describe('opportunity-analysis screen (商机分析)', () => {
  it('analyses by region with forecast and win rate, and narrows by period and keyword', async () => {
    const el = await host();
    opportunityAnalysisScreen.render(el, screenContext(store, 'zh-CN'));
    const table = el.querySelector('#oa-table')!;
    await waitUntil(() => table.querySelector('tbody tr'), 'the region table');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()),
    );
    expect(rows).to.deep.equal([
      ['广东省', '2', '¥1,620,000.00', '¥900,000.00', '100%'],
      ['（未填）', '1', '¥8,000.00', '¥0.00', '0%'],
    ]);
    expect(el.querySelectorAll('kehu-record-chart')).to.have.length(3);

    el.querySelector<HTMLInputElement>('#oa-from')!.value = '2026-11-01';
    el.querySelector<HTMLButtonElement>('#oa-apply')!.click();
    await waitUntil(() => table.querySelectorAll('tbody tr').length === 1, 'November only');
    const interactions = el.querySelector<HTMLElementTagNameMap['kehu-record-list']>('#oa-interactions')!;
    expect(interactions.selector).to.deep.equal({
      kind: { $in: ['visit', 'call', 'meeting', 'email'] },
      dueDate: { $gte: '2026-11-01' },
    });
    el.querySelector<HTMLInputElement>('#oa-keyword')!.value = '采购';
    el.querySelector<HTMLButtonElement>('#oa-apply')!.click();
    await waitUntil(
      () => el.querySelector<HTMLElementTagNameMap['kehu-record-list']>('#oa-opportunities')!.search === '采购',
    );
  });

  it('is accessible in both locales', async () => {
    const el = await host();
    opportunityAnalysisScreen.render(el, screenContext(store, 'en'));
    await waitUntil(() => el.querySelector('#oa-table tbody tr'));
    const rows = (id: string) => el.querySelector(id)!.shadowRoot?.querySelectorAll('[role="row"]').length ?? 0;
    // The lists render only the rows in view (virtualised): bring them into view first.
    el.querySelector('#oa-opportunities')!.scrollIntoView();
    await waitUntil(() => rows('#oa-opportunities') > 1 && rows('#oa-interactions') > 1, 'rows in view');
    await expect(el).to.be.accessible();
    opportunityAnalysisScreen.render(el, screenContext(store, 'zh-CN'));
    await expect(el).to.be.accessible();
  });
});

describe('dashboard segments panel', () => {
  it('shows RFM segments, the Pareto line, value tiers and the churn trend', async () => {
    const el = await host();
    await renderSegments(el, store, 'zh-CN', '2026-11-01');
    expect(el.querySelector('#dashboard-pareto')!.textContent).to.equal(
      '1 位客户（占全部客户的 33.3%）贡献了 80% 的销售额（合计 ¥120,800）。',
    );
    const captions = [...el.querySelectorAll('caption')].map((c) => c.textContent);
    expect(captions).to.deep.equal([
      'RFM 客户细分（已审核的销售、合同和维修单据）',
      '价值分层（ABC）',
      '流失风险：每月末的流失客户数',
    ]);
    expect(el.textContent).to.contain('无消费客户');
    const churn = [...el.querySelectorAll('table')[2].querySelectorAll('tbody tr')].at(-1)!;
    expect([...churn.querySelectorAll('th, td')].map((c) => c.textContent!.trim())).to.deep.equal([
      '2026-11',
      '2',
      '66.7%',
    ]);
    await expect(el).to.be.accessible();
    await renderSegments(el, store, 'en', '2026-11-01');
    expect(el.querySelector('#dashboard-pareto')!.textContent).to.contain('make 80% of revenue');
    await expect(el).to.be.accessible();
  });
});
