import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { LitElement } from 'lit';
import {
  createStore,
  exportRecords,
  lockOf,
  neutralizeFormula,
  type Entity,
  type JsonSchema,
  type Store,
} from '@kehu/core';
import { shippedSchemaNames } from '../../../core/src/test-support/shipped-schemas.js';
import '../define.js';
import { fit, xssCorpus } from './xss-corpus.js';
import { expectInert, formulaLike, parseCsv, shown, head } from './inert.js';
import { hostileRecords, payloadValue, valueAt, type Slot } from './hostile-records.js';

// Issue 6: every free-text field of every shipped entity (nested objects and child rows included)
// holds an XSS payload; list, detail, form and timeline show each as text and never run it, and the
// list's CSV export keeps them as plain text with formula cells neutralised. The entities come from
// `shippedSchemaNames`, which a Node test keeps equal to the files in `schemas/`.

/** Records per entity: enough to rotate payloads through every field, few enough to stay fast. */
const R = 3;
const N = xssCorpus.length;
const SEED = 20261122;

setupIgnoreWindowResizeObserverLoopErrors(before, after);

interface Stored {
  id: string;
  slots: Slot[];
  /** The stored value of each slot (after the store's normalisation), by slot index. */
  values: string[];
}

let store: Store;
const userName = fit(xssCorpus[0].text, 50);
const stored = new Map<string, Stored[]>();
/** element → entity → payload ids it was seen to show as text: the payload × element × entity count. */
const seen = new Map<string, Map<string, Set<string>>>();

/** A slot a user sees in full: not hidden (itself or an ancestor) and not masked as sensitive. */
function visible(entity: Entity, slot: Slot): boolean {
  const keys = slot.path.filter((k): k is string => typeof k === 'string');
  if (slot.field.sensitive || slot.field.hidden) return false;
  return keys.every((_, i) => !entity.field(keys.slice(0, i + 1))?.hidden);
}

/** The list column showing a slot: its dotted key chain, or the list-of-strings field it is an item of. */
function column(entity: Entity, slot: Slot): string | undefined {
  if (!slot.inList) return slot.path.join('.');
  const [key, index] = slot.path;
  return slot.path.length === 2 && typeof index === 'number' && entity.field(String(key))?.item
    ? String(key)
    : undefined;
}

/** Asserts `el` shows `values` inertly and credits the payloads of `slots` to `element` × `entity`. */
async function inert(
  element: string,
  entity: string,
  el: Element,
  slots: Slot[],
  values: string[],
  read?: (el: Element) => string,
) {
  await expectInert(`${element} (${entity})`, el, values, read);
  const byEntity = seen.get(element) ?? new Map<string, Set<string>>();
  const ids = byEntity.get(entity) ?? new Set<string>();
  for (const slot of slots) ids.add(slot.payload.id);
  byEntity.set(entity, ids);
  seen.set(element, byEntity);
}

/**
 * The text of a form's child-row grids. Their rows are virtualised, so drawn only on screen and in
 * the open tab: each tab is opened and each grid scrolled into view until its rows are drawn.
 */
async function rowGridsText(form: LitElement): Promise<string> {
  const root = form.shadowRoot!;
  const texts: string[] = [];
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  for (const tab of tabs.length ? tabs : [undefined]) {
    tab?.click();
    await form.updateComplete;
    for (const grid of root.querySelectorAll('kehu-line-items')) {
      if (grid.closest('[hidden]')) continue;
      const rows = (grid as HTMLElement & { rows?: unknown[] }).rows?.length ?? 0;
      grid.scrollIntoView();
      await waitUntil(
        () => grid.shadowRoot!.querySelectorAll('lit-virtualizer [role="row"]').length >= rows,
        `a grid draws its ${rows} rows`,
      );
      texts.push(shown(grid));
    }
  }
  return texts.join(' ');
}

before(async () => {
  const schemas: JsonSchema[] = [];
  for (const name of shippedSchemaNames) schemas.push(await (await fetch(`/schemas/${name}.schema.json`)).json());
  // The user's name is hostile too: the timeline shows who changed a record.
  store = await createStore({
    entities: schemas,
    name: `hostile-all-${Date.now()}`,
    user: { id: 'u', name: userName },
  });
  for (const [i, name] of shippedSchemaNames.entries()) {
    const repository = store.entity<Record<string, unknown>>(name);
    const built = hostileRecords(repository.entity, R, SEED + i, i * 7);
    const rows: Stored[] = [];
    for (const [r, { record, slots }] of built.entries()) {
      const saved = await repository.insert({ ...record, id: `${name}-x${r}` });
      rows.push({ id: saved.id, slots, values: slots.map((s) => String(valueAt(saved, s.path))) });
    }
    stored.set(name, rows);
  }
});

after(async () => {
  await store?.close();
  const lines = [...seen].map(([element, byEntity]) => {
    const payloads = new Set([...byEntity.values()].flatMap((ids) => [...ids]));
    const triples = [...byEntity.values()].reduce((sum, ids) => sum + ids.size, 0);
    return `${element}: ${triples} payload × entity over ${byEntity.size} entities, ${payloads.size}/${N} payloads`;
  });
  const total = [...seen.values()].flatMap((m) => [...m.values()]).reduce((sum, ids) => sum + ids.size, 0);
  console.log(`hostile input, every entity: ${total} payload × element × entity checks\n${lines.join('\n')}`);
});

describe('hostile input in every field of every shipped entity', () => {
  it('covers every shipped entity and the whole corpus', () => {
    expect([...stored.keys()]).to.deep.equal([...shippedSchemaNames]);
    const used = new Set([...stored.values()].flatMap((rows) => rows.flatMap((r) => r.slots.map((s) => s.payload.id))));
    expect(used.size).to.equal(N);
  });

  for (const name of shippedSchemaNames) {
    describe(name, () => {
      const entity = () => store.entity(name).entity;
      const shownSlots = (row: Stored) =>
        row.slots.map((slot, i) => ({ slot, value: row.values[i] })).filter(({ slot }) => visible(entity(), slot));

      it('<kehu-record-list> shows every listed payload as text; its CSV export keeps them plain', async () => {
        const rows = stored.get(name)!;
        const listed = rows.flatMap((row) => shownSlots(row).filter(({ slot }) => column(entity(), slot)));
        const columns = [...new Set(listed.map(({ slot }) => column(entity(), slot)!))];
        const el = await fixture<HTMLElement & { columns?: string[] }>(
          html`<kehu-record-list
            entity=${name}
            locale="en"
            style="height: 1200px"
            .columns=${columns.length ? columns : undefined}
            .store=${store}
          ></kehu-record-list>`,
        );
        await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="row"]:not([part~="placeholder"])').length === R);
        await inert(
          'kehu-record-list',
          name,
          el,
          listed.map((x) => x.slot),
          listed.map((x) => x.value),
        );

        el.addEventListener('kehu-record-export', (e) => e.preventDefault(), { once: true });
        const exported = new Promise<CustomEvent<{ text: string }>>((resolve) =>
          el.addEventListener('kehu-record-export', (e) => resolve(e as CustomEvent<{ text: string }>), { once: true }),
        );
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
        const csv = parseCsv((await exported).detail.text.replace(/^\uFEFF/, ''));
        expect(csv).to.have.length(R + 1);
        const cells = csv.flat();
        expect(cells.filter(formulaLike), 'formula cells').to.deep.equal([]);
        for (const { slot, value } of listed) {
          // A list of strings is one cell joining its items; every other payload is a cell of its own.
          const ok = slot.inList ? cells.some((c) => c.includes(value)) : cells.includes(neutralizeFormula(value));
          expect(ok, `${slot.payload.id} at ${slot.path.join('.')} in the CSV`).to.equal(true);
        }
        const byEntity = seen.get('list CSV') ?? new Map<string, Set<string>>();
        byEntity.set(name, new Set(listed.map((x) => x.slot.payload.id)));
        seen.set('list CSV', byEntity);
      });

      it('exportRecords neutralises formulas and keeps top-level payloads as plain text', async () => {
        const rows = stored.get(name)!;
        const top = rows.flatMap((row) =>
          row.slots.map((slot, i) => ({ slot, value: row.values[i] })).filter(({ slot }) => slot.path.length === 1),
        );
        const columns = [...new Set(top.map(({ slot }) => String(slot.path[0])))];
        const csv = parseCsv((await exportRecords(store, name, { columns })).replace(/^\uFEFF/, ''));
        expect(csv).to.have.length(R + 1);
        const cells = csv.flat();
        expect(cells.filter(formulaLike), 'formula cells').to.deep.equal([]);
        for (const { slot, value } of top) expect(cells, slot.payload.id).to.include(neutralizeFormula(value));
        const byEntity = seen.get('exportRecords') ?? new Map<string, Set<string>>();
        byEntity.set(name, new Set(top.map((x) => x.slot.payload.id)));
        seen.set('exportRecords', byEntity);
      });

      it('<kehu-record-detail> shows every payload, child rows included, as text', async () => {
        for (const row of stored.get(name)!) {
          const el = await fixture(
            html`<kehu-record-detail
              entity=${name}
              record-id=${row.id}
              locale="en"
              .store=${store}
            ></kehu-record-detail>`,
          );
          const slots = shownSlots(row);
          await inert(
            'kehu-record-detail',
            name,
            el,
            slots.map((x) => x.slot),
            slots.map((x) => x.value),
          );
        }
      });

      it('<kehu-record-form> shows every payload as a value in edit mode and as text in read mode', async () => {
        for (const [r, row] of stored.get(name)!.entries()) {
          const mode = r % 2 ? 'read' : 'edit';
          const el = await fixture<LitElement>(
            html`<kehu-record-form
              entity=${name}
              record-id=${row.id}
              mode=${mode}
              locale="zh-CN"
              .store=${store}
            ></kehu-record-form>`,
          );
          const slots = shownSlots(row);
          // `phase` is private state: read here only to know the stored record has been loaded.
          await waitUntil(() => (el as unknown as { phase: string }).phase === 'ready', 'the form loads');
          await el.updateComplete;
          const grids = await rowGridsText(el);
          await inert(
            `kehu-record-form (${mode})`,
            name,
            el,
            slots.map((x) => x.slot),
            slots.map((x) => x.value),
            (form) => `${shown(form)} ${grids}`,
          );
        }
      });

      it('<kehu-record-timeline> shows the old and new payloads of a change, and the hostile user', async () => {
        const repository = store.entity<Record<string, unknown>>(name);
        for (const [r, row] of stored.get(name)!.entries()) {
          const el = await fixture(
            html`<kehu-record-timeline entity=${name} record-id=${row.id} locale="en" .store=${store}>
            </kehu-record-timeline>`,
          );
          await waitUntil(() => shown(el).includes(head(userName)), 'the creation entry shows');
          // Every payload moves half the corpus on, so each changed field reads "from payload A to B".
          const before = (await repository.get(row.id))!;
          const changes: Record<string, unknown> = {};
          for (const slot of row.slots) {
            const key = String(slot.path[0]);
            changes[key] ??= structuredClone(before[key]);
            const payload = xssCorpus[(xssCorpus.indexOf(slot.payload) + Math.floor(N / 2)) % N];
            const unique = slot.path.length === 1 && entity().unique.includes(key);
            const value = payloadValue(slot.field, payload, unique ? r : undefined);
            const parent = valueAt(changes, slot.path.slice(0, -1)) as Record<string | number, unknown>;
            parent[slot.path[slot.path.length - 1]] = value;
          }
          // A locked record (an approved document) refuses changes: its timeline shows only its creation.
          if (!Object.keys(changes).length || lockOf(entity(), before)) {
            await inert('kehu-record-timeline', name, el, [], [userName]);
            continue;
          }
          const after = await repository.patch(row.id, changes);
          const slots = shownSlots(row);
          const values = slots.flatMap(({ slot, value }) => [value, String(valueAt(after, slot.path))]);
          await inert(
            'kehu-record-timeline',
            name,
            el,
            slots.map((x) => x.slot),
            [userName, ...values],
          );
        }
      });
    });
  }
});
