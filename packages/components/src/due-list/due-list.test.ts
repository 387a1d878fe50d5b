import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStore, type FindOptions, type JsonSchema, type Store } from '@kehu/core';
import './define.js';
import type { KehuDueList } from './due-list.js';

/** `waitUntil` with room for a busy machine: IndexedDB writes and live queries can take a while. */
const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 8000 });

const customerSchema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': { label: { 'zh-CN': '客户', en: 'Customer' }, titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 100, 'x-kehu': { label: { 'zh-CN': '名称', en: 'Name' } } } },
};

const taskSchema: JsonSchema = {
  $id: 'task',
  type: 'object',
  required: ['subject', 'dueDate', 'done'],
  'x-kehu': {
    label: { 'zh-CN': '待办', en: 'Task' },
    titleField: 'subject',
    subtitleFields: ['customer'],
    indexes: ['dueDate', 'done'],
  },
  properties: {
    subject: { type: 'string', maxLength: 100, 'x-kehu': { label: { 'zh-CN': '主题', en: 'Subject' } } },
    dueDate: { type: 'string', format: 'date', maxLength: 10, 'x-kehu': { label: { 'zh-CN': '计划日期', en: 'Due' } } },
    done: { type: 'boolean', 'x-kehu': { label: { 'zh-CN': '已完成', en: 'Done' } } },
    doneOn: {
      type: 'string',
      format: 'date',
      maxLength: 10,
      'x-kehu': { label: { 'zh-CN': '完成日期', en: 'Done on' } },
    },
    customer: {
      type: 'string',
      maxLength: 64,
      'x-kehu': { label: { 'zh-CN': '客户', en: 'Customer' }, ref: 'customer' },
    },
  },
};

// 2026-11-04 is a Wednesday: this week runs to Sunday 2026-11-08.
const TODAY = '2026-11-04';
const tasks = [
  { id: 'a1', subject: 'Call Li', dueDate: '2026-11-01', done: false, customer: 'c1' },
  { id: 'a2', subject: 'Visit Wang', dueDate: '2026-10-20', done: true },
  { id: 'a3', subject: 'Call today', dueDate: '2026-11-04', done: false },
  { id: 'a4', subject: 'Fleet meeting', dueDate: '2026-11-06', done: false },
  { id: 'a5', subject: 'Send quote', dueDate: '2026-11-20', done: false },
  { id: 'a6', subject: 'December visit', dueDate: '2026-12-03', done: false },
];

let opened: Store[] = [];
let storeCount = 0;

async function storeWith(records: Record<string, unknown>[] = tasks): Promise<Store> {
  const store = await createStore({
    entities: [customerSchema, taskSchema],
    name: `due-list-${Date.now()}-${storeCount++}`,
  });
  opened.push(store);
  await store.entity('customer').insert({ id: 'c1', name: '华信汽车' });
  if (records.length) await store.entity('task').bulkInsert(records);
  return store;
}

const root = (el: KehuDueList) => el.shadowRoot!;
const headings = (el: KehuDueList) =>
  [...root(el).querySelectorAll('[part="group-heading"]')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
const groupTitles = (el: KehuDueList, group: string) =>
  [...root(el).querySelectorAll(`.group.${group} [part="item-title"]`)].map((t) => t.textContent!.trim());
const item = (el: KehuDueList, id: string) =>
  root(el).querySelector<HTMLElement>(`[data-open="${id}"]`)!.closest('li')!;
const checkbox = (el: KehuDueList, id: string) => root(el).querySelector<HTMLInputElement>(`[data-done="${id}"]`)!;
const cell = (el: KehuDueList, date: string) => root(el).querySelector<HTMLElement>(`[data-day="${date}"]`)!;
const monthTitle = (el: KehuDueList) => root(el).querySelector('[part="month-title"]')?.textContent!.trim();
const focusedDay = (el: KehuDueList) => (root(el).activeElement as HTMLElement | null)?.dataset.day;

async function dueListOf(store: Store, locale = 'en', extra: Partial<KehuDueList> = {}): Promise<KehuDueList> {
  const el = await fixture<KehuDueList>(
    html`<kehu-due-list
      entity="task"
      done-field="done"
      done-date-field="doneOn"
      today=${TODAY}
      locale=${locale}
      .store=${store}
    ></kehu-due-list>`,
  );
  Object.assign(el, extra);
  await until(() => headings(el).length === 4 || root(el).querySelector('[role="grid"]'), 'renders');
  if (el.view === 'agenda') await until(() => !headings(el).some((h) => h.includes('…')), 'counts load');
  return el;
}

afterEach(async () => {
  for (const store of opened) await store.close();
  opened = [];
});

describe('<kehu-due-list>', () => {
  describe('when showing the agenda', () => {
    it('should group open records into overdue, today, this week and later in en', async () => {
      const el = await dueListOf(await storeWith());
      expect(headings(el)).to.deep.equal(['Overdue 1', 'Today 1', 'This week 1', 'Later 2']);
      await until(() => groupTitles(el, 'later').length === 2);
      expect(groupTitles(el, 'overdue')).to.deep.equal(['Call Li']);
      expect(groupTitles(el, 'today')).to.deep.equal(['Call today']);
      expect(groupTitles(el, 'week')).to.deep.equal(['Fleet meeting']);
      expect(groupTitles(el, 'later')).to.deep.equal(['Send quote', 'December visit']);
      await until(() => item(el, 'a1').textContent!.includes('华信汽车'), 'customer title resolves');
      const meta = item(el, 'a1').querySelector('[part="item-meta"]')!.textContent!.trim();
      expect(meta).to.equal('Nov 1, 2026 · 3 days overdue · 华信汽车');
    });

    it('should label groups and dates in zh-CN', async () => {
      const el = await dueListOf(await storeWith(), 'zh-CN');
      expect(headings(el)).to.deep.equal(['已逾期 1 条', '今天 1 条', '本周 1 条', '以后 2 条']);
      await until(() => groupTitles(el, 'overdue').length === 1);
      expect(item(el, 'a1').querySelector('[part="item-meta"]')!.textContent).to.contain('2026年11月1日 · 逾期 3 天');
      expect(checkbox(el, 'a1').getAttribute('aria-label')).to.equal('标记完成：Call Li');
    });

    it('should mark a record done with its checkbox, stamping the done date', async () => {
      const store = await storeWith();
      const el = await dueListOf(store);
      await until(() => checkbox(el, 'a3'));
      checkbox(el, 'a3').click();
      await until(async () => (await store.entity('task').get('a3'))?.done === true, 'stored');
      expect((await store.entity('task').get('a3'))!.doneOn).to.equal(TODAY);
      await until(() => item(el, 'a3').getAttribute('part') === 'item done', 'struck through');
      expect(headings(el)[1]).to.equal('Today 1');
      checkbox(el, 'a3').click();
      await until(async () => (await store.entity('task').get('a3'))?.done === false, 'unmarked');
      expect((await store.entity('task').get('a3'))!.doneOn).to.equal(undefined);
    });

    it('should drop a record from overdue once done, and hide done ones with hide-done', async () => {
      const store = await storeWith();
      const el = await dueListOf(store, 'en', { hideDone: true });
      await until(() => checkbox(el, 'a1'));
      checkbox(el, 'a1').click();
      await until(() => headings(el)[0] === 'Overdue 0', 'no longer overdue');
      expect(root(el).querySelector('.group.overdue [part="empty"]')!.textContent).to.equal('Nothing');
      await store.entity('task').patch('a3', { done: true });
      await until(() => headings(el)[1] === 'Today 0', 'hidden when done');
    });

    it('should open a record on click with kehu-record-activate', async () => {
      const el = await dueListOf(await storeWith());
      await until(() => groupTitles(el, 'week').length === 1);
      const opened = oneEvent(el, 'kehu-record-activate');
      root(el).querySelector<HTMLElement>('[data-open="a4"]')!.click();
      const { detail } = await opened;
      expect(detail).to.include({ id: 'a4', entity: 'task' });
      expect(detail.record.subject).to.equal('Fleet meeting');
    });

    it('should show a bounded number per group and more on request', async () => {
      const many = Array.from({ length: 130 }, (_, i) => ({
        subject: `Later ${String(i).padStart(3, '0')}`,
        dueDate: `2027-0${1 + (i % 9)}-1${i % 10}`,
        done: false,
      }));
      const el = await dueListOf(await storeWith(many), 'en', { pageSize: 25 });
      await until(() => groupTitles(el, 'later').length === 25);
      const more = root(el).querySelector<HTMLButtonElement>('.group.later [part="show-more"]')!;
      expect(more.textContent!.trim()).to.equal('Show more (25 of 130 shown)');
      more.click();
      await until(() => groupTitles(el, 'later').length === 50);
    });

    it('should render markup in subjects as text', async () => {
      const el = await dueListOf(
        await storeWith([{ subject: '<img src=x onerror="window.duePwned=1">', dueDate: TODAY, done: false }]),
      );
      await until(() => groupTitles(el, 'today').length === 1);
      expect(groupTitles(el, 'today')[0]).to.equal('<img src=x onerror="window.duePwned=1">');
      expect(root(el).querySelector('img')).to.equal(null);
      expect((window as { duePwned?: number }).duePwned).to.equal(undefined);
    });
  });

  describe('when showing the month', () => {
    it('should switch to a grid of six Monday-first weeks with records on their days', async () => {
      const el = await dueListOf(await storeWith());
      const monthButton = [...root(el).querySelectorAll<HTMLButtonElement>('[part="view-button"]')][1];
      monthButton.click();
      await until(() => root(el).querySelector('[role="grid"][aria-busy="false"]'), 'month loads');
      expect(monthButton.getAttribute('aria-pressed')).to.equal('true');
      expect(monthTitle(el)).to.equal('November 2026');
      expect(root(el).querySelectorAll('[role="gridcell"]')).to.have.length(42);
      expect([...root(el).querySelectorAll('th')].map((th) => th.textContent!.trim())[0]).to.equal('Mon');
      expect(root(el).querySelector('[role="gridcell"]')!.getAttribute('data-day')).to.equal('2026-10-26');
      expect(cell(el, TODAY).getAttribute('aria-current')).to.equal('date');
      expect(cell(el, '2026-11-06').querySelector('[part~="day-item"]')!.textContent).to.equal('Fleet meeting');
      expect(cell(el, '2026-10-20')?.textContent ?? '').not.to.contain('Visit Wang'); // outside the grid
      expect(root(el).querySelector('[part="day-panel"] h4')!.textContent).to.contain('Wednesday, November 4, 2026');
    });

    it('should page months with the buttons', async () => {
      const el = await dueListOf(await storeWith(), 'zh-CN', { view: 'month' });
      expect(monthTitle(el)).to.equal('2026年11月');
      root(el).querySelector<HTMLButtonElement>('[aria-label="下个月"]')!.click();
      await until(() => monthTitle(el) === '2026年12月');
      await until(() => cell(el, '2026-12-03')?.textContent!.includes('December visit'), 'December loads');
      root(el).querySelector<HTMLButtonElement>('[aria-label="上个月"]')!.click();
      root(el).querySelector<HTMLButtonElement>('[aria-label="上个月"]')!.click();
      await until(() => monthTitle(el) === '2026年10月');
      await until(() => cell(el, '2026-10-20')?.querySelector('.day-item.done'), 'done is struck through');
    });

    it('should move between days with the arrow keys and months with Page Up/Down', async () => {
      const el = await dueListOf(await storeWith(), 'en', { view: 'month' });
      cell(el, TODAY).focus();
      await sendKeys({ press: 'ArrowRight' });
      await until(() => focusedDay(el) === '2026-11-05');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => focusedDay(el) === '2026-11-12');
      await sendKeys({ press: 'Home' });
      await until(() => focusedDay(el) === '2026-11-09');
      await sendKeys({ press: 'PageDown' });
      await until(() => focusedDay(el) === '2026-12-09');
      expect(monthTitle(el)).to.equal('December 2026');
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      await until(() => focusedDay(el) === '2026-11-25');
      expect(monthTitle(el)).to.equal('November 2026');
      expect(cell(el, '2026-11-25').getAttribute('aria-selected')).to.equal('true');
    });

    it('should open a day’s records from the keyboard', async () => {
      const el = await dueListOf(await storeWith(), 'en', { view: 'month' });
      cell(el, TODAY).focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await until(() => root(el).querySelector('[part="day-panel"] [data-open="a4"]'), 'panel lists the 6th');
      await sendKeys({ press: 'Enter' });
      expect((root(el).activeElement as HTMLElement).dataset.open).to.equal('a4');
      const opened = oneEvent(el, 'kehu-record-activate');
      await sendKeys({ press: 'Enter' });
      expect((await opened).detail.id).to.equal('a4');
    });

    it('should read only the days on screen, by a range on the date field', async () => {
      const store = await storeWith();
      const queries: FindOptions[] = [];
      const entity = store.entity.bind(store);
      const spying = Object.create(store) as Store;
      spying.entity = ((name: string) => {
        const repository = entity(name);
        return Object.assign(Object.create(repository), {
          find$: (options: FindOptions) => (queries.push(options), repository.find$(options)),
        });
      }) as Store['entity'];
      await dueListOf(spying, 'en', { view: 'month' });
      expect(queries.map((q) => q.selector)).to.deep.include({ dueDate: { $gte: '2026-10-26', $lte: '2026-12-06' } });
      expect(queries.every((q) => q.limit !== undefined || (q.selector?.dueDate as object | undefined))).to.equal(true);
    });
  });

  describe('when given bad input', () => {
    it('should warn about bad attributes and fall back', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: unknown) => warnings.push(String(message));
      try {
        const store = await storeWith();
        const el = await fixture<KehuDueList>(
          html`<kehu-due-list entity="task" date-field="subject" locale="en" .store=${store}></kehu-due-list>`,
        );
        expect(root(el).querySelector('[part="group"]')).to.equal(null);
        expect(warnings[0]).to.contain('cannot use "subject"');
        el.dateField = 'dueDate';
        el.today = '2026-13-45';
        el.view = 'week';
        el.doneField = 'subject';
        await until(() => headings(el).length === 4);
        expect(warnings.some((w) => w.includes('today "2026-13-45"'))).to.equal(true);
        expect(warnings.some((w) => w.includes('view "week"'))).to.equal(true);
        expect(warnings.some((w) => w.includes('done-field "subject"'))).to.equal(true);
        expect(root(el).querySelector('[data-done]')).to.equal(null);
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('accessibility', () => {
    for (const locale of ['zh-CN', 'en']) {
      for (const view of ['agenda', 'month']) {
        it(`should be accessible in ${locale}, ${view} view`, async () => {
          const el = await dueListOf(await storeWith(), locale, { view });
          await until(() => root(el).querySelector('[part="item"]'), 'items show');
          await expect(el).to.be.accessible();
        });
      }
    }
  });
});
