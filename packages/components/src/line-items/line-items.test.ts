import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { KehuLineItems, LineItemsChangeDetail } from './line-items.js';
import { linesField } from './test-fixtures.js';
import { describe, it } from '../record-form/test-support.js';

type Row = Record<string, unknown>;
const cell = (el: KehuLineItems, row: number, key: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[role="gridcell"][data-row="${row}"][data-key="${key}"]`)!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const focused = (el: KehuLineItems) => el.shadowRoot!.activeElement as HTMLElement | null;
const frames = async (n = 2) => {
  for (let i = 0; i < n; i++) await new Promise(requestAnimationFrame);
};

async function editor(rows: Row[] = [], locale = 'zh-CN', extra: Partial<KehuLineItems> = {}) {
  const el = await fixture<KehuLineItems>(
    html`<kehu-line-items
      .field=${linesField}
      .rows=${rows}
      locale=${locale}
      .validate=${extra.validate}
    ></kehu-line-items>`,
  );
  if (rows.length) await rendered(el);
  await frames();
  return el;
}

/** Waits for the virtualizer (its layout loads on first use) to draw rows. */
const rendered = (el: KehuLineItems) =>
  waitUntil(() => el.shadowRoot!.querySelector('[role="row"][data-row]'), 'no rows drawn', { timeout: 5000 });

/** Rows as the element reports them on its next change. */
function nextRows(el: KehuLineItems) {
  return oneEvent(el, 'kehu-line-items-change').then((e) => (e as CustomEvent<LineItemsChangeDetail>).detail);
}

function paste(target: Element, tsv: string) {
  const data = new DataTransfer();
  data.setData('text/plain', tsv);
  target.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }),
  );
}

describe('<kehu-line-items>', () => {
  describe('when showing rows', () => {
    it('should draw a grid with headers, formatted cells and footer totals', async () => {
      const el = await editor([
        { description: '机油', kind: 'part', quantity: 2, unitPrice: 1234.5, amount: 2469 },
        { description: '工时', kind: 'labour', quantity: 1, unitPrice: 0.1, amount: 0.1 },
      ]);
      const headers = [...el.shadowRoot!.querySelectorAll('[role="columnheader"]')].map(text);
      expect(headers).to.deep.equal([
        '序号',
        '摘要*',
        '类型',
        '数量*',
        '单价',
        '折扣%',
        '配件',
        '金额(自动计算)',
        '操作',
      ]);
      expect(text(cell(el, 0, 'unitPrice'))).to.equal('1,234.50');
      expect(text(cell(el, 1, 'kind'))).to.equal('工时');
      expect(text(cell(el, 0, 'parts'))).to.contain('0 项');
      expect(text(el.shadowRoot!.querySelector('[part~="total"][data-key="amount"]'))).to.equal('2,469.10');
      expect(el.shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('4');
    });

    it('should be accessible, in both locales', async () => {
      const rows = [{ description: 'A', quantity: 1, unitPrice: 2, amount: 2 }];
      await expect(await editor(rows)).to.be.accessible();
      const en = await editor(rows, 'en');
      expect(text(en.shadowRoot!.querySelector('[part~="add-button"]'))).to.equal('Add row');
      await expect(en).to.be.accessible();
    });

    it('should warn and show an empty state when field is not line items', async () => {
      const warnings: unknown[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args[0]);
      try {
        const el = await fixture<KehuLineItems>(html`<kehu-line-items .field=${{ key: 'x' }}></kehu-line-items>`);
        expect(el.shadowRoot!.querySelector('[part~="empty"]')).to.exist;
        expect(String(warnings[0])).to.contain('kehu-line-items');
      } finally {
        console.warn = original;
      }
    });

    it('should show hostile text as text', async () => {
      const el = await editor([{ description: '<img src=x onerror=alert(1)><script>x</script>', quantity: 1 }]);
      expect(text(cell(el, 0, 'description'))).to.equal('<img src=x onerror=alert(1)><script>x</script>');
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    });
  });

  describe('when typing into cells', () => {
    it('should start editing on a keystroke, commit on Enter, recompute and move down', async () => {
      const el = await editor([{ description: 'A', quantity: 1, unitPrice: 10 }, { description: 'B' }]);
      cell(el, 0, 'quantity').focus();
      const change = nextRows(el);
      await sendKeys({ type: '3' });
      await sendKeys({ press: 'Enter' });
      const detail = await change;
      expect(detail.path).to.deep.equal([0, 'quantity']);
      expect(detail.rows[0]).to.include({ quantity: 3, amount: 30 });
      await frames();
      expect(text(cell(el, 0, 'amount'))).to.equal('30.00');
      expect(focused(el)).to.equal(cell(el, 1, 'quantity'));
    });

    it('should cancel an edit with Escape and keep the old value', async () => {
      const el = await editor([{ description: 'A', quantity: 1 }]);
      cell(el, 0, 'description').focus();
      await sendKeys({ press: 'Enter' });
      await frames();
      await sendKeys({ type: 'XYZ' });
      await sendKeys({ press: 'Escape' });
      await frames();
      expect(text(cell(el, 0, 'description'))).to.equal('A');
      expect(focused(el)).to.equal(cell(el, 0, 'description'));
    });

    it('should move with arrows and Tab, wrapping to the next row', async () => {
      const el = await editor([{ description: 'A' }, { description: 'B' }]);
      cell(el, 0, 'description').focus();
      await sendKeys({ press: 'ArrowRight' });
      await frames();
      expect(focused(el)).to.equal(cell(el, 0, 'kind'));
      await sendKeys({ press: 'ArrowDown' });
      await frames();
      expect(focused(el)).to.equal(cell(el, 1, 'kind'));
      await sendKeys({ press: 'End' });
      await frames();
      expect(focused(el)!.dataset.col).to.equal('7');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await frames();
      expect(focused(el)).to.equal(cell(el, 1, 'amount'));
      cell(el, 0, 'amount').focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await frames();
      expect(focused(el)).to.equal(cell(el, 1, 'description'));
    });

    it('should keep a value it cannot read off the record and say why on the cell', async () => {
      const el = await editor([{ description: 'A', quantity: 1 }]);
      cell(el, 0, 'quantity').focus();
      await sendKeys({ type: 'abc' });
      await sendKeys({ press: 'Enter' });
      await frames();
      const bad = cell(el, 0, 'quantity');
      expect(bad.getAttribute('aria-invalid')).to.equal('true');
      const message = el.shadowRoot!.getElementById(bad.getAttribute('aria-describedby')!);
      expect(text(message)).to.contain('「abc」不是数字');
      expect(el.rows[0].quantity).to.equal(1);
    });
  });

  describe('when cells are pasted from a spreadsheet', () => {
    it('should fill from the focused cell, add rows, convert numbers and report bad cells', async () => {
      const el = await editor([{ description: 'A', quantity: 1 }], 'zh-CN', {
        validate: (rows) =>
          rows.flatMap((r, i) =>
            r.description ? [] : [{ path: [i, 'description'], message: { 'zh-CN': '请填写摘要', en: 'Required' } }],
          ),
      });
      cell(el, 0, 'description').focus();
      const change = nextRows(el);
      paste(cell(el, 0, 'description'), '机油\t配件\t１２\t"1,234.50"\n滤芯\t工时\t2\t￥３０\n\t零件\tx\t5\r\n');
      const { rows } = await change;
      expect(rows.length).to.equal(3);
      expect(rows[0]).to.include({ description: '机油', kind: 'part', quantity: 12, unitPrice: 1234.5, amount: 14814 });
      expect(rows[1]).to.include({ kind: 'labour', quantity: 2, unitPrice: 30, amount: 60 });
      expect(rows[2]).to.not.have.property('quantity');
      await frames();
      const report = text(el.shadowRoot!.querySelector('[part~="report"]'))!;
      expect(report).to.contain('已粘贴 10 个单元格（3 行）');
      expect(report).to.contain('第 3 行「摘要」：请填写摘要');
      expect(report).to.contain('第 3 行「类型」：「零件」不是可选值');
      expect(report).to.contain('第 3 行「数量」：「x」不是数字');
      expect(cell(el, 2, 'quantity').getAttribute('aria-invalid')).to.equal('true');
      expect(text(el.shadowRoot!.querySelector('[part~="total"][data-key="amount"]'))).to.equal('14,874.00');
    });
  });

  describe('when rows are added, removed and moved', () => {
    it('should do it from the keyboard', async () => {
      const el = await editor([{ description: 'A' }, { description: 'B' }]);
      cell(el, 0, 'description').focus();
      await sendKeys({ press: 'Insert' });
      await frames(3);
      expect(el.rows.map((r) => r.description)).to.deep.equal(['A', undefined, 'B']);
      expect(focused(el)).to.equal(cell(el, 1, 'description'));
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Delete' });
      await sendKeys({ up: 'Control' });
      await frames(3);
      expect(el.rows.map((r) => r.description)).to.deep.equal(['A', 'B']);
      cell(el, 0, 'description').focus();
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ up: 'Alt' });
      await frames(3);
      expect(el.rows.map((r) => r.description)).to.deep.equal(['B', 'A']);
      expect(focused(el)).to.equal(cell(el, 1, 'description'));
    });

    it('should do it with the buttons', async () => {
      const el = await editor([{ description: 'A' }, { description: 'B' }], 'en');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Move row 2 up"]')!.click();
      expect(el.rows.map((r) => r.description)).to.deep.equal(['B', 'A']);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Remove row 1"]')!.click();
      expect(el.rows.map((r) => r.description)).to.deep.equal(['A']);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
      expect(el.rows.length).to.equal(2);
    });
  });

  describe('when a line has its own line items', () => {
    it('should edit them in a dialog and add their total to the line', async () => {
      const el = await editor([{ description: 'Job', quantity: 1, unitPrice: 100, amount: 100 }]);
      cell(el, 0, 'parts').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      const inner = dialog.querySelector('kehu-line-items')!;
      await frames();
      inner.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
      await frames(3);
      const change = nextRows(el);
      paste(inner.shadowRoot!.querySelector('[role="gridcell"][data-row="0"][data-key="name"]')!, '刹车片\t2\t45.5');
      const detail = await change;
      expect(detail.path).to.deep.equal([0, 'parts']);
      expect(detail.rows[0].amount).to.equal(191);
      expect((detail.rows[0].parts as Row[])[0]).to.include({ name: '刹车片', cost: 91 });
      dialog.querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
      await frames(3);
      expect(text(cell(el, 0, 'parts'))).to.contain('1 项');
      expect(focused(el)).to.equal(cell(el, 0, 'parts'));
    });
  });

  describe('with 1,000 rows', () => {
    it('should render only the rows in view and redraw only the edited row', async () => {
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        description: `Line ${i}`,
        quantity: 1,
        unitPrice: 1,
        amount: 1,
      }));
      const el = await editor(rows);
      const rendered = el.shadowRoot!.querySelectorAll('[role="row"][data-row]').length;
      expect(rendered).to.be.below(60);
      cell(el, 2, 'quantity').focus();
      await frames();
      const touched = new Set<string>();
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const node = r.target instanceof Element ? r.target : r.target.parentElement;
          touched.add(
            node?.closest('[data-row]')?.getAttribute('data-row') ??
              node?.closest('[part]')?.getAttribute('part') ??
              '?',
          );
        }
      });
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
      const started = performance.now();
      await sendKeys({ type: '7' });
      await sendKeys({ press: 'Enter' });
      await frames(3);
      observer.disconnect();
      expect(performance.now() - started).to.be.below(1000);
      expect(el.rows[2].amount).to.equal(7);
      // Row 2 (edited) and row 3 (where focus went) change, plus the totals; no other row.
      const rowsTouched = [...touched].filter((t) => /^\d+$/.test(t));
      expect(rowsTouched.sort()).to.deep.equal(['2', '3']);
      expect(text(el.shadowRoot!.querySelector('[part~="total"][data-key="amount"]'))).to.equal('1,006.00');
    });
  });

  describe('when read-only', () => {
    it('should not start editing nor offer row actions', async () => {
      const el = await fixture<KehuLineItems>(
        html`<kehu-line-items readonly .field=${linesField} .rows=${[{ description: 'A' }]}></kehu-line-items>`,
      );
      await rendered(el);
      cell(el, 0, 'description').focus();
      await sendKeys({ type: 'x' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[data-editor]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="add-button"], [part~="remove-button"]')).to.equal(null);
      await waitUntil(() => el.shadowRoot!.querySelector('[role="grid"][aria-readonly="true"]'));
    });
  });
});
