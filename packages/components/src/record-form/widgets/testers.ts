import type { FieldKind, FieldModel } from '@kehu/core';
import type { WidgetTester } from './registry.js';

/** Rank `rank` where `predicate` holds, else -1 (JSON Forms' `rankWith`). */
export function rankWith(rank: number, predicate: (field: FieldModel) => boolean): WidgetTester {
  return (field) => (predicate(field) ? rank : -1);
}

/**
 * The built-in rule: 5 when the schema forces this widget by name (`x-kehu.widget`), 1 when the
 * field's kind fits, else -1. A forced name for another widget does not rule this one out, so a
 * misspelt widget name still gets an input.
 */
export function kindOrWidget(
  kinds: FieldKind[],
  name: string,
  fits: (field: FieldModel) => boolean = () => true,
): WidgetTester {
  return (field) => {
    if (field.widget === name) return 5;
    return kinds.includes(field.kind) && fits(field) ? 1 : -1;
  };
}
