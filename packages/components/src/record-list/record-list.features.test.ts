import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { createStore, SAVED_VIEW_ENTITY, type JsonSchema, type Store } from '@kehu/core';
import './define.js';
import type { KehuRecordList } from './record-list.js';
import type { KehuFilterBuilder } from '../filter-builder/filter-builder.js';
import { button, choose, names, root, showing } from './test-support.js';

const customerSchema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    label: { 'zh-CN': '客户', en: 'Customer' },
    pluralLabel: { 'zh-CN': '客户', en: 'Customers' },
    titleField: 'name',
    list: { columns: ['name', 'importance', 'city'], sort: { field: 'name', direction: 'asc' } },
    indexes: ['name', 'importance', 'city'],
  },
  properties: {
    name: { type: 'string', maxLength: 60, 'x-kehu': { label: { 'zh-CN': '客户名称', en: 'Name' } } },
    importance: {
      type: 'string',
      enum: ['vip', 'normal'],
      'x-kehu': {
        label: { 'zh-CN': '重要程度', en: 'Importance' },
        enumLabels: { vip: { 'zh-CN': '贵宾', en: 'VIP' }, normal: { 'zh-CN': '普通', en: 'Normal' } },
      },
    },
    city: { type: 'string', maxLength: 20, 'x-kehu': { label: { 'zh-CN': '城市', en: 'City' } } },
    creditLimit: {
      type: 'number',
      minimum: 0,
      maximum: 100000,
      'x-kehu': { label: { 'zh-CN': '信用额度', en: 'Credit limit' } },
    },
  },
};

const people = [
  { name: 'Alice', importance: 'vip', city: 'Beijing', creditLimit: 100 },
  { name: 'Bob', importance: 'normal', city: 'Shanghai' },
  { name: 'Carol', importance: 'vip', city: 'Shanghai' },
  { name: '=HYPERLINK("x")', importance: 'normal', city: 'Beijing' },
];

// Opening panels resizes the virtualised body; Chromium reports that as a benign ResizeObserver loop.
setupIgnoreWindowResizeObserverLoopErrors(before, after);

let stores: Store[] = [];
async function storeWith(records: Record<string, unknown>[] = people): Promise<Store> {
  const store = await createStore({ entities: [customerSchema], name: `list-features-${Date.now()}-${stores.length}` });
  stores.push(store);
  await store.entity<Record<string, unknown>>('customer').bulkInsert(records);
  return store;
}
afterEach(async () => {
  for (const store of stores) await store.close();
  stores = [];
});

const listOf = (store: Store, extra: { selectable?: boolean; locale?: string } = {}) =>
  fixture<KehuRecordList>(
    html`<kehu-record-list
      entity="customer"
      locale=${extra.locale ?? 'en'}
      ?selectable=${extra.selectable}
      .store=${store}
    ></kehu-record-list>`,
  );

const headerLabels = (el: KehuRecordList) =>
  [...root(el).querySelectorAll<HTMLElement>('[role="columnheader"]:not(.select-cell)')].map((h) =>
    h.textContent!.replace(/[▲▼]/g, '').trim(),
  );
const builderOf = (el: KehuRecordList) => root(el).querySelector<KehuFilterBuilder>('kehu-filter-builder')!;

describe('<kehu-record-list> toolbar features', () => {
  describe('when filtering', () => {
    it('opens the filter builder and lists only the records its conditions match', async () => {
      const el = await listOf(await storeWith());
      await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
      const filterButton = button(el, /^Filter/);
      filterButton.click();
      await el.updateComplete;
      expect(filterButton.getAttribute('aria-expanded')).to.equal('true');
      const builder = builderOf(el);
      await customElements.whenDefined('kehu-filter-builder'); // loaded when filtering first opens
      await builder.updateComplete;
      [...builder.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')]
        .find((b) => /Add condition/.test(b.textContent!))!
        .click();
      await builder.updateComplete;
      await choose(builder.shadowRoot!.querySelector<HTMLSelectElement>('.field')!, 'importance');
      await builder.updateComplete;
      await choose(builder.shadowRoot!.querySelector<HTMLSelectElement>('select.value')!, 'vip');
      await showing(el, ['Alice', 'Carol']);
      await el.updateComplete;
      expect(button(el, /^Filter/).textContent!.trim()).to.equal('Filter (1)');
      expect(root(el).querySelector('[part~="count"]')!.textContent).to.equal('2 records');
    });

    it('combines the user filter with the host selector', async () => {
      const el = await listOf(await storeWith());
      el.selector = { city: 'Shanghai' };
      el.filter = { match: 'all', conditions: [{ field: 'importance', op: 'eq', value: 'vip' }] };
      await showing(el, ['Carol']);
      el.filter = { match: 'any', conditions: [{ field: 'city', op: 'eq', value: 'Beijing' }] };
      await showing(el, []);
    });
  });

  describe('when choosing and resizing columns', () => {
    it('hides, shows and reorders columns from the column chooser', async () => {
      const el = await listOf(await storeWith());
      await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
      button(el, /^Columns$/).click();
      await waitUntil(() => root(el).querySelector('.columns'), 'the column chooser'); // loaded on first use
      const box = (label: string) =>
        [...root(el).querySelectorAll<HTMLLabelElement>('.columns label')]
          .find((l) => l.textContent!.trim() === label)!
          .querySelector('input')!;
      box('City').click();
      await el.updateComplete;
      expect(headerLabels(el)).to.deep.equal(['Name', 'Importance']);
      box('Credit limit').click();
      await el.updateComplete;
      expect(headerLabels(el)).to.deep.equal(['Name', 'Importance', 'Credit limit']);
      root(el).querySelector<HTMLButtonElement>(`[aria-label='Move "Credit limit" up']`)!.click();
      await el.updateComplete;
      expect(headerLabels(el)).to.deep.equal(['Name', 'Credit limit', 'Importance']);
      button(el, /Default columns/).click();
      await el.updateComplete;
      expect(headerLabels(el)).to.deep.equal(['Name', 'Importance', 'City']);
    });

    it('widens a column from the keyboard on its resize handle', async () => {
      const el = await listOf(await storeWith());
      await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
      const handle = root(el).querySelector<HTMLElement>(`[role="separator"][aria-label='Resize "Name"']`)!;
      const before = Number(handle.getAttribute('aria-valuenow'));
      handle.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.widths.name).to.equal(before + 16);
      const header = root(el).querySelector<HTMLElement>('[role="columnheader"][data-key="name"]')!;
      expect(Math.round(header.getBoundingClientRect().width)).to.equal(before + 16);
    });
  });

  describe('when saving views', () => {
    it('saves filter and columns as a view record, and brings them back when the view is chosen', async () => {
      const store = await storeWith();
      const el = await listOf(store);
      el.columns = ['name', 'city'];
      el.filter = { match: 'all', conditions: [{ field: 'city', op: 'eq', value: 'Shanghai' }] };
      await showing(el, ['Bob', 'Carol']);
      button(el, /^Save view$/).click();
      await waitUntil(() => root(el).querySelector('.save-view'), 'the save-view form'); // loaded on first use
      const name = root(el).querySelector<HTMLInputElement>('.save-view input[name="name"]')!;
      name.focus();
      await sendKeys({ type: '上海客户' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.view !== undefined, 'the saved view becomes the current one');
      const stored = await store.entity(SAVED_VIEW_ENTITY).find({ selector: { entity: 'customer' } });
      expect(stored.map((v) => [v.name, v.columns])).to.deep.equal([['上海客户', ['name', 'city']]]);

      const views = root(el).querySelector<HTMLSelectElement>('select.views')!;
      await choose(views, '');
      await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
      expect(headerLabels(el)).to.deep.equal(['Name', 'Importance', 'City']);
      await choose(views, stored[0].id);
      await showing(el, ['Bob', 'Carol']);
      expect(headerLabels(el)).to.deep.equal(['Name', 'City']);
    });

    it('offers a view saved elsewhere at once, and opens one named by the view attribute', async () => {
      const store = await storeWith();
      const el = await listOf(store);
      const view = await store.entity(SAVED_VIEW_ENTITY).insert({
        entity: 'customer',
        name: 'VIP',
        filter: { match: 'all', conditions: [{ field: 'importance', op: 'eq', value: 'vip' }] },
      });
      await waitUntil(() => [...root(el).querySelectorAll('select.views option')].some((o) => o.textContent === 'VIP'));
      const other = await fixture<KehuRecordList>(
        html`<kehu-record-list entity="customer" locale="en" view=${view.id} .store=${store}></kehu-record-list>`,
      );
      await showing(other, ['Alice', 'Carol']);
    });

    it('refuses an empty view name with a message on the field', async () => {
      const el = await listOf(await storeWith());
      button(el, /^Save view$/).click();
      await waitUntil(() => root(el).querySelector('.save-view'), 'the save-view form'); // loaded on first use
      root(el).querySelector<HTMLButtonElement>('.save-view button[type="submit"]')!.click();
      const input = root(el).querySelector<HTMLInputElement>('.save-view input[name="name"]')!;
      expect(input.validationMessage).to.equal('Enter a name for the view');
    });
  });

  describe('when selecting rows', () => {
    it('sets a field on the selected records and deletes them after confirmation', async () => {
      const store = await storeWith();
      const el = await listOf(store, { selectable: true });
      await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
      const box = (label: string) => root(el).querySelector<HTMLInputElement>(`input[aria-label="Select ${label}"]`)!;
      box('Bob').click();
      box('Alice').click();
      await el.updateComplete;
      expect(root(el).querySelector('.bulk strong')!.textContent).to.equal('2 selected');
      const bulk = root(el).querySelector<HTMLElement>('.bulk')!;
      await choose(bulk.querySelector<HTMLSelectElement>('select[aria-label="Field to set"]')!, 'city');
      // The value editors load when the bulk bar first shows (list-toolbar.ts).
      await waitUntil(() => bulk.querySelector('input[aria-label="New value"]'), 'the value editor');
      const value = bulk.querySelector<HTMLInputElement>('input[aria-label="New value"]')!;
      value.value = 'Hangzhou';
      value.dispatchEvent(new Event('change'));
      await el.updateComplete;
      button(el, /^Apply$/).click();
      await waitUntil(() => /Updated 2 records/.test(bulk.querySelector('.result')!.textContent!));
      const hangzhou = await store.entity('customer').find({ selector: { city: 'Hangzhou' } });
      expect(hangzhou.map((r) => r.name).sort()).to.deep.equal(['Alice', 'Bob']);

      button(el, /^Delete$/).click();
      await el.updateComplete;
      expect(bulk.textContent).to.match(/Delete 2 records\?/);
      button(el, /^Delete$/).click();
      await showing(el, ['=HYPERLINK("x")', 'Carol']);
      expect(await store.entity('customer').count()).to.equal(2);
    });

    it('reports the records a bulk change could not apply to, and changes the others', async () => {
      const store = await storeWith();
      const el = await listOf(store, { selectable: true });
      await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
      const header = root(el).querySelector<HTMLInputElement>('input[aria-label^="Select all"]')!;
      header.click();
      await waitUntil(() => root(el).querySelector('.bulk strong')?.textContent === '4 selected');
      const bulk = root(el).querySelector<HTMLElement>('.bulk')!;
      await choose(bulk.querySelector<HTMLSelectElement>('select[aria-label="Field to set"]')!, 'creditLimit');
      // The value editors load when the bulk bar first shows (list-toolbar.ts).
      await waitUntil(() => bulk.querySelector('input[aria-label="New value"]'), 'the value editor');
      const value = bulk.querySelector<HTMLInputElement>('input[aria-label="New value"]')!;
      value.value = '-5';
      value.dispatchEvent(new Event('change'));
      await el.updateComplete;
      button(el, /^Apply$/).click();
      await waitUntil(() => /4 not changed/.test(bulk.querySelector('.result')!.textContent!));
      expect(bulk.querySelector('.result')!.textContent).to.match(/Credit limit/);
      expect((await store.entity('customer').find({ selector: { name: 'Alice' } }))[0].creditLimit).to.equal(100);
    });

    it('exports the matching records as CSV with labels, a BOM and formulas neutralised', async () => {
      const el = await listOf(await storeWith(), { locale: 'zh-CN' });
      await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
      el.filter = { match: 'all', conditions: [{ field: 'city', op: 'eq', value: 'Beijing' }] };
      await showing(el, ['=HYPERLINK("x")', 'Alice']);
      const exported = oneEvent(el, 'kehu-record-export');
      el.addEventListener('kehu-record-export', (e) => e.preventDefault(), { once: true });
      button(el, /^导出$/).click();
      const { detail } = await exported;
      expect(detail.count).to.equal(2);
      expect(detail.text).to.equal(
        '\uFEFF客户名称,重要程度,城市\r\n"\'=HYPERLINK(""x"")",普通,Beijing\r\nAlice,贵宾,Beijing\r\n',
      );
    });
  });

  it('should be accessible with every panel open, in both locales', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const el = await listOf(await storeWith(), { selectable: true, locale });
      await waitUntil(() => names(el).length === 4);
      root(el).querySelector<HTMLInputElement>('input[type="checkbox"][aria-label*="Alice"]')!.click();
      for (const panel of ['filter', 'columns', 'save-view']) {
        root(el).querySelector<HTMLButtonElement>(`[part~="${panel}-button"]`)!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible(); // the panel may still be loading (list-toolbar.ts)
        await waitUntil(() => root(el).querySelector('#panel:not([aria-busy])'), `the ${panel} panel`);
        await expect(el).to.be.accessible();
      }
    }
  });
});

describe('<kehu-record-list> with more rows than one scrolling area holds', () => {
  const many = Array.from({ length: 120 }, (_, i) => ({
    name: `Customer ${String(i + 1).padStart(3, '0')}`,
    importance: 'normal',
  }));

  it('shows the rows in windows and reaches the last record with End', async () => {
    const el = await fixture<KehuRecordList>(
      html`<kehu-record-list
        entity="customer"
        locale="en"
        max-scroll-rows="50"
        .store=${await storeWith(many)}
      ></kehu-record-list>`,
    );
    await waitUntil(() => root(el).querySelector('.window-range')?.textContent === 'Rows 1–50 of 120');
    await waitUntil(() => names(el)[0] === 'Customer 001');
    root(el).querySelector<HTMLElement>('[role="row"][data-index="0"]')!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index === '119',
      'focus reaches the last record',
    );
    const last = el.shadowRoot!.activeElement as HTMLElement;
    expect(last.getAttribute('aria-rowindex')).to.equal('121');
    await waitUntil(() => last.textContent!.includes('Customer 120'));
    expect(root(el).querySelector('.window-range')!.textContent).to.equal('Rows 101–120 of 120');
    button(el, /^First rows$/).click();
    await waitUntil(() => root(el).querySelector('.window-range')?.textContent === 'Rows 1–50 of 120');
    await waitUntil(() => names(el)[0] === 'Customer 001');
  });

  it('keeps the default window below the height browsers can scroll', async () => {
    const el = await listOf(await storeWith());
    await waitUntil(() => names(el).length === 4);
    const row = root(el).querySelector<HTMLElement>('[part~="row"]')!;
    // Chromium caps element height at 33,554,428 px; the window must stay under it.
    expect(el.maxScrollRows * row.getBoundingClientRect().height).to.be.below(33_554_428);
    expect(1_000_000 * row.getBoundingClientRect().height).to.be.above(33_554_428);
  });
});

describe('<kehu-record-list> cells', () => {
  const focused = (el: KehuRecordList) => el.shadowRoot!.activeElement as HTMLElement | null;
  const cellOf = (el: KehuRecordList, name: string, key: string) =>
    [...root(el).querySelectorAll<HTMLElement>('[part~="row"]')]
      .find((row) => row.getAttribute('aria-label') === name)!
      .querySelector<HTMLElement>(`[data-key="${key}"]`)!;

  async function editableList(store: Store): Promise<KehuRecordList> {
    const el = await fixture<KehuRecordList>(
      html`<kehu-record-list entity="customer" locale="en" editable .store=${store}></kehu-record-list>`,
    );
    el.columns = ['name', 'importance', 'city', 'creditLimit'];
    await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
    return el;
  }

  it('moves between cells with the arrow keys, as in a spreadsheet', async () => {
    const el = await editableList(await storeWith());
    root(el).querySelector<HTMLElement>('[role="row"][data-index="1"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(el)?.dataset.key === 'name');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(el)?.dataset.key === 'importance');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(
      () =>
        focused(el)?.dataset.key === 'importance' &&
        focused(el)?.closest('[role="row"]')?.getAttribute('aria-label') === 'Bob',
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused(el)?.getAttribute('aria-label') === 'Bob');
  });

  it('edits a choice in place: Enter opens the editor, Enter saves to the store', async () => {
    const store = await storeWith();
    const el = await editableList(store);
    cellOf(el, 'Bob', 'importance').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.tagName === 'SELECT' || el.shadowRoot!.activeElement?.tagName === 'SELECT');
    const select = el.shadowRoot!.activeElement as HTMLSelectElement;
    select.value = 'vip';
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      async () => (await store.entity('customer').find({ selector: { name: 'Bob' } }))[0]?.importance === 'vip',
    );
    await waitUntil(() => cellOf(el, 'Bob', 'importance').textContent!.trim() === 'VIP');
    await waitUntil(() => focused(el)?.dataset.key === 'importance');
  });

  it('cancels with Escape and keeps a refused value in the editor with the reason', async () => {
    const store = await storeWith();
    const el = await editableList(store);
    cellOf(el, 'Alice', 'city').focus();
    await sendKeys({ press: 'F2' });
    await waitUntil(() => el.shadowRoot!.activeElement?.tagName === 'INPUT');
    await sendKeys({ type: 'Xi’an' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused(el)?.dataset.key === 'city');
    expect(cellOf(el, 'Alice', 'city').textContent!.trim()).to.equal('Beijing');

    cellOf(el, 'Alice', 'creditLimit').dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await waitUntil(() => el.shadowRoot!.activeElement?.tagName === 'INPUT');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '-7' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.inline-error') !== null);
    expect(root(el).querySelector('.inline-error')!.textContent).to.match(/Credit limit/);
    expect((await store.entity('customer').find({ selector: { name: 'Alice' } }))[0].creditLimit).to.equal(100);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => root(el).querySelector('.inline-error') === null);
  });

  it('opens the record on Enter in a cell when the list is not editable', async () => {
    const el = await listOf(await storeWith());
    await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
    cellOf(el, 'Carol', 'city').focus();
    const activated = oneEvent(el, 'kehu-record-activate');
    await sendKeys({ press: 'Enter' });
    expect((await activated).detail.record.name).to.equal('Carol');
  });

  it('should be accessible while a cell is being edited', async () => {
    const el = await editableList(await storeWith());
    cellOf(el, 'Bob', 'city').focus();
    await sendKeys({ press: 'F2' });
    await waitUntil(() => el.shadowRoot!.activeElement?.tagName === 'INPUT');
    await expect(el).to.be.accessible();
  });
});

describe('<kehu-record-list> guarding the user’s data', () => {
  it('forgets the selection when the search narrows, so a bulk delete cannot reach hidden rows', async () => {
    const store = await storeWith();
    const el = await listOf(store, { selectable: true });
    await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
    root(el).querySelector<HTMLInputElement>('input[aria-label^="Select all"]')!.click();
    await waitUntil(() => root(el).querySelector('.bulk strong')?.textContent === '4 selected');
    el.search = 'Alice';
    await showing(el, ['Alice']);
    expect(root(el).querySelector('.bulk strong')).to.equal(null);
    expect(await store.entity('customer').count()).to.equal(4);
  });

  it('keeps "Apply" disabled until the new value is given', async () => {
    const el = await listOf(await storeWith(), { selectable: true });
    await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
    root(el).querySelector<HTMLInputElement>('input[aria-label="Select Bob"]')!.click();
    await el.updateComplete;
    expect(button(el, /^Apply$/).disabled).to.equal(true);
  });

  it('saves what was typed into the record being edited, even when a new row pushes it down', async () => {
    const store = await storeWith();
    const el = await fixture<KehuRecordList>(
      html`<kehu-record-list entity="customer" locale="en" editable .store=${store}></kehu-record-list>`,
    );
    await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
    const alice = [...root(el).querySelectorAll<HTMLElement>('[part~="row"]')].find(
      (r) => r.getAttribute('aria-label') === 'Alice',
    )!;
    alice.querySelector<HTMLElement>('[data-key="city"]')!.focus();
    await sendKeys({ press: 'F2' });
    await waitUntil(() => el.shadowRoot!.activeElement?.tagName === 'INPUT');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'Dalian' });
    await store
      .entity<Record<string, unknown>>('customer')
      .insert({ name: 'Aaron', importance: 'normal', city: 'Xian' });
    await showing(el, ['=HYPERLINK("x")', 'Aaron', 'Alice', 'Bob', 'Carol']);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('.inline-editor input')!;
    expect(input.closest('[role="row"]')!.getAttribute('aria-label')).to.equal('Alice');
    input.focus();
    await sendKeys({ press: 'Enter' });
    const find = async (name: string) =>
      (await store.entity<Record<string, unknown>>('customer').find({ selector: { name } }))[0];
    await waitUntil(async () => (await find('Alice'))?.city === 'Dalian');
    expect((await find('Aaron')).city).to.equal('Xian');
  });

  it('shows nothing, and says why, when a saved filter names a field the entity no longer has', async () => {
    const el = await listOf(await storeWith());
    await showing(el, ['=HYPERLINK("x")', 'Alice', 'Bob', 'Carol']);
    el.filter = { match: 'all', conditions: [{ field: 'region', op: 'eq', value: 'North' }] };
    await showing(el, []);
    expect(root(el).querySelector('[part="message"]')!.textContent).to.match(/"region"/);
  });
});
