import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Store } from '@kehu/core';
import './define.js';
import type { KehuReferencePicker } from './reference-picker.js';
import { afterEach, closeStores, describe, it, testStore } from '../record-form/test-support.js';

const inner = (el: KehuReferencePicker) => el.shadowRoot!.querySelector('input')!;
const options = (el: KehuReferencePicker) => [...el.shadowRoot!.querySelectorAll('[role="option"]')];

/** A store with three customers; `ids` by name. */
async function customers(): Promise<{ store: Store; ids: Record<string, string> }> {
  const store = await testStore();
  const repository = store.entity<Record<string, unknown>>('customer');
  const ids: Record<string, string> = {};
  for (const [name, code, city] of [
    ['阿克米贸易', 'C001', '上海'],
    ['阿里汽配', 'C002', '杭州'],
    ['百川物流', 'C003', undefined],
  ]) {
    ids[name!] = (await repository.insert({ name, code, city })).id;
  }
  return { store, ids };
}

async function picker(store: Store, locale = 'zh-CN') {
  return fixture<KehuReferencePicker>(
    html`<kehu-reference-picker
      entity="customer"
      label="客户"
      locale=${locale}
      .store=${store}
    ></kehu-reference-picker>`,
  );
}

afterEach(closeStores);

describe('<kehu-reference-picker>', () => {
  describe('when the user types', () => {
    it('should list the matching records with title and subtitle', async () => {
      const { store } = await customers();
      const el = await picker(store);
      inner(el).focus();
      await sendKeys({ type: '阿' });
      await waitUntil(() => options(el).length === 2);
      const input = inner(el);
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.getElementById(input.getAttribute('aria-controls')!)!.getAttribute('role')).to.equal(
        'listbox',
      );
      const acme = options(el).find((o) => o.textContent!.includes('阿克米贸易'))!;
      expect(acme.querySelector('[part~="option-subtitle"]')!.textContent).to.equal('C001 · 上海');
      await expect(el).to.be.accessible();
    });

    it('should say when nothing matches', async () => {
      const { store } = await customers();
      const el = await picker(store, 'en');
      inner(el).focus();
      await sendKeys({ type: 'zzz' });
      await waitUntil(() => el.shadowRoot!.querySelector('[part="status"]')!.textContent === 'No matches');
      expect(inner(el).getAttribute('aria-expanded')).to.equal('false');
    });
  });

  describe('when choosing with the keyboard', () => {
    it('should set the value and fire input and change', async () => {
      const { store, ids } = await customers();
      const el = await picker(store);
      inner(el).focus();
      await sendKeys({ type: '阿' });
      await waitUntil(() => options(el).length === 2);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      const active = options(el)[1];
      expect(inner(el).getAttribute('aria-activedescendant')).to.equal(active.id);
      expect(active.getAttribute('aria-selected')).to.equal('true');
      const name = active.querySelector('[part~="option-title"]')!.textContent!;
      const input = oneEvent(el, 'input');
      const change = oneEvent(el, 'change');
      await sendKeys({ press: 'Enter' });
      await input;
      expect((await change).composed).to.equal(true);
      expect(el.value).to.equal(ids[name]);
      await el.updateComplete;
      expect(inner(el).value).to.equal(name);
      expect(inner(el).getAttribute('aria-expanded')).to.equal('false');
    });

    it('should close on Escape without choosing', async () => {
      const { store } = await customers();
      const el = await picker(store);
      inner(el).focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => options(el).length === 3);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-expanded')).to.equal('false');
      expect(el.value).to.equal('');
    });
  });

  describe('when the value is set from outside', () => {
    it('should show the record title, and clear on request', async () => {
      const { store, ids } = await customers();
      const el = await picker(store);
      el.value = ids['百川物流'];
      await waitUntil(() => inner(el).value === '百川物流');
      const change = oneEvent(el, 'change');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="clear-button"]')!.click();
      await change;
      expect(el.value).to.equal('');
      await el.updateComplete;
      expect(inner(el).value).to.equal('');
    });
  });

  describe('inside a native form', () => {
    it('should submit the chosen id and report a missing required value', async () => {
      const { store, ids } = await customers();
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <kehu-reference-picker name="customer" entity="customer" required .store=${store}></kehu-reference-picker>
        </form>`,
      );
      const el = form.querySelector('kehu-reference-picker')!;
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(false);
      el.value = ids['阿克米贸易'];
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('customer')).to.equal(ids['阿克米贸易']);
    });
  });

  describe('when the target entity is unknown', () => {
    it('should explain in an alert', async () => {
      const store = await testStore();
      const el = await fixture<KehuReferencePicker>(
        html`<kehu-reference-picker entity="supplier" .store=${store}></kehu-reference-picker>`,
      );
      const message = el.shadowRoot!.querySelector('[part="message"]')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain('supplier');
    });
  });
});
