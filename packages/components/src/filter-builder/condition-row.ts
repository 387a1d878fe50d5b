import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  localize,
  operatorsFor,
  type FieldModel,
  type FilterCondition,
  type FilterOperator,
  type Locale,
  type Store,
} from '@kehu/core';
import { filterText } from './filter-builder.strings.js';
import { fromLocalInput, toLocalInput } from '../record-form/widgets/date.js';
import { loadReferencePicker } from '../reference-picker/load.js';

const DATE_KINDS = new Set(['date', 'datetime']);

/** The label of an operator for a field: dates read "before/after" rather than "less/greater than". */
export function operatorLabel(locale: Locale, field: FieldModel | undefined, op: FilterOperator): string {
  const dateKey = { lt: 'dateLt', lte: 'dateLte', gt: 'dateGt', gte: 'dateGte' }[op as string];
  return filterText(locale, `op.${field && DATE_KINDS.has(field.kind) && dateKey ? dateKey : op}`);
}

/** What a value editor needs besides the field. */
export interface ValueEditorContext {
  locale: Locale;
  store: Store | undefined;
}

export interface ConditionContext extends ValueEditorContext {
  fields: FieldModel[];
  /** Accessible name of the row, e.g. "条件 2" or "条件组 1 › 条件 2". */
  name: string;
  change(next: FilterCondition): void;
  remove(): void;
}

const inputType = (field: FieldModel) =>
  field.kind === 'date' ? 'date' : field.kind === 'datetime' ? 'datetime-local' : 'text';

/**
 * An editor for one value of a field, chosen by its kind: a select for enums and flags, a reference
 * picker, a date input, else a text input (numbers typed as text, so full-width digits work).
 * `set` gets the raw string; `coerceFilterValue` turns it into the field's type.
 */
export function valueEditor(
  field: FieldModel,
  value: unknown,
  label: string,
  context: ValueEditorContext,
  set: (value: unknown) => void,
): TemplateResult {
  const { locale } = context;
  if (field.kind === 'enum' || field.kind === 'boolean') {
    const options =
      field.kind === 'boolean'
        ? [
            { value: 'true', label: filterText(locale, 'yes') },
            { value: 'false', label: filterText(locale, 'no') },
          ]
        : (field.options ?? []).map((o) => ({ value: String(o.value), label: localize(o.label, locale) }));
    return html`<select
      part="value"
      class="value"
      aria-label=${label}
      @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${value === undefined || value === ''}></option>
      ${options.map((o) => html`<option value=${o.value} ?selected=${String(value) === o.value}>${o.label}</option>`)}
    </select>`;
  }
  if (field.kind === 'reference' && field.ref) {
    loadReferencePicker();
    return html`<kehu-reference-picker
      part="value"
      class="value"
      entity=${field.ref}
      .store=${context.store}
      .value=${typeof value === 'string' ? value : ''}
      label=${label}
      @change=${(e: Event) => set((e.target as HTMLInputElement).value)}
    ></kehu-reference-picker>`;
  }
  const numeric = field.type === 'number' || field.type === 'integer';
  const text = value === undefined || value === null ? '' : String(value);
  return html`<input
    part="value"
    class="value"
    type=${inputType(field)}
    inputmode=${numeric ? 'decimal' : nothing}
    aria-label=${label}
    .value=${live(field.kind === 'datetime' && text ? toLocalInput(text) : text)}
    @change=${(e: Event) => {
      const raw = (e.target as HTMLInputElement).value;
      // The user types local time; stored date-times are UTC ISO strings.
      set(field.kind === 'datetime' && raw ? (fromLocalInput(raw) ?? raw) : raw);
    }}
  />`;
}

/** The editors for a condition's value: none, one, two (`between`) or a multi-select (`in`). */
function valueEditors(field: FieldModel, condition: FilterCondition, context: ConditionContext): TemplateResult {
  const { locale } = context;
  const valueLabel = `${context.name} · ${filterText(locale, 'value')}`;
  if (condition.op === 'empty' || condition.op === 'notEmpty') return html``;
  if (condition.op === 'between') {
    const [from, to] = Array.isArray(condition.value) ? condition.value : [];
    return html`${valueEditor(field, from, `${context.name} · ${filterText(locale, 'from')}`, context, (v) =>
        context.change({ ...condition, value: [v, to] }),
      )}<span aria-hidden="true">–</span>${valueEditor(
        field,
        to,
        `${context.name} · ${filterText(locale, 'to')}`,
        context,
        (v) => context.change({ ...condition, value: [from, v] }),
      )}`;
  }
  if (condition.op === 'in') {
    const chosen = new Set((Array.isArray(condition.value) ? condition.value : []).map(String));
    return html`<select
      part="value"
      class="value multiple"
      multiple
      size=${Math.min(4, field.options?.length ?? 1)}
      aria-label=${valueLabel}
      @change=${(e: Event) =>
        context.change({
          ...condition,
          value: [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value),
        })}
    >
      ${(field.options ?? []).map(
        (o) =>
          html`<option value=${String(o.value)} ?selected=${chosen.has(String(o.value))}>
            ${localize(o.label, locale)}
          </option>`,
      )}
    </select>`;
  }
  return valueEditor(field, condition.value, valueLabel, context, (value) => context.change({ ...condition, value }));
}

/** One condition: field, comparison, value(s) and a remove button. */
export function conditionRow(condition: FilterCondition, context: ConditionContext): TemplateResult {
  const { locale, fields } = context;
  const field = fields.find((f) => f.key === condition.field);
  const operators = field ? operatorsFor(field) : [];
  const changeField = (key: string) => {
    const next = fields.find((f) => f.key === key);
    context.change({ field: key, op: next ? operatorsFor(next)[0] : 'eq' });
  };
  const changeOperator = (op: FilterOperator) => {
    // A value typed for "contains" still fits "starts with"; a range or a list does not fit a single value.
    const keep = (op === 'between') === (condition.op === 'between') && (op === 'in') === (condition.op === 'in');
    context.change({
      field: condition.field,
      op,
      ...(keep && condition.value !== undefined ? { value: condition.value } : {}),
    });
  };
  return html`<div part="condition" class="condition" role="group" aria-label=${context.name}>
    <select
      part="field"
      class="field"
      aria-label=${`${context.name} · ${filterText(locale, 'field')}`}
      @change=${(e: Event) => changeField((e.target as HTMLSelectElement).value)}
    >
      ${fields.map(
        (f) =>
          html`<option value=${f.key} ?selected=${f.key === condition.field}>
            ${localize(f.label, locale) || f.key}
          </option>`,
      )}
    </select>
    <select
      part="operator"
      class="operator"
      aria-label=${`${context.name} · ${filterText(locale, 'operator')}`}
      @change=${(e: Event) => changeOperator((e.target as HTMLSelectElement).value as FilterOperator)}
    >
      ${operators.map(
        (op) => html`<option value=${op} ?selected=${op === condition.op}>${operatorLabel(locale, field, op)}</option>`,
      )}
    </select>
    ${field ? valueEditors(field, condition, context) : nothing}
    <button
      part="remove-button"
      class="remove"
      type="button"
      aria-label=${filterText(locale, 'remove', { n: context.name })}
      title=${filterText(locale, 'remove', { n: context.name })}
      @click=${context.remove}
    >
      ×
    </button>
  </div>`;
}
