import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStore, filterSelector, type FilterGroup, type JsonSchema, type Store } from '@kehu/core';
import './define.js';
import type { KehuFilterBuilder } from './filter-builder.js';

const customerSchema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': { label: { 'zh-CN': '客户', en: 'Customer' }, titleField: 'name', indexes: ['name', 'importance'] },
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
    creditLimit: { type: 'number', minimum: 0, 'x-kehu': { label: { 'zh-CN': '信用额度', en: 'Credit limit' } } },
    since: { type: 'string', format: 'date', 'x-kehu': { label: { 'zh-CN': '建档日期', en: 'Since' } } },
    active: { type: 'boolean', 'x-kehu': { label: { 'zh-CN': '有效', en: 'Active' } } },
    lastVisit: {
      type: 'string',
      format: 'date-time',
      'x-kehu': { label: { 'zh-CN': '最近到店', en: 'Last visit' } },
    },
  },
};

let store: Store;
before(async () => {
  store = await createStore({ entities: [customerSchema], name: `filter-builder-${Date.now()}` });
  await store.entity<Record<string, unknown>>('customer').bulkInsert([
    { name: '张伟', importance: 'vip', creditLimit: 50000, since: '2021-03-01', active: true },
    { name: '张丽', importance: 'normal', creditLimit: 800, since: '2023-07-15' },
    { name: '王芳', importance: 'vip', creditLimit: 12000, since: '2024-01-09' },
  ]);
});
after(() => store.close());

const builder = (locale = 'en', value?: FilterGroup) =>
  fixture<KehuFilterBuilder>(
    html`<kehu-filter-builder
      entity="customer"
      locale=${locale}
      .store=${store}
      .value=${value}
    ></kehu-filter-builder>`,
  );
const $ = <T extends Element>(el: KehuFilterBuilder, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element>(el: KehuFilterBuilder, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const buttonNamed = (el: KehuFilterBuilder, text: RegExp) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => text.test(b.textContent ?? ''))!;
/** Picks an option the way a user's choice reaches the element: value set, `change` fired. */
async function choose(el: KehuFilterBuilder, select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}
const names = async (filter: FilterGroup) =>
  (await store.entity('customer').find({ selector: filterSelector(store.entities.get('customer')!, filter) }))
    .map((r) => r.name)
    .sort();

describe('<kehu-filter-builder>', () => {
  describe('when building conditions', () => {
    it('adds a condition, offers the comparisons of the chosen field and reports a filter the store answers', async () => {
      const el = await builder();
      expect($(el, '.none').textContent).to.match(/No conditions yet/);
      buttonNamed(el, /Add condition/).click();
      await el.updateComplete;
      const field = $<HTMLSelectElement>(el, '.condition .field');
      await choose(el, field, 'creditLimit');
      const operators = [...$<HTMLSelectElement>(el, '.condition .operator').options].map((o) => o.textContent!.trim());
      expect(operators).to.include.members(['at least', 'between', 'is empty']);
      await choose(el, $<HTMLSelectElement>(el, '.condition .operator'), 'gte');
      const input = $<HTMLInputElement>(el, '.condition input.value');
      input.focus();
      await sendKeys({ type: '１０，０００' });
      const changed = oneEvent(el, 'kehu-filter-change');
      await sendKeys({ press: 'Enter' });
      input.dispatchEvent(new Event('change'));
      const { detail } = await changed;
      expect(detail.filter).to.deep.equal({
        match: 'all',
        conditions: [{ field: 'creditLimit', op: 'gte', value: '１０，０００' }],
      });
      expect(await names(detail.filter)).to.deep.equal(['张伟', '王芳']);
    });

    it('edits enum values by their labels and dates with date inputs', async () => {
      const el = await builder('zh-CN', {
        match: 'all',
        conditions: [
          { field: 'importance', op: 'eq' },
          { field: 'since', op: 'between' },
        ],
      });
      const [importance] = $$<HTMLSelectElement>(el, 'select.value');
      expect([...importance.options].map((o) => o.textContent!.trim())).to.deep.equal(['', '贵宾', '普通']);
      await choose(el, importance, 'vip');
      const dates = $$<HTMLInputElement>(el, 'input.value');
      expect(dates.map((d) => d.type)).to.deep.equal(['date', 'date']);
      const operatorLabels = [...$$<HTMLSelectElement>(el, '.operator')[1].options].map((o) => o.textContent!.trim());
      expect(operatorLabels).to.include('早于');
      dates[0].value = '2022-01-01';
      dates[0].dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(await names(el.value)).to.deep.equal(['王芳']);
    });

    it('reads a date-time typed in local time as the UTC instant stored records use', async () => {
      const el = await builder('en', { match: 'all', conditions: [{ field: 'lastVisit', op: 'gte' }] });
      const input = $<HTMLInputElement>(el, 'input.value');
      expect(input.type).to.equal('datetime-local');
      input.value = '2024-05-01T16:30';
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const [condition] = el.value.conditions as { value?: unknown }[];
      expect(condition.value).to.equal(new Date('2024-05-01T16:30').toISOString());
      expect($<HTMLInputElement>(el, 'input.value').value).to.equal('2024-05-01T16:30');
    });

    it('combines conditions with OR and with a nested group', async () => {
      const el = await builder('en', {
        match: 'any',
        conditions: [{ field: 'name', op: 'startsWith', value: '王' }],
      });
      buttonNamed(el, /Add group/).click();
      await el.updateComplete;
      const group = $(el, '.group');
      expect(group.getAttribute('part')).to.equal('group');
      const [field] = [...group.querySelectorAll<HTMLSelectElement>('.field')];
      await choose(el, field, 'active');
      const value = group.querySelector<HTMLSelectElement>('select.value')!;
      await choose(el, value, 'true');
      expect(await names(el.value)).to.deep.equal(['张伟', '王芳']);
      await choose(el, $<HTMLSelectElement>(el, '.root > .group-head .match'), 'all');
      expect(await names(el.value)).to.deep.equal([]);
    });

    it('removes a condition with its labelled button and clears everything', async () => {
      const el = await builder('en', {
        match: 'all',
        conditions: [
          { field: 'name', op: 'contains', value: '张' },
          { field: 'importance', op: 'eq', value: 'vip' },
        ],
      });
      const remove = $$<HTMLButtonElement>(el, 'button.remove').find((b) => b.ariaLabel === 'Remove Condition 2')!;
      remove.click();
      await el.updateComplete;
      expect(await names(el.value)).to.deep.equal(['张丽', '张伟']);
      buttonNamed(el, /Clear all/).click();
      await el.updateComplete;
      expect(el.value.conditions).to.deep.equal([]);
    });
  });

  describe('when something is wrong', () => {
    it('says which entity is unknown instead of throwing', async () => {
      const el = await fixture<KehuFilterBuilder>(
        html`<kehu-filter-builder entity="custmer" locale="en" .store=${store}></kehu-filter-builder>`,
      );
      expect($(el, '[role="alert"]').textContent).to.match(/custmer/);
    });
    it('shows `<script>` typed as a value as text', async () => {
      const el = await builder('en', {
        match: 'all',
        conditions: [{ field: 'name', op: 'eq', value: '<script>x</script>' }],
      });
      expect($<HTMLInputElement>(el, 'input.value').value).to.equal('<script>x</script>');
      expect(el.shadowRoot!.querySelector('script')).to.equal(null);
    });
  });

  it('should be accessible, in both locales', async () => {
    const value: FilterGroup = {
      match: 'all',
      conditions: [
        { field: 'name', op: 'contains', value: '张' },
        { match: 'any', conditions: [{ field: 'importance', op: 'in', value: ['vip'] }] },
      ],
    };
    await expect(await builder('zh-CN', value)).to.be.accessible();
    await expect(await builder('en', value)).to.be.accessible();
  });
});
