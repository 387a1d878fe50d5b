import { html, nothing } from 'lit';
import { localize, type FieldModel, type Locale, type LocalizedText, type Store } from '@kehu/core';
import { fieldSlot } from './field-slot.js';
import { fieldId, type FieldPath, type FormState } from './form-state.js';
import { widgetFor, type FieldWidget, type NestedFieldOptions, type WidgetContext } from './widgets/registry.js';
import { formText } from './record-form.strings.js';
import { renderReadField } from './field-read.js';
import type { FieldAccess } from './form-permissions.js';

/** What the form lends to each field it draws. */
export interface FieldHost {
  readonly state: FormState;
  widgets(): readonly FieldWidget[];
  locale(): Locale;
  /** The whole form is read-only or busy saving. */
  disabled(): boolean;
  store(): Store | undefined;
  /** A value changed while typing. */
  onFieldInput(path: FieldPath, value: unknown): void;
  /** A value was committed. */
  onFieldChange(path: FieldPath, value: unknown): void;
  /** A value was committed of which only the part at `below` changed (a line-item cell). */
  onFieldChangeBelow(path: FieldPath, value: unknown, below: FieldPath): void;
  /** Validates a candidate value for the field at `path`; issues relative to it. */
  validateAt(path: FieldPath, value: unknown): { path: FieldPath; message: LocalizedText }[];
  /** Read mode: values as text, no inputs. */
  readMode(): boolean;
  /** Whether the field's `visibleWhen` holds now. */
  visible(field: FieldModel, path: FieldPath): boolean;
  /** The user's access to the field under the store's role permissions (`write` without them). */
  access(path: FieldPath): FieldAccess;
  /** The field with the descendants the user may not see hidden and those they may not change read-only. */
  permitted(field: FieldModel, path: FieldPath): FieldModel;
}

/**
 * Draws one field — label, widget, help, error — as a slot that redraws alone when its issues
 * change. Hidden fields draw nothing; fields no widget accepts draw nothing either, with a warning.
 */
export function renderField(
  host: FieldHost,
  field: FieldModel,
  path: FieldPath,
  options: NestedFieldOptions = {},
): unknown {
  const access = host.access(path);
  if (field.hidden || access === 'none') return nothing;
  field = host.permitted(field, path);
  const container = widgetFor(field, host.widgets())?.ownsDescendants === true;
  return fieldSlot({ state: host.state, path, container, render: () => drawField(host, field, path, options) });
}

function drawField(host: FieldHost, field: FieldModel, path: FieldPath, options: NestedFieldOptions): unknown {
  // A field whose condition fails draws nothing, but its slot stays to reappear when it holds.
  if (field.visibleWhen && !host.visible(field, path)) return nothing;
  // Masked and read-only values are shown as text: an input would offer a change the store refuses,
  // and a masked `138****5678` would fail the field's own format check.
  if (host.readMode() || host.access(path) !== 'write') {
    return renderReadField(field, path, {
      locale: host.locale(),
      value: host.state.get(path),
      id: fieldId(path),
      renderChild: (child, childPath) => renderField(host, child, childPath),
    });
  }
  const widget = widgetFor(field, host.widgets());
  if (!widget) {
    console.warn(`kehu-record-form: no widget for field ${path.join('.')} (kind ${field.kind}); it is not shown.`);
    return nothing;
  }
  const { state } = host;
  const locale = host.locale();
  const id = fieldId(path);
  const issues = state.issuesAt(path);
  const invalidBelow = widget.ownsDescendants === true && state.issuesUnder(path).length > 0;
  const help = localize(field.help, locale);
  // Cells are too narrow for help text; the column header names the field.
  const helpId = help && !options.inCell ? `${id}-help` : undefined;
  const errorId = issues.length ? `${id}-error` : undefined;
  const label = localize(field.label, locale);
  const ctx: WidgetContext = {
    field,
    path,
    id,
    value: state.get(path),
    locale,
    label: options.rowLabel ? `${label} ${options.rowLabel}` : label,
    placeholder: localize(field.placeholder, locale) || undefined,
    disabled: host.disabled() || field.readOnly,
    invalid: issues.length > 0,
    describedBy: [errorId, helpId].filter(Boolean).join(' ') || undefined,
    store: host.store(),
    input: (value) => host.onFieldInput(path, value),
    change: (value) => host.onFieldChange(path, value),
    renderField: (child, childPath, childOptions) => renderField(host, child, childPath, childOptions),
    refresh: () => {
      state.clearIssuesUnder(path);
      state.notify(path);
    },
    issuesBelow: () => state.issuesUnder(path),
    changeBelow: (value, below) => host.onFieldChangeBelow(path, value, below),
    validateBelow: (value) => host.validateAt(path, value),
  };
  const group = widget.layout === 'group';
  // Controls announce `aria-required`; a group has no such state, so its legend says it in words.
  const requiredMark = field.required
    ? html`<span part="required-mark" aria-hidden="true">*</span>${
          group ? html`<span class="visually-hidden">(${formText(locale, 'required')})</span>` : nothing
        }`
    : nothing;
  const below = html`${helpId ? html`<div part="help" id=${helpId}>${help}</div>` : nothing}
  ${
    issues.length
      ? html`<div part="error" id=${errorId!} role="alert">
          ${issues.map((issue) => html`<div>${localize(issue.message, locale)}</div>`)}
        </div>`
      : nothing
  }`;
  const labelClass = options.inCell ? 'visually-hidden' : '';

  if (group) {
    return html`<fieldset
      part="field group"
      class=${options.inCell ? 'in-cell' : ''}
      data-path=${id}
      ?data-invalid=${issues.length > 0 || invalidBelow}
      aria-describedby=${ctx.describedBy ?? nothing}
    >
      <legend part="label" class=${labelClass}>${ctx.label}${requiredMark}</legend>
      ${widget.render(ctx)} ${below}
    </fieldset>`;
  }
  return html`<div part="field" class=${options.inCell ? 'in-cell' : ''} data-path=${id}>
    <label part="label" class=${labelClass} for=${id}>${ctx.label}${requiredMark}</label>
    ${widget.render(ctx)} ${below}
  </div>`;
}
