import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Store } from '@kehu/core';
import './define.js';
import type { KehuReferencePicker } from './reference-picker.js';
import { RecentRecords } from './recent-records.js';
import { afterEach, closeStores, describe, inner, it, options, seeded, titles } from './picker-fixtures.js';

afterEach(closeStores);

function picker(store: Store, locale = 'zh-CN'): Promise<KehuReferencePicker> {
  return fixture<KehuReferencePicker>(
    html`<kehu-reference-picker entity="customer" locale=${locale} .store=${store}></kehu-reference-picker>`,
  );
}

async function pick(el: KehuReferencePicker, text: string, title: string): Promise<void> {
  inner(el).focus();
  await sendKeys({ type: text });
  await waitUntil(() => titles(el).includes(title));
  const index = titles(el).indexOf(title);
  for (let i = 0; i <= index; i++) await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => inner(el).value === title);
}

const groupLabels = (el: KehuReferencePicker) =>
  [...el.shadowRoot!.querySelectorAll('[part~="group-label"]')].map((g) => g.textContent);

describe('<kehu-reference-picker> recent picks', () => {
  it('should list the last picks first, newest first, when the empty input gets focus', async () => {
    const { store } = await seeded();
    const first = await picker(store);
    await pick(first, '百川', '百川物流');
    first.value = '';
    await pick(first, '阿里', '阿里汽配');
    inner(first).blur();

    const el = await picker(store);
    inner(el).focus();
    await waitUntil(() => options(el).length === 3);
    expect(groupLabels(el)).to.deep.equal(['最近使用', '客户']);
    expect(titles(el)).to.deep.equal(['阿里汽配', '百川物流', '阿克米贸易']);
    const recentGroup = el.shadowRoot!.querySelector('[part~="group"]')!;
    expect(recentGroup.getAttribute('role')).to.equal('group');
    expect(recentGroup.querySelectorAll('[role="option"]').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('should keep them per store in localStorage and drop records that are gone', async () => {
    const { store, ids } = await seeded();
    const el = await picker(store, 'en');
    await pick(el, '阿克', '阿克米贸易');
    const saved = JSON.parse(localStorage.getItem(`kehu-recent:${store.name}:customer`)!);
    expect(saved.map((p: { id: string }) => p.id)).to.deep.equal([ids['阿克米贸易']]);
    await store.entity('customer').remove(ids['阿克米贸易']);
    new RecentRecords(store.name).remember('customer', ids['百川物流']);
    el.value = '';
    await el.updateComplete;
    inner(el).blur();
    inner(el).focus();
    await waitUntil(() => groupLabels(el).includes('Recent'));
    expect(titles(el)[0]).to.equal('百川物流');
    expect(titles(el)).not.to.include('阿克米贸易');
    expect(new RecentRecords(store.name).list(['customer']).map((p) => p.id)).to.deep.equal([ids['百川物流']]);
    expect(new RecentRecords(`${store.name}-other`).list(['customer'])).to.deep.equal([]);
  });

  it('should not pop up on focus when there are no recent picks', async () => {
    const { store } = await seeded();
    const el = await picker(store);
    inner(el).focus();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inner(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('should ignore garbage stored under its key', async () => {
    const { store } = await seeded();
    localStorage.setItem(`kehu-recent:${store.name}:customer`, '{not json');
    expect(new RecentRecords(store.name).list(['customer'])).to.deep.equal([]);
    localStorage.setItem(`kehu-recent:${store.name}:customer`, JSON.stringify([{ id: 5 }, null, 'x']));
    expect(new RecentRecords(store.name).list(['customer'])).to.deep.equal([]);
  });
});
