import { html, nothing, type TemplateResult } from 'lit';
import { localize, type Entity, type FieldModel, type KehuRecord, type Locale } from '@kehu/core';
import { formatCell, type ReferenceTitle } from '../record-list/cell-format.js';
import { reviewText } from './duplicate-review.strings.js';

/** What the comparison table needs from the element. */
export interface ComparisonState {
  entity: Entity;
  locale: Locale;
  records: [KehuRecord, KehuRecord];
  /** Completeness (0–1) of each record. */
  scores: [number, number];
  /** The record kept. */
  keep: string;
  /** The record whose value survives, per field that differs. */
  picks: Map<string, string>;
  referenceTitle: ReferenceTitle;
  onKeep(id: string): void;
  onPick(field: string, id: string): void;
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields a merge chooses between: filled in at least one record, not computed or hidden. */
export function comparedFields(entity: Entity, records: KehuRecord[]): FieldModel[] {
  return entity.fields.filter(
    (f) => !f.formula && !f.hidden && records.some((r) => !empty((r as Record<string, unknown>)[f.key])),
  );
}

/** Default picks: the kept record's value, or the other's where the kept one is empty. */
export function defaultPicks(entity: Entity, records: KehuRecord[], keep: string): Map<string, string> {
  const picks = new Map<string, string>();
  const kept = records.find((r) => r.id === keep)!;
  const other = records.find((r) => r.id !== keep)!;
  for (const field of comparedFields(entity, records)) {
    const value = (kept as Record<string, unknown>)[field.key];
    picks.set(field.key, empty(value) ? other.id : kept.id);
  }
  return picks;
}

/** The choices `mergeRecords` takes: the picked record per field whose values differ. */
export function mergeChoices(
  entity: Entity,
  records: KehuRecord[],
  picks: Map<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of comparedFields(entity, records)) {
    const [a, b] = records.map((r) => (r as Record<string, unknown>)[field.key]);
    if (!same(a, b)) out[field.key] = picks.get(field.key) ?? records[0].id;
  }
  return out;
}

const percent = (locale: Locale, value: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);

/** Side-by-side table: one column per record (with "keep"), one row per field, a choice where they differ. */
export function pairComparison(state: ComparisonState): TemplateResult {
  const { entity, locale, records } = state;
  const text = (field: FieldModel, record: KehuRecord) => {
    const value = (record as Record<string, unknown>)[field.key];
    return empty(value)
      ? reviewText(locale, 'empty')
      : formatCell(field, value, locale, state.referenceTitle).text || String(value);
  };
  const title = (record: KehuRecord) => String((record as Record<string, unknown>)[entity.titleField] ?? record.id);
  return html`<table part="table" class="table">
    <caption class="visually-hidden">
      ${reviewText(locale, 'compare')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${reviewText(locale, 'field')}</th>
        ${records.map(
          (record, i) =>
            html`<th scope="col" part="record-heading">
              <span class="record-title">${title(record)}</span>
              <span class="muted"
                >${reviewText(locale, 'completeness', { value: percent(locale, state.scores[i]) })}</span
              >
              <label class="keep">
                <input
                  type="radio"
                  name="keep"
                  .checked=${state.keep === record.id}
                  @change=${() => state.onKeep(record.id)}
                />
                ${reviewText(locale, 'keep')}<span class="visually-hidden">
                  (${reviewText(locale, 'record', { n: i + 1 })})</span
                >
              </label>
            </th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${comparedFields(entity, records).map((field) => {
        const label = localize(field.label, locale);
        const values = records.map((r) => (r as Record<string, unknown>)[field.key]);
        const differ = !same(values[0], values[1]);
        return html`<tr part="row" class=${differ ? 'differ' : 'same'}>
          <th scope="row">${label}</th>
          ${records.map((record, i) =>
            differ
              ? html`<td>
                  <label class="pick">
                    <input
                      type="radio"
                      name=${`pick-${field.key}`}
                      .checked=${state.picks.get(field.key) === record.id}
                      @change=${() => state.onPick(field.key, record.id)}
                    />
                    <span class="visually-hidden"
                      >${reviewText(locale, 'keepValue', { field: label, n: i + 1 })}${locale === 'zh-CN' ? '：' : ': '}</span
                    >
                    <span class="value">${text(field, record)}</span>
                  </label>
                </td>`
              : html`<td><span class="value">${text(field, record)}</span>${nothing}</td>`,
          )}
        </tr>`;
      })}
    </tbody>
  </table>`;
}
