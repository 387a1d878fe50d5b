import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineEntity, type FindOptions, type KehuRecord, type Repository, type Store } from '@kehu/core';
import './define.js';
import type { KehuReferencePicker } from './reference-picker.js';
import {
  afterEach,
  closeStores,
  customerSchema,
  describe,
  inner,
  it,
  options,
  pickerStore,
  seeded,
  status,
  titles,
} from './picker-fixtures.js';

afterEach(closeStores);

function picker(store: Store, locale = 'zh-CN'): Promise<KehuReferencePicker> {
  return fixture<KehuReferencePicker>(
    html`<kehu-reference-picker
      entity="customer"
      label="客户"
      locale=${locale}
      .store=${store}
    ></kehu-reference-picker>`,
  );
}

async function typeIn(el: KehuReferencePicker, text: string): Promise<void> {
  inner(el).focus();
  await sendKeys({ type: text });
}

/** A store whose customer searches wait until the test answers them, to play out slow queries. */
function slowStore() {
  const entity = defineEntity(customerSchema);
  const calls: { options: FindOptions; answer: (records: KehuRecord[]) => void }[] = [];
  const repository = {
    entity,
    find: (options: FindOptions) => new Promise((answer) => calls.push({ options, answer })),
    get: async () => null,
  } as unknown as Repository;
  const store = {
    name: `slow-${Math.random()}`,
    locale: 'zh-CN',
    entities: new Map([['customer', entity]]),
    has: (name: string) => name === 'customer',
    entity: () => repository,
  } as unknown as Store;
  const record = (name: string): KehuRecord => ({ id: name, name, createdAt: '', updatedAt: '' });
  return { store, calls, record };
}

describe('<kehu-reference-picker>', () => {
  describe('when the user types', () => {
    it('should list the matches with title and subtitle and mark the typed text', async () => {
      const { store } = await seeded();
      const el = await picker(store);
      await typeIn(el, '阿');
      await waitUntil(() => options(el).length === 2);
      const input = inner(el);
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.getElementById(input.getAttribute('aria-controls')!)!.getAttribute('role')).to.equal(
        'listbox',
      );
      const acme = options(el).find((o) => o.textContent!.includes('阿克米贸易'))!;
      expect(acme.querySelector('[part~="option-subtitle"]')!.textContent).to.equal('C001 · 上海');
      expect([...acme.querySelectorAll('mark[part~="match"]')].map((m) => m.textContent)).to.deep.equal(['阿']);
      await expect(el).to.be.accessible();
    });

    it('should say when nothing matches, in English too, and stay accessible', async () => {
      const { store } = await seeded();
      const el = await picker(store, 'en');
      el.noCreate = true;
      await typeIn(el, 'zzz');
      await waitUntil(() => status(el) === 'No matches');
      expect(inner(el).getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.querySelector('[part="status"]')!.classList.contains('visually-hidden')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('should offer no "New …" when the page defines no record form to create it with', async () => {
      // This file imports only the picker's define, which no longer brings the form along.
      expect(customElements.get('kehu-record-form')).to.equal(undefined);
      const { store } = await seeded();
      const el = await picker(store, 'en');
      await typeIn(el, 'zzz');
      await waitUntil(() => status(el) === 'No matches');
      expect(options(el)).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[part~="create-option"]')).to.equal(null);
    });

    it('should show a name with markup as plain text', async () => {
      const store = await pickerStore();
      await store.entity<Record<string, unknown>>('customer').insert({ name: '<img src=x onerror=alert(1)>客户' });
      const el = await picker(store);
      await typeIn(el, '<img');
      await waitUntil(() => options(el).length === 1);
      expect(titles(el)).to.deep.equal(['<img src=x onerror=alert(1)>客户']);
      expect(options(el)[0].querySelector('img')).to.equal(null);
      expect(options(el)[0].querySelector('mark')!.textContent).to.equal('<img');
    });

    it('should show only the answer to the last query when an earlier one answers late', async () => {
      const { store, calls, record } = slowStore();
      const el = await picker(store);
      await typeIn(el, 'a');
      await waitUntil(() => calls.length === 1);
      expect(status(el)).to.equal('正在搜索…');
      expect(el.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-busy')).to.equal('true');
      await sendKeys({ type: 'b' });
      await waitUntil(() => calls.length === 2);
      expect(calls.map((c) => c.options.search)).to.deep.equal(['a', 'ab']);
      calls[1].answer([record('ab record')]);
      await waitUntil(() => options(el).length === 1);
      calls[0].answer([record('a record'), record('another a record')]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(titles(el)).to.deep.equal(['ab record']);
    });

    it('should ask the store for a bounded page and say when there are more', async () => {
      const store = await pickerStore();
      const customers = store.entity<Record<string, unknown>>('customer');
      await customers.bulkInsert(Array.from({ length: 40 }, (_, i) => ({ name: `客户${String(i).padStart(2, '0')}` })));
      const asked: (number | undefined)[] = [];
      const find = customers.find.bind(customers);
      customers.find = (options?: FindOptions) => {
        asked.push(options?.limit);
        return find(options);
      };
      const el = await picker(store, 'en');
      await typeIn(el, '客户');
      await waitUntil(() => options(el).length === 20);
      expect(status(el)).to.equal('Showing the first 20; type more to narrow the list');
      expect(asked.length).to.be.greaterThan(0);
      expect(asked.every((limit) => limit !== undefined && limit <= 21)).to.equal(true);
      await sendKeys({ type: '3' });
      await waitUntil(() => options(el).length === 10);
      expect(status(el)).to.equal('10 matches');
    });
  });

  describe('when choosing with the keyboard', () => {
    it('should move with the arrows, Home and End, pick with Enter and fire input and change', async () => {
      const { store, ids } = await seeded();
      const el = await picker(store);
      await typeIn(el, '阿');
      await waitUntil(() => options(el).length === 2);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      const second = options(el)[1];
      expect(inner(el).getAttribute('aria-activedescendant')).to.equal(second.id);
      expect(second.getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-activedescendant')).to.equal(options(el)[0].id);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-activedescendant')).to.equal(second.id);
      const name = titles(el)[1];
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
      const { store } = await seeded();
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
      const { store, ids } = await seeded();
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

    it('should behave the same with properties set before it is connected', async () => {
      const { store, ids } = await seeded();
      const el = document.createElement('kehu-reference-picker');
      el.entity = 'customer';
      el.value = ids['阿里汽配'];
      el.store = store;
      el.locale = 'en';
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(el);
      await waitUntil(() => inner(el)?.value === '阿里汽配');
      expect(inner(el).getAttribute('aria-label')).to.equal('Customer');
    });
  });

  describe('inside a native form', () => {
    it('should submit the chosen id under its name, reset, and follow a disabled fieldset', async () => {
      const { store, ids } = await seeded();
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset>
            <kehu-reference-picker name="customer" entity="customer" .store=${store}></kehu-reference-picker>
          </fieldset>
        </form>`,
      );
      const el = form.querySelector('kehu-reference-picker')!;
      el.value = ids['阿克米贸易'];
      await el.updateComplete;
      expect(new FormData(form).get('customer')).to.equal(ids['阿克米贸易']);
      expect(el.form).to.equal(form);
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(new FormData(form).get('customer')).to.equal(null);
      form.querySelector('fieldset')!.disabled = true;
      await waitUntil(() => inner(el).disabled);
      form.querySelector('fieldset')!.disabled = false;
      await waitUntil(() => !inner(el).disabled);
    });

    it('should report a missing required value in the UI language', async () => {
      const { store, ids } = await seeded();
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <kehu-reference-picker
            name="customer"
            entity="customer"
            required
            locale="zh-CN"
            .store=${store}
          ></kehu-reference-picker>
        </form>`,
      );
      const el = form.querySelector('kehu-reference-picker')!;
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(false);
      expect((el as unknown as { internals: ElementInternals }).internals.validationMessage).to.equal('请选择客户。');
      el.locale = 'en';
      await el.updateComplete;
      expect((el as unknown as { internals: ElementInternals }).internals.validationMessage).to.equal(
        'Choose a Customer.',
      );
      el.value = ids['阿克米贸易'];
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
    });
  });

  describe('with bad settings', () => {
    it('should explain an unknown entity in an alert', async () => {
      const store = await pickerStore();
      const el = await fixture<KehuReferencePicker>(
        html`<kehu-reference-picker entity="supplier" .store=${store}></kehu-reference-picker>`,
      );
      const message = el.shadowRoot!.querySelector('[part="message"]')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain('supplier');
    });
  });
});
