import type { FieldModel, Locale, LocalizedText, Store } from '@kehu/core';
import type { FieldPath } from '../form-state.js';
import { booleanWidget } from './boolean.js';
import { dateWidget } from './date.js';
import { enumWidget } from './enum.js';
import { lineItemsWidget } from './line-items.js';
import { lineTableWidget } from './line-table.js';
import { moneyWidget } from './money.js';
import { numberWidget } from './number.js';
import { objectWidget } from './object.js';
import { referenceWidget } from './reference.js';
import { scalarListWidget } from './scalar-list.js';
import { textWidget } from './text.js';
import { textareaWidget } from './textarea.js';

/** How well a widget fits a field: the highest rank wins; -1 means "not for this field". */
export type WidgetTester = (field: FieldModel) => number;

/** Options for drawing a nested field (an object's child, a line-item cell, a list entry). */
export interface NestedFieldOptions {
  /** Drawn inside a table cell or list entry: its label is read out but not shown. */
  inCell?: boolean;
  /** Added to the hidden label in cells, e.g. "第 3 行" / "row 3". */
  rowLabel?: string;
}

/** Everything a widget needs to draw one field; the form computes it so widgets stay thin. */
export interface WidgetContext {
  field: FieldModel;
  /** Key chain from the record root, e.g. `['lines', 2, 'quantity']`. */
  path: FieldPath;
  /** Id for the widget's focusable control: the form's `<label for>` points at it. */
  id: string;
  /** The current value, with its JSON type (undefined when absent). */
  value: unknown;
  locale: Locale;
  /** The field's label in `locale`. */
  label: string;
  /** The placeholder in `locale`, if any. */
  placeholder?: string;
  /** Read-only field or read-only form. */
  disabled: boolean;
  /** The field shows at least one issue. */
  invalid: boolean;
  /** Ids of the help text and error message, for `aria-describedby`. */
  describedBy?: string;
  /** The store the form uses, for widgets that look records up (references). */
  store?: Store;
  /** Records a new value while the user types (`undefined` = absent); re-renders nothing. */
  input(value: unknown): void;
  /** Records a committed value (`change`), and re-validates the field when it has shown an error. */
  change(value: unknown): void;
  /** Draws a nested field with the form's label, help and error handling. */
  renderField(field: FieldModel, path: FieldPath, options?: NestedFieldOptions): unknown;
  /** Redraws this field alone, e.g. after a row was added. */
  refresh(): void;
  /** Issues below this field, relative to it (`[2, 'quantity']`), for widgets that show them (line items). */
  issuesBelow(): { path: (string | number)[]; message: LocalizedText }[];
  /** Records a new value of this field of which only `below` changed (`[2, 'quantity']`), so only that is recomputed. */
  changeBelow(value: unknown, below: (string | number)[]): void;
  /** Validates a candidate value of this field; issues relative to it. */
  validateBelow(value: unknown): { path: (string | number)[]; message: LocalizedText }[];
}

/** One way to draw a field. */
export interface FieldWidget {
  /** Name for debugging and for `x-kehu.widget`, e.g. `money`. */
  name: string;
  tester: WidgetTester;
  /**
   * `control` (default): the form draws a `<label for>` and the widget one control with `ctx.id`.
   * `group`: the form draws a fieldset with a legend and the widget its contents.
   */
  layout?: 'control' | 'group';
  /** The widget shows the issues of the fields below it itself (line items), so the summary does not. */
  ownsDescendants?: boolean;
  /** Returns a Lit template. */
  render(ctx: WidgetContext): unknown;
}

/**
 * The widgets forms choose from, highest rank first, later entries winning ties. Host apps extend it:
 * `fieldWidgets.push({ name: 'plate', tester: (f) => (f.format === 'cn-plate' ? 10 : -1), render })`.
 * Built-in ranks: 1 for a field kind, 5 when `x-kehu.widget` names the widget.
 */
export const fieldWidgets: FieldWidget[] = [
  textWidget,
  textareaWidget,
  numberWidget,
  moneyWidget,
  dateWidget,
  enumWidget,
  booleanWidget,
  referenceWidget,
  objectWidget,
  lineItemsWidget,
  lineTableWidget,
  scalarListWidget,
];

/** The best widget for `field` among `widgets`, or undefined when none applies. */
export function widgetFor(field: FieldModel, widgets: readonly FieldWidget[] = fieldWidgets): FieldWidget | undefined {
  let best: FieldWidget | undefined;
  let bestRank = -1;
  for (const widget of widgets) {
    const rank = widget.tester(field);
    if (rank >= 0 && rank >= bestRank) {
      best = widget;
      bestRank = rank;
    }
  }
  return best;
}
