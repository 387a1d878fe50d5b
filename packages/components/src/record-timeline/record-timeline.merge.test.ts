import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { mergeRecords, undoMerge, type Store } from '@kehu/core';
import './define.js';
import type { KehuRecordTimeline } from './record-timeline.js';
import { detailStore, seedCustomer } from '../record-detail/detail-fixtures.js';

let opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()));
  opened = [];
});

const items = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll('[part~="item"]')].map((i) => i.textContent!.replace(/\s+/g, ' ').trim());

async function merged() {
  const store = await detailStore();
  opened.push(store);
  const { customer: duplicate } = await seedCustomer(store, '杭州阿克米汽配有限公司');
  const survivor = await store.entity('customer').insert({ name: '杭州阿克米汽配' });
  await mergeRecords(store, 'customer', survivor.id, [duplicate], { name: duplicate });
  return { store, survivor: survivor.id, duplicate };
}

async function open(store: Store, id: string, locale: string) {
  const el = await fixture<KehuRecordTimeline>(
    html`<kehu-record-timeline
      entity="customer"
      record-id=${id}
      locale=${locale}
      .store=${store}
    ></kehu-record-timeline>`,
  );
  await waitUntil(() => items(el).length, 'the history loads');
  return el;
}

describe('<kehu-record-timeline> with merges', () => {
  it('tells on the survivor what was merged and how many references moved (zh-CN)', async () => {
    const { store, survivor } = await merged();
    const el = await open(store, survivor, 'zh-CN');
    await waitUntil(() => items(el).some((i) => i.includes('合并到此记录')), 'the merge entry shows');
    const merge = items(el).find((i) => i.includes('合并到此记录'))!;
    expect(merge).to.contain('张三 将 1 条重复记录');
    expect(merge).to.contain('改指引用 3 处');
    expect(merge).to.contain('张三 将客户名称从「杭州阿克米汽配」改为「杭州阿克米汽配有限公司」');
  });

  it('tells on the merged record where it went, and shows the undo (en)', async () => {
    const { store, survivor, duplicate } = await merged();
    const el = await open(store, duplicate, 'en');
    await waitUntil(() => items(el).some((i) => i.includes('merged this record into')), 'the merge entry shows');
    await undoMerge(store, 'customer', survivor);
    await waitUntil(() => items(el).some((i) => i.includes('undid the merge into')), 'the merge entry shows');
    const survivorTimeline = await open(store, survivor, 'en');
    await waitUntil(
      () =>
        items(survivorTimeline).some((i) => /undid the merge, restoring .* and pointing 3 reference\(s\) back/.test(i)),
      'the unmerge entry shows',
    );
  });
});
