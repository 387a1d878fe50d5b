import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Store } from '@kehu/core';
import '../store-provider/define.js';
import './define.js';
import type { KehuRecordForm } from './record-form.js';
import type { KehuStoreProvider } from '../store-provider/store-provider.js';
import type { KehuReferencePicker } from '../reference-picker/reference-picker.js';
import { fieldWidgets, type FieldWidget } from './widgets/registry.js';
import { afterEach, closeStores, describe, it, settle, testStore, typeInto } from './test-support.js';

const q = <T extends Element = HTMLInputElement>(el: KehuRecordForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const labelOf = (el: KehuRecordForm, id: string) =>
  q<HTMLLabelElement>(el, `label[for="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
const click = (el: KehuRecordForm, selector: string) => q<HTMLButtonElement>(el, selector)!.click();

async function newOrderForm(store: Store, locale = 'zh-CN') {
  const el = await fixture<KehuRecordForm>(
    html`<kehu-record-form entity="order" .store=${store} locale=${locale}></kehu-record-form>`,
  );
  // The order's line table is drawn by a module loaded when a form first shows one.
  await waitUntil(() => q(el, '[data-path="field-lines"] table'), 'the line table');
  return el;
}

async function saved(el: KehuRecordForm) {
  const event = oneEvent(el, 'kehu-record-save');
  click(el, '[part~="save-button"]');
  return (await event).detail;
}

afterEach(closeStores);

describe('<kehu-record-form>', () => {
  describe('when drawing every field kind', () => {
    it('should give each kind its control and a Chinese label', async () => {
      const el = await newOrderForm(await testStore());
      expect(q(el, '#field-title')!.type).to.equal('text');
      expect(labelOf(el, 'field-title')).to.equal('标题*');
      expect(q(el, '#field-email')!.type).to.equal('email');
      expect(q(el, '#field-note')!.localName).to.equal('textarea');
      expect(q(el, '#field-quantity')!.type).to.equal('number');
      expect(q(el, '#field-quantity')!.step).to.equal('1');
      expect(q(el, '#field-discount')!.type).to.equal('number');
      expect(q(el, '#field-amount')!.step).to.equal('0.01');
      expect(q(el, '[part~="currency"]')!.textContent).to.equal('¥');
      expect(q(el, '#field-orderDate')!.type).to.equal('date');
      expect(q(el, '#field-deliverAt')!.type).to.equal('datetime-local');
      const options = [...q<HTMLSelectElement>(el, '#field-status')!.options].map((o) => o.textContent!.trim());
      expect(options).to.deep.equal(['请选择', '草稿', '完成']);
      expect(q(el, '#field-urgent')!.type).to.equal('checkbox');
      expect(q(el, '#field-customer')!.localName).to.equal('kehu-reference-picker');
      expect(labelOf(el, 'field-customer')).to.equal('客户');
      expect(q(el, '[data-path="field-address"] legend')!.textContent).to.contain('地址');
      expect(q(el, '#field-address-city')!.type).to.equal('text');
      expect(q(el, '[data-path="field-lines"] table')).to.exist;
      expect(
        [...el.shadowRoot!.querySelectorAll('[data-path="field-lines"] th')].map((th) => th.textContent!.trim()),
      ).to.include.members(['产品*', '数量*', '序列号', '尺寸']);
      expect(q(el, '[data-path="field-tags"] [part~="add-button"]')!.textContent!.trim()).to.equal('添加');
      expect(q(el, '#field-internalScore')).to.equal(null);
      expect(q(el, '#field-legacyCode')!.disabled).to.equal(true);
      expect([...el.shadowRoot!.querySelectorAll('[part~="section-label"]')].map((l) => l.textContent)).to.deep.equal([
        '基本信息',
        '交付',
        '其他',
      ]);
    });

    it('should speak English when locale is en', async () => {
      const el = await newOrderForm(await testStore(), 'en');
      expect(labelOf(el, 'field-title')).to.equal('Title*');
      expect(labelOf(el, 'field-deliverAt')).to.equal('Delivery time');
      expect([...q<HTMLSelectElement>(el, '#field-status')!.options].map((o) => o.textContent!.trim())).to.deep.equal([
        'Choose…',
        'Draft',
        'Done',
      ]);
      expect(q(el, '[part~="currency"]')!.textContent).to.equal('CN¥');
      expect(q(el, '[part~="save-button"]')!.textContent!.trim()).to.equal('Save');
    });

    it('should mark required fields and describe inputs with their help', async () => {
      const el = await newOrderForm(await testStore());
      const title = q(el, '#field-title')!;
      expect(title.getAttribute('aria-required')).to.equal('true');
      expect(q(el, '#field-email')!.hasAttribute('aria-required')).to.equal(false);
      expect(q(el, `#${title.getAttribute('aria-describedby')}`)!.textContent).to.equal('订单的简短名称');
    });

    it('should be accessible, in both locales', async () => {
      const store = await testStore();
      await expect(await newOrderForm(store)).to.be.accessible();
      await expect(await newOrderForm(store, 'en')).to.be.accessible();
    });
  });

  describe('when creating a record', () => {
    it('should store what was typed with its JSON types', async () => {
      const store = await testStore();
      const el = await newOrderForm(store);
      typeInto(q(el, '#field-title'), '首单');
      typeInto(q(el, '#field-email'), 'li@example.com');
      typeInto(q(el, '#field-quantity'), '3');
      typeInto(q(el, '#field-discount'), '0.5');
      typeInto(q(el, '#field-amount'), '12.345');
      typeInto(q(el, '#field-orderDate'), '2024-05-01');
      typeInto(q(el, '#field-deliverAt'), '2024-05-02T08:30');
      typeInto(q(el, '#field-status'), '1');
      q(el, '#field-urgent')!.click();
      typeInto(q(el, '#field-address-city'), '杭州');
      click(el, '[data-path="field-tags"] [part~="add-button"]');
      typeInto(q(el, '#field-tags-0'), 'vip');
      click(el, '[data-path="field-lines"] > [part~="add-button"]');
      typeInto(q(el, '#field-lines-0-product'), 'P-1');
      typeInto(q(el, '#field-lines-0-quantity'), '2');
      click(el, '[data-path="field-lines-0-serials"] [part~="add-button"]');
      typeInto(q(el, '#field-lines-0-serials-0'), 'SN1');
      typeInto(q(el, '#field-lines-0-size-width'), '1.5');
      expect(q(el, '#field-amount')!.value).to.equal('12.35');

      const detail = await saved(el);
      expect(detail.created).to.equal(true);
      expect(detail.entity).to.equal('order');
      const stored = (await store.entity('order').get(detail.id))!;
      const { id, createdAt, updatedAt, _v, ...own } = stored;
      expect(id).to.equal(detail.id);
      expect(own).to.deep.equal({
        title: '首单',
        email: 'li@example.com',
        quantity: 3,
        discount: 0.5,
        amount: 12.35,
        orderDate: '2024-05-01',
        deliverAt: new Date('2024-05-02T08:30').toISOString(),
        status: 'done',
        urgent: true,
        address: { city: '杭州' },
        tags: ['vip'],
        lines: [{ product: 'P-1', quantity: 2, serials: ['SN1'], size: { width: 1.5 } }],
      });
      await waitUntil(() => q(el, '[part~="status"]')!.textContent === '已保存');
    });

    it('should leave an emptied optional input out of the record', async () => {
      const store = await testStore();
      const el = await newOrderForm(store);
      typeInto(q(el, '#field-title'), 'A');
      typeInto(q(el, '#field-quantity'), '1');
      typeInto(q(el, '#field-email'), 'x@example.com');
      typeInto(q(el, '#field-email'), '');
      const { id } = await saved(el);
      expect(await store.entity('order').get(id)).to.not.have.property('email');
    });

    it('should save when Enter is pressed in a field', async () => {
      const store = await testStore();
      const el = await newOrderForm(store);
      typeInto(q(el, '#field-title'), 'Enter 单');
      q(el, '#field-quantity')!.focus();
      const event = oneEvent(el, 'kehu-record-save');
      await sendKeys({ type: '7' });
      await sendKeys({ press: 'Enter' });
      const { id } = (await event).detail;
      expect((await store.entity('order').get(id))!.quantity).to.equal(7);
    });

    it('should start from the record property and schema defaults', async () => {
      const store = await testStore();
      const el = await fixture<KehuRecordForm>(
        html`<kehu-record-form
          entity="order"
          .store=${store}
          .record=${{ title: '草稿单', quantity: 2 }}
        ></kehu-record-form>`,
      );
      expect(q(el, '#field-title')!.value).to.equal('草稿单');
      const { id } = await saved(el);
      expect((await store.entity('order').get(id))!.title).to.equal('草稿单');
    });
  });

  describe('when editing a record', () => {
    it('should load it and patch it', async () => {
      const store = await testStore();
      const existing = await store
        .entity('order')
        .insert({ title: '旧单', quantity: 4, email: 'a@example.com', lines: [{ product: 'P', quantity: 1 }] });
      const el = await fixture<KehuRecordForm>(
        html`<kehu-record-form entity="order" record-id=${existing.id} .store=${store}></kehu-record-form>`,
      );
      await waitUntil(() => q(el, '#field-title')?.value === '旧单');
      await waitUntil(() => q(el, '#field-lines-0-product'), 'the line table'); // loaded on first use
      expect(q(el, '#field-lines-0-product')!.value).to.equal('P');
      typeInto(q(el, '#field-quantity'), '5');
      typeInto(q(el, '#field-email'), '');
      const detail = await saved(el);
      expect(detail).to.include({ id: existing.id, created: false });
      const stored = (await store.entity('order').get(existing.id))!;
      expect(stored.quantity).to.equal(5);
      expect(stored).to.not.have.property('email');
      expect(stored.lines).to.deep.equal([{ product: 'P', quantity: 1 }]);
      expect(await store.entity('order').count()).to.equal(1);
    });

    it('should say so when the record does not exist', async () => {
      const store = await testStore();
      const el = await fixture<KehuRecordForm>(
        html`<kehu-record-form entity="order" record-id="nope" locale="zh-CN" .store=${store}></kehu-record-form>`,
      );
      await waitUntil(() => q(el, '[part="message"][role="alert"]'));
      expect(q(el, '[part="message"]')!.textContent).to.contain('找不到记录「nope」');
      el.locale = 'en';
      await el.updateComplete;
      expect(q(el, '[part="message"]')!.textContent).to.contain('Record "nope" (Order) not found');
    });
  });

  describe('when given hostile text', () => {
    it('should show it as text, never as markup', async () => {
      const store = await testStore();
      const existing = await store
        .entity('order')
        .insert({ title: '<script>alert(1)</script>', quantity: 1, note: '<img src=x onerror=alert(1)>' });
      const el = await fixture<KehuRecordForm>(
        html`<kehu-record-form entity="order" record-id=${existing.id} .store=${store}></kehu-record-form>`,
      );
      await waitUntil(() => q(el, '#field-title')?.value === '<script>alert(1)</script>');
      expect(el.shadowRoot!.querySelector('script, img')).to.equal(null);
      expect(q<HTMLTextAreaElement>(el, '#field-note')!.value).to.equal('<img src=x onerror=alert(1)>');
    });
  });

  describe('when the host app adds a widget', () => {
    it('should use it for the fields it ranks highest', async () => {
      const stars: FieldWidget = {
        name: 'stars',
        tester: (field) => (field.key === 'discount' ? 10 : -1),
        render: (ctx) =>
          html`<input
            part="input"
            id=${ctx.id}
            type="range"
            min="0"
            max="1"
            step="0.1"
            @change=${(e: Event) => ctx.change(Number((e.target as HTMLInputElement).value))}
          />`,
      };
      fieldWidgets.push(stars);
      try {
        const store = await testStore();
        const el = await newOrderForm(store);
        expect(q(el, '#field-discount')!.type).to.equal('range');
        expect(q(el, '#field-quantity')!.type).to.equal('number');
        typeInto(q(el, '#field-title'), 'R');
        typeInto(q(el, '#field-quantity'), '1');
        typeInto(q(el, '#field-discount'), '0.3');
        const { id } = await saved(el);
        expect((await store.entity('order').get(id))!.discount).to.equal(0.3);
      } finally {
        fieldWidgets.splice(fieldWidgets.indexOf(stars), 1);
      }
    });
  });

  describe('when choosing a referenced record', () => {
    it('should save the chosen record id', async () => {
      const store = await testStore();
      const acme = await store
        .entity<Record<string, unknown>>('customer')
        .insert({ name: '阿克米', code: 'C001', city: '上海' });
      await store.entity<Record<string, unknown>>('customer').insert({ name: '百川', code: 'C002' });
      const el = await newOrderForm(store);
      typeInto(q(el, '#field-title'), 'Ref');
      typeInto(q(el, '#field-quantity'), '1');
      const picker = q<KehuReferencePicker>(el, '#field-customer')!;
      await customElements.whenDefined('kehu-reference-picker'); // loaded when a form first draws a reference
      await picker.updateComplete;
      const input = picker.shadowRoot!.querySelector('input')!;
      input.focus();
      await sendKeys({ type: '阿克' });
      await waitUntil(() => picker.shadowRoot!.querySelectorAll('[role="option"]').length === 1);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      expect(picker.value).to.equal(acme.id);
      const { id } = await saved(el);
      expect((await store.entity('order').get(id))!.customer).to.equal(acme.id);
    });
  });

  describe('when the entity or store is missing', () => {
    it('should explain instead of drawing a form', async () => {
      const store = await testStore();
      const el = await fixture<KehuRecordForm>(
        html`<kehu-record-form entity="nosuch" locale="zh-CN" .store=${store}></kehu-record-form>`,
      );
      expect(q(el, '[part="message"][role="alert"]')!.textContent).to.contain('未知实体「nosuch」');
      const lone = await fixture<KehuRecordForm>(
        html`<kehu-record-form entity="order" locale="en"></kehu-record-form>`,
      );
      expect(q(lone, '[part="message"]')!.textContent).to.contain('No store');
    });

    it('should find the store of an enclosing provider, set before or after connection', async () => {
      const store = await testStore();
      const provider = await fixture<KehuStoreProvider>(
        html`<kehu-store-provider><kehu-record-form entity="order"></kehu-record-form></kehu-store-provider>`,
      );
      const el = provider.querySelector('kehu-record-form')!;
      expect(q(el, '[part="message"]')).to.exist;
      provider.store = store;
      await waitUntil(() => q(el, '#field-title'));
      const late = document.createElement('kehu-record-form');
      late.store = store;
      late.entity = 'order';
      document.body.append(late);
      await late.updateComplete;
      expect(q(late, '#field-title')).to.exist;
      late.remove();
    });
  });

  describe('when read-only', () => {
    it('should show values as text, with no inputs and no Save', async () => {
      const el = await fixture<KehuRecordForm>(
        html`<kehu-record-form
          entity="order"
          readonly
          locale="zh-CN"
          .record=${{ title: '<b>只读</b>', amount: 12.5, status: 'done' }}
          .store=${await testStore()}
        ></kehu-record-form>`,
      );
      expect(el.shadowRoot!.querySelector('input, select, textarea')).to.equal(null);
      expect(q(el, '#field-title')!.textContent!.trim()).to.equal('<b>只读</b>');
      expect(q(el, '#field-amount')!.textContent!.trim()).to.equal('¥12.50');
      expect(q(el, '#field-status')!.textContent!.trim()).to.equal('完成');
      expect(q(el, '[part~="save-button"]')).to.equal(null);
    });
  });

  describe('when cancelled', () => {
    it('should tell the host', async () => {
      const el = await newOrderForm(await testStore());
      const event = oneEvent(el, 'kehu-record-cancel');
      click(el, '[part~="cancel-button"]');
      expect((await event).detail).to.deep.equal({ entity: 'order' });
    });
  });

  describe('when the user types', () => {
    it('should not redraw the whole form', async () => {
      const el = await newOrderForm(await testStore());
      let updates = 0;
      const original = el.requestUpdate.bind(el);
      el.requestUpdate = (...args: Parameters<KehuRecordForm['requestUpdate']>) => {
        updates++;
        original(...args);
      };
      typeInto(q(el, '#field-title'), 'abc');
      typeInto(q(el, '#field-note'), 'more');
      await settle();
      expect(updates).to.equal(0);
    });
  });
});
