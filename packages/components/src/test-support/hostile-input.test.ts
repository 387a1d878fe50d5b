import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { createStore, defineEntity, vinCheckDigit, type FieldModel, type JsonSchema, type Store } from '@kehu/core';
import '../define.js';
import { fit, xssCorpus } from './xss-corpus.js';
import { expectInert, formulaLike, head, norm, parseCsv, shown } from './inert.js';

// Every free-text field of the shipped schemas holds a hostile payload; each element must show it as
// text, never run it (window.__kehuXss stays unset) and never turn it into markup.

const N = xssCorpus.length;
const TODAY = '2026-11-20';
const files = ['customer', 'customer-class', 'customer-level', 'vehicle', 'product', 'document'];
const more = ['insurer', 'price-tier', 'opportunity', 'activity'];

setupIgnoreWindowResizeObserverLoopErrors(before, after);

let store: Store;
const ids: Record<'customer' | 'vehicle' | 'document' | 'activity' | 'opportunity', string[]> = {
  customer: [],
  vehicle: [],
  document: [],
  activity: [],
  opportunity: [],
};
/** Which payloads each element was seen to show as text: the report's payloads × elements. */
const seen = new Map<string, Set<string>>();

/** Payload `k` (wrapping), cut to `max` characters as the field's schema demands. */
const p = (k: number, max?: number) => fit(xssCorpus[k % N].text, max);

/** A VIN that passes the check-digit format, unique per `i`. */
function vin(i: number): string {
  const draft = `LSGBF53E0NA${String(100000 + i).slice(-6)}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

before(async () => {
  const schemas: JsonSchema[] = [];
  for (const name of [...files, ...more]) schemas.push(await (await fetch(`/schemas/${name}.schema.json`)).json());
  // The user's name is hostile too: the timeline shows who changed a record.
  store = await createStore({ entities: schemas, name: `hostile-${Date.now()}`, user: { id: 'u', name: p(0, 50) } });
  await store.entity<Record<string, unknown>>('customer').bulkInsert(
    xssCorpus.map((_, i) => ({
      id: `cus-${i}`,
      name: p(i, 100),
      type: 'consumer',
      creditRecord: p(i + 1, 2000),
      salesRep: p(i + 2, 50),
      remark: p(i + 3, 1000),
      contacts: [{ name: p(i + 4, 50), title: p(i + 5, 50) }],
      addresses: [{ kind: 'registered', province: p(i + 6, 20), city: p(i + 7, 30), street: p(i + 8, 200) }],
      bankAccount: { bank: p(i + 9, 100), accountName: p(i + 10, 100) },
    })),
  );
  ids.customer = xssCorpus.map((_, i) => `cus-${i}`);
  await store.entity<Record<string, unknown>>('vehicle').bulkInsert(
    xssCorpus.map((_, i) => ({
      id: `veh-${i}`,
      vin: vin(i),
      owner: ids.customer[i],
      brand: p(i, 30),
      model: p(i + 1, 50),
      remark: p(i + 2, 1000),
    })),
  );
  ids.vehicle = xssCorpus.map((_, i) => `veh-${i}`);
  await store.entity<Record<string, unknown>>('document').bulkInsert(
    xssCorpus.map((_, i) => ({
      id: `doc-${i}`,
      kind: 'quote',
      status: 'draft',
      customer: ids.customer[i],
      date: TODAY,
      lines: [
        { description: p(i, 200), quantity: 1, unitPrice: 10 },
        { description: p(i + 1, 200), quantity: 2, unitPrice: 5 },
      ],
      salesRep: p(i + 2, 50),
      remark: p(i + 3, 1000),
    })),
  );
  ids.document = xssCorpus.map((_, i) => `doc-${i}`);
  await store.entity<Record<string, unknown>>('activity').bulkInsert(
    xssCorpus.map((_, i) => ({
      id: `act-${i}`,
      kind: 'call',
      subject: p(i, 100),
      customer: ids.customer[i],
      dueDate: TODAY,
      done: false,
      outcome: p(i + 1, 2000),
      participants: [p(i + 2, 50)],
      owner: p(i + 3, 50),
    })),
  );
  ids.activity = xssCorpus.map((_, i) => `act-${i}`);
  await store.entity<Record<string, unknown>>('opportunity').bulkInsert(
    xssCorpus.map((_, i) => ({
      id: `opp-${i}`,
      name: p(i, 100),
      customer: ids.customer[i],
      stage: 'lead',
      owner: p(i + 1, 50),
      notes: p(i + 2, 2000),
    })),
  );
  ids.opportunity = xssCorpus.map((_, i) => `opp-${i}`);
});

after(async () => {
  await store?.close();
  const counts = [...seen].map(([element, payloads]) => `${element}: ${payloads.size}/${N}`);
  const total = [...seen.values()].reduce((sum, s) => sum + s.size, 0);
  console.log(`hostile input: ${total} payload × element checks\n${counts.join('\n')}`);
});

/** Waits until `el` shows every value as text, asserts nothing ran or was injected, and credits the payloads. */
async function inert(name: string, el: Element, values: string[]): Promise<void> {
  await expectInert(name, el, values);
  const credited = seen.get(name) ?? new Set<string>();
  for (const value of values) {
    const payload = xssCorpus.find((x) => x.text.startsWith(value) || value.startsWith(x.text));
    if (payload) credited.add(payload.id);
  }
  seen.set(name, credited);
}

/** Every k-th index, so a handful of single-record renders cover every payload through rotated fields. */
const sample = (step: number) => Array.from({ length: Math.ceil(N / step) }, (_, i) => i * step);

describe('hostile input in every element', () => {
  it('<kehu-record-list> shows every payload as text', async () => {
    const el = await fixture(
      html`<kehu-record-list entity="customer" locale="en" style="height: 2400px" .store=${store}></kehu-record-list>`,
    );
    await inert(
      'kehu-record-list',
      el,
      xssCorpus.map((_, i) => p(i, 100)),
    );
  });

  it("<kehu-record-list>'s CSV export neutralises formulas and keeps payloads as plain text", async () => {
    const el = await fixture<HTMLElement & { columns?: string[] }>(
      html`<kehu-record-list entity="customer" locale="en" .store=${store}></kehu-record-list>`,
    );
    el.columns = ['name', 'salesRep', 'remark'];
    await waitUntil(() => shown(el).includes(head(p(0, 100))), 'the list loads');
    el.addEventListener('kehu-record-export', (e) => e.preventDefault(), { once: true });
    const exported = new Promise<CustomEvent<{ text: string }>>((resolve) =>
      el.addEventListener('kehu-record-export', (e) => resolve(e as CustomEvent<{ text: string }>), { once: true }),
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
    const rows = parseCsv((await exported).detail.text.replace(/^\uFEFF/, ''));
    expect(rows).to.have.length(N + 1);
    const cells = rows.flat();
    expect(cells.filter(formulaLike)).to.deep.equal([]);
    for (let i = 0; i < N; i++) {
      for (const value of [p(i, 100), p(i + 2, 50), p(i + 3, 1000)]) {
        expect(cells, xssCorpus[i].id).to.include(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
      }
    }
  });

  it('<kehu-record-form> shows payloads as values in edit mode and as text in read mode', async () => {
    for (const i of sample(4)) {
      for (const mode of ['edit', 'read']) {
        const el = await fixture(
          html`<kehu-record-form
            entity="activity"
            record-id=${ids.activity[i]}
            mode=${mode}
            locale="zh-CN"
            .store=${store}
          ></kehu-record-form>`,
        );
        await inert(`kehu-record-form (${mode})`, el, [p(i, 100), p(i + 1, 2000), p(i + 3, 50)]);
      }
    }
  });

  it('<kehu-record-detail> shows every text field of a customer', async () => {
    for (const i of sample(4)) {
      const el = await fixture(
        html`<kehu-record-detail
          entity="customer"
          record-id=${ids.customer[i]}
          locale="en"
          .store=${store}
        ></kehu-record-detail>`,
      );
      await inert('kehu-record-detail', el, [p(i, 100), p(i + 2, 50), p(i + 3, 1000)]);
    }
  });

  it('<kehu-record-timeline> shows old and new payloads of a change', async () => {
    for (const i of sample(5)) {
      const el = await fixture(
        html`<kehu-record-timeline entity="opportunity" record-id=${ids.opportunity[i]} locale="en" .store=${store}>
        </kehu-record-timeline>`,
      );
      await store.entity('opportunity').patch(ids.opportunity[i], { owner: p(i + 4, 50) });
      await inert('kehu-record-timeline', el, [p(i + 1, 50), p(i + 4, 50), p(0, 50)]);
    }
  });

  it('<kehu-record-kanban> shows every opportunity card', async () => {
    const el = await fixture(
      html`<kehu-record-kanban entity="opportunity" group-by="stage" locale="en" .store=${store}></kehu-record-kanban>`,
    );
    await inert(
      'kehu-record-kanban',
      el,
      xssCorpus.map((_, i) => p(i, 100)),
    );
  });

  it('<kehu-due-list> shows every activity subject', async () => {
    const el = await fixture(
      html`<kehu-due-list
        entity="activity"
        done-field="done"
        done-date-field="doneOn"
        today=${TODAY}
        page-size="100"
        locale="en"
        .store=${store}
      ></kehu-due-list>`,
    );
    await inert(
      'kehu-due-list',
      el,
      xssCorpus.map((_, i) => p(i, 100)),
    );
  });

  it('<kehu-record-chart> grouped by a text field shows payloads in its table and tooltip', async () => {
    const el = await fixture<HTMLElement & { chart?: { dispatchAction(a: object): void } }>(
      html`<kehu-record-chart entity="activity" group-by="owner" type="bar" table-visible locale="en" .store=${store}>
      </kehu-record-chart>`,
    );
    await waitUntil(() => el.chart, 'ECharts never drew', { timeout: 15000 });
    for (let i = 0; i < 6; i++) el.chart!.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
    // The table lists the largest groups (the rest fold into one row): each category is an owner payload.
    const owners = new Set(xssCorpus.map((_, i) => norm(p(i, 50))));
    const categories = () =>
      [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => norm(tr.firstElementChild!.textContent!));
    await waitUntil(() => categories().filter((c) => owners.has(c)).length >= 5, 'the table lists owners');
    await inert(
      'kehu-record-chart',
      el,
      categories().filter((c) => owners.has(c)),
    );
  });

  it('<kehu-reference-picker> highlights matches inside payload titles as text', async () => {
    const el = await fixture<HTMLElement>(
      html`<kehu-reference-picker
        entity="customer"
        label="Customer"
        locale="en"
        .store=${store}
      ></kehu-reference-picker>`,
    );
    el.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'onerror' });
    const matching = xssCorpus.map((_, i) => p(i, 100)).filter((name) => name.includes('onerror'));
    await waitUntil(() => el.shadowRoot!.querySelectorAll('mark').length === matching.length, 'highlighted matches');
    await inert('kehu-reference-picker', el, matching);
  });

  it('<kehu-line-items> shows payload descriptions', async () => {
    const lines = defineEntity((await (await fetch('/schemas/document.schema.json')).json()) as JsonSchema).field(
      'lines',
    ) as FieldModel;
    const rows = xssCorpus.map((_, i) => ({ description: p(i, 200), quantity: 1, unitPrice: 1 }));
    const el = await fixture(html`<kehu-line-items .field=${lines} .rows=${rows} locale="en"></kehu-line-items>`);
    await inert(
      'kehu-line-items',
      el,
      rows.map((r) => r.description),
    );
  });

  it('<kehu-record-attachments> lists files named with payloads as text', async () => {
    const id = ids.customer[1];
    const named = xssCorpus.slice(0, 10).map((x) => `${x.text.slice(0, 120)}.txt`);
    for (const name of named)
      await store.attachments.add('customer', id, new File(['x'], name, { type: 'text/plain' }));
    const el = await fixture(
      html`<kehu-record-attachments
        entity="customer"
        record-id=${id}
        locale="en"
        .store=${store}
      ></kehu-record-attachments>`,
    );
    // The store keeps only the part after the last slash (no paths), so `</script>` names lose their head.
    const stored = (await store.attachments.list('customer', id)).map((a) => a.name);
    expect(stored).to.have.length(named.length);
    await inert('kehu-record-attachments', el, stored);
  });
});
