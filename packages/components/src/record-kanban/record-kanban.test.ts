import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import './define.js';
import type { KehuRecordKanban } from './record-kanban.js';

/** `waitUntil` with room for a busy machine: IndexedDB writes and live queries can take a while. */
const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 8000 });

const customerSchema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': { label: { 'zh-CN': '客户', en: 'Customer' }, titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 100, 'x-kehu': { label: { 'zh-CN': '名称', en: 'Name' } } } },
};

const stages = ['lead', 'proposal', 'won'];
const dealSchema: JsonSchema = {
  $id: 'deal',
  type: 'object',
  required: ['name', 'stage'],
  // A won deal must have its amount: dropping an amount-less card on "won" is refused.
  allOf: [{ if: { properties: { stage: { const: 'won' } } }, then: { required: ['amount'] } }],
  'x-kehu': {
    label: { 'zh-CN': '商机', en: 'Deal' },
    titleField: 'name',
    subtitleFields: ['customer', 'amount', 'stage'],
    indexes: ['stage', 'name', 'owner'],
    list: { sort: { field: 'name', direction: 'asc' } },
  },
  properties: {
    name: { type: 'string', maxLength: 100, 'x-kehu': { label: { 'zh-CN': '名称', en: 'Name' } } },
    kind: {
      type: 'string',
      enum: ['new', 'renewal'],
      'x-kehu': { label: { 'zh-CN': '类型', en: 'Kind' }, enumLabels: { new: '新', renewal: '续' } },
    },
    stage: {
      type: 'string',
      enum: stages,
      'x-kehu': {
        label: { 'zh-CN': '阶段', en: 'Stage' },
        enumLabels: {
          lead: { 'zh-CN': '线索', en: 'Lead' },
          proposal: { 'zh-CN': '方案报价', en: 'Proposal' },
          won: { 'zh-CN': '赢单', en: 'Won' },
        },
      },
    },
    amount: {
      type: 'number',
      minimum: 0,
      multipleOf: 0.01,
      'x-kehu': { label: { 'zh-CN': '金额', en: 'Amount' }, widget: 'money' },
    },
    owner: { type: 'string', maxLength: 50, 'x-kehu': { label: { 'zh-CN': '负责人', en: 'Owner' } } },
    customer: {
      type: 'string',
      maxLength: 64,
      'x-kehu': { label: { 'zh-CN': '客户', en: 'Customer' }, ref: 'customer' },
    },
  },
};

let opened: Store[] = [];
let storeCount = 0;

async function storeWith(deals: Record<string, unknown>[]): Promise<Store> {
  const store = await createStore({
    entities: [customerSchema, dealSchema],
    name: `record-kanban-${Date.now()}-${storeCount++}`,
  });
  opened.push(store);
  await store.entity('customer').insert({ id: 'c1', name: '华信汽车' });
  if (deals.length) await store.entity('deal').bulkInsert(deals);
  return store;
}

const deals = [
  { id: 'd1', name: 'Alpha fleet', stage: 'lead', amount: 1000, customer: 'c1', owner: '张伟' },
  { id: 'd2', name: 'Beta tyres', stage: 'lead', owner: '王芳' },
  { id: 'd3', name: 'Gamma oil', stage: 'proposal', amount: 2500.5, owner: '张伟' },
  { id: 'd4', name: 'Delta cars', stage: 'won', amount: 300000, owner: '王芳' },
];

const root = (el: KehuRecordKanban) => el.shadowRoot!;
const columns = (el: KehuRecordKanban) => [...root(el).querySelectorAll<HTMLElement>('[part~="column"]')];
const labels = (el: KehuRecordKanban) => columns(el).map((c) => c.querySelector('h3')!.textContent!.trim());
const counts = (el: KehuRecordKanban) =>
  columns(el).map((c) => c.querySelector('[part~="column-count"]')!.textContent!.trim());
const sums = (el: KehuRecordKanban) =>
  columns(el).map((c) => c.querySelector('[part~="column-sum"]')?.textContent!.trim());
const titlesIn = (el: KehuRecordKanban, column: number) =>
  [...columns(el)[column].querySelectorAll('[part~="card-title"]')].map((t) => t.textContent!.trim());
const card = (el: KehuRecordKanban, id: string) => root(el).querySelector<HTMLElement>(`[data-id="${id}"]`)!;
const status = (el: KehuRecordKanban) => root(el).querySelector('[role="status"]')!.textContent!.trim();
const alertText = (el: KehuRecordKanban) => root(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';

/** A board of deals by stage; `extra` properties are set after it is attached. */
async function boardOf(store: Store, locale = 'en', extra: Partial<KehuRecordKanban> = {}): Promise<KehuRecordKanban> {
  const el = await fixture<KehuRecordKanban>(
    html`<kehu-record-kanban entity="deal" group-by="stage" locale=${locale} .store=${store}></kehu-record-kanban>`,
  );
  Object.assign(el, extra);
  await until(() => counts(el).length > 0 && counts(el).every((c) => c !== '…'), 'counts load');
  await until(() => columns(el).every((c, i) => titlesIn(el, i).length > 0 || c.querySelector('[part="empty"]')));
  return el;
}

/** Presses the mouse on a card and releases it over the middle of column `to`, in small steps. */
async function dragCard(el: KehuRecordKanban, id: string, to: number): Promise<void> {
  const from = card(el, id).getBoundingClientRect();
  const target = columns(el)[to].getBoundingClientRect();
  const start = [Math.round(from.left + from.width / 2), Math.round(from.top + from.height / 2)] as [number, number];
  const end = [Math.round(target.left + target.width / 2), Math.round(target.top + 60)] as [number, number];
  await sendMouse({ type: 'move', position: start });
  await sendMouse({ type: 'down' });
  for (let step = 1; step <= 4; step++) {
    const x = Math.round(start[0] + ((end[0] - start[0]) * step) / 4);
    const y = Math.round(start[1] + ((end[1] - start[1]) * step) / 4);
    await sendMouse({ type: 'move', position: [x, y] });
  }
  await sendMouse({ type: 'up' });
}

afterEach(async () => {
  await resetMouse();
  for (const store of opened) await store.close();
  opened = [];
});

describe('<kehu-record-kanban>', () => {
  describe('when showing an entity', () => {
    it('should show a column per stage in schema order, with counts and money sums in en', async () => {
      const el = await boardOf(await storeWith(deals), 'en', { sumField: 'amount' });
      expect(labels(el)).to.deep.equal(['Lead', 'Proposal', 'Won']);
      expect(counts(el)).to.deep.equal(['2', '1', '1']);
      await until(() => sums(el).every(Boolean), 'sums load');
      expect(sums(el)).to.deep.equal(['total CN¥1,000.00', 'total CN¥2,500.50', 'total CN¥300,000.00']);
      expect(titlesIn(el, 0)).to.deep.equal(['Alpha fleet', 'Beta tyres']);
    });

    it('should keep the sums right as records change stage or amount', async () => {
      const store = await storeWith(deals);
      const el = await boardOf(store, 'en', { sumField: 'amount' });
      await until(() => sums(el).every(Boolean), 'sums load');
      const deals$ = store.entity<Record<string, unknown>>('deal');
      await deals$.patch('d3', { stage: 'won' });
      await deals$.patch('d1', { amount: 1000.25 });
      await until(
        () =>
          JSON.stringify(sums(el)) === JSON.stringify(['total CN¥1,000.25', 'total CN¥0.00', 'total CN¥302,500.50']),
        'sums follow the moves',
      );
    });

    it('should show zh-CN labels and sums', async () => {
      const el = await boardOf(await storeWith(deals), 'zh-CN', { sumField: 'amount' });
      expect(labels(el)).to.deep.equal(['线索', '方案报价', '赢单']);
      expect(counts(el)).to.deep.equal(['2 条', '1 条', '1 条']);
      await until(() => sums(el).every(Boolean), 'sums load');
      expect(sums(el)[2]).to.equal('合计 ¥300,000.00');
    });

    it('should group by the first enum field unless group-by says otherwise', async () => {
      const store = await storeWith([{ name: 'X', stage: 'lead', kind: 'renewal' }]);
      const el = await fixture<KehuRecordKanban>(
        html`<kehu-record-kanban entity="deal" locale="en" .store=${store}></kehu-record-kanban>`,
      );
      await until(() => counts(el).join() === '0,1', 'counts by kind');
      expect(labels(el)).to.deep.equal(['新', '续']);
      el.groupBy = 'stage';
      await until(() => labels(el).length === 3);
      expect(labels(el)).to.deep.equal(['Lead', 'Proposal', 'Won']);
    });

    it('should show reference titles and formatted values on cards, without the grouped field', async () => {
      const el = await boardOf(await storeWith(deals), 'en');
      await until(() => card(el, 'd1').textContent!.includes('华信汽车'), 'customer title resolves');
      const subtitle = card(el, 'd1').querySelector('[part~="card-subtitle"]')!.textContent!.trim();
      expect(subtitle).to.equal('华信汽车 · CN¥1,000.00');
    });

    it('should render markup in names as text', async () => {
      const el = await boardOf(
        await storeWith([{ name: '<script>window.kanbanPwned = 1</script><b>x</b>', stage: 'lead' }]),
      );
      expect(titlesIn(el, 0)).to.deep.equal(['<script>window.kanbanPwned = 1</script><b>x</b>']);
      expect(root(el).querySelector('script, b')).to.equal(null);
      expect((window as { kanbanPwned?: number }).kanbanPwned).to.equal(undefined);
    });

    it('should keep counts live as records change', async () => {
      const store = await storeWith(deals);
      const el = await boardOf(store);
      await store.entity('deal').insert({ name: 'Epsilon', stage: 'proposal' });
      await until(() => counts(el)[1] === '2', 'count follows the insert');
      expect(titlesIn(el, 1)).to.deep.equal(['Epsilon', 'Gamma oil']);
    });

    it('should filter cards by the selector', async () => {
      const el = await boardOf(await storeWith(deals), 'en', { selector: { owner: '张伟' } });
      await until(() => counts(el).join() === '1,1,0');
      expect(titlesIn(el, 0)).to.deep.equal(['Alpha fleet']);
      expect(columns(el)[2].querySelector('[part="empty"]')!.textContent).to.equal('No records');
    });

    it('should render only page-size cards per column and more on request', async () => {
      const many = Array.from({ length: 1200 }, (_, i) => ({
        name: `Deal ${String(i).padStart(4, '0')}`,
        stage: 'lead',
      }));
      const el = await boardOf(await storeWith(many), 'en', { pageSize: 20 });
      await until(() => counts(el)[0] === '1,200');
      await until(() => titlesIn(el, 0).length === 20);
      const more = columns(el)[0].querySelector<HTMLButtonElement>('[part="show-more"]')!;
      expect(more.textContent!.trim()).to.equal('Show more (20 of 1,200 shown)');
      more.click();
      await until(() => titlesIn(el, 0).length === 40, 'twenty more cards');
      expect(titlesIn(el, 0)[39]).to.equal('Deal 0039');
    });
  });

  describe('when dragging a card with the mouse', () => {
    it('should store the new stage, fire kehu-record-move and show the card in its new column', async () => {
      const store = await storeWith(deals);
      const el = await boardOf(store);
      const moved = oneEvent(el, 'kehu-record-move');
      await dragCard(el, 'd1', 2);
      const { detail } = await moved;
      expect(detail).to.deep.equal({ id: 'd1', entity: 'deal', field: 'stage', from: 'lead', to: 'won' });
      expect((await store.entity('deal').get('d1'))!.stage).to.equal('won');
      await until(() => titlesIn(el, 2).includes('Alpha fleet'), 'card shows in Won');
      expect(titlesIn(el, 0)).to.deep.equal(['Beta tyres']);
    });

    it('should show the localised refusal and leave the card where it was', async () => {
      const store = await storeWith(deals);
      const el = await boardOf(store, 'zh-CN');
      let moves = 0;
      el.addEventListener('kehu-record-move', () => moves++);
      await dragCard(el, 'd2', 2);
      await until(() => alertText(el).length > 0, 'refusal shows');
      expect(alertText(el)).to.contain('「Beta tyres」无法移到「赢单」');
      expect(alertText(el)).to.contain('金额');
      expect((await store.entity('deal').get('d2'))!.stage).to.equal('lead');
      expect(titlesIn(el, 0)).to.deep.equal(['Alpha fleet', 'Beta tyres']);
      expect(card(el, 'd2').style.transform).to.equal('');
      expect(moves).to.equal(0);
    });

    it('should open the card on a click that does not drag', async () => {
      const el = await boardOf(await storeWith(deals));
      const opened = oneEvent(el, 'kehu-record-activate');
      card(el, 'd3').click();
      const { detail } = await opened;
      expect(detail.id).to.equal('d3');
      expect(detail.entity).to.equal('deal');
      expect(detail.record.name).to.equal('Gamma oil');
    });
  });

  describe('when used with the keyboard', () => {
    it('should move focus between cards with the arrow keys', async () => {
      const el = await boardOf(await storeWith(deals));
      expect(card(el, 'd1').tabIndex).to.equal(0);
      expect(card(el, 'd2').tabIndex).to.equal(-1);
      card(el, 'd1').focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(root(el).activeElement).to.equal(card(el, 'd2'));
      await sendKeys({ press: 'ArrowRight' });
      expect(root(el).activeElement).to.equal(card(el, 'd3'));
      await sendKeys({ press: 'ArrowRight' });
      expect(root(el).activeElement).to.equal(card(el, 'd4'));
      await el.updateComplete;
      expect(card(el, 'd4').tabIndex).to.equal(0);
      expect(card(el, 'd1').tabIndex).to.equal(-1);
    });

    it('should pick a card up with Space, choose a column with the arrows and drop it with Space', async () => {
      const store = await storeWith(deals);
      const el = await boardOf(store);
      card(el, 'd1').focus();
      await sendKeys({ press: 'Space' });
      await until(() => status(el).startsWith('Picked up Alpha fleet in Lead'));
      await sendKeys({ press: 'ArrowRight' });
      await until(() => status(el) === 'Over Proposal');
      expect(columns(el)[1].getAttribute('part')).to.equal('column over');
      const moved = oneEvent(el, 'kehu-record-move');
      await sendKeys({ press: 'Space' });
      expect((await moved).detail.to).to.equal('proposal');
      await until(() => status(el) === 'Alpha fleet moved to Proposal');
      await until(() => root(el).activeElement === card(el, 'd1'), 'focus follows the card');
      expect(card(el, 'd1').closest('[part~="column"]')).to.equal(columns(el)[1]);
      expect((await store.entity('deal').get('d1'))!.stage).to.equal('proposal');
    });

    it('should put the card back on Escape', async () => {
      const store = await storeWith(deals);
      const el = await boardOf(store, 'zh-CN');
      card(el, 'd3').focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Escape' });
      await until(() => status(el) === '已取消移动「Gamma oil」');
      expect((await store.entity('deal').get('d3'))!.stage).to.equal('proposal');
      expect(columns(el).map((c) => c.getAttribute('part'))).to.deep.equal(['column', 'column', 'column']);
    });

    it('should open the focused card with Enter', async () => {
      const el = await boardOf(await storeWith(deals));
      card(el, 'd1').focus();
      const opened = oneEvent(el, 'kehu-record-activate');
      await sendKeys({ press: 'Enter' });
      expect((await opened).detail.id).to.equal('d1');
    });
  });

  describe('when given bad input', () => {
    it('should warn about an unknown group-by field and show no columns', async () => {
      const warnings: unknown[] = [];
      const warn = console.warn;
      console.warn = (message: unknown) => warnings.push(message);
      try {
        const el = await fixture<KehuRecordKanban>(
          html`<kehu-record-kanban entity="deal" group-by="name" sum-field="owner" locale="en"></kehu-record-kanban>`,
        );
        el.store = await storeWith(deals);
        await el.updateComplete;
        expect(columns(el)).to.have.length(0);
        expect(String(warnings[0])).to.contain('cannot group by "name"');
        el.groupBy = 'stage';
        await until(() => columns(el).length === 3);
        expect(warnings.some((w) => String(w).includes('ignored sum-field "owner"'))).to.equal(true);
      } finally {
        console.warn = warn;
      }
    });

    it('should explain what is missing without a store or entity', async () => {
      const el = await fixture<KehuRecordKanban>(html`<kehu-record-kanban locale="zh-CN"></kehu-record-kanban>`);
      expect(alertText(el)).to.equal('请设置 entity 属性（实体名称）。');
    });
  });

  describe('accessibility', () => {
    for (const locale of ['zh-CN', 'en']) {
      it(`should be accessible in ${locale}`, async () => {
        const el = await boardOf(await storeWith(deals), locale, { sumField: 'amount' });
        await expect(el).to.be.accessible();
      });
    }
  });
});
