import { conditionHolds, hasFormulas, recompute, type Entity, type FieldModel } from '@kehu/core';
import { pathKey, valueAt, type FieldPath } from './form-state.js';

interface Conditional {
  path: FieldPath;
  field: FieldModel;
}

/**
 * The schema's live rules in a form: which fields show (`visibleWhen`) and which values are
 * computed (`formula`). After a change it says exactly which fields to redraw — the dependants of
 * the changed field and the computed fields whose value moved — so nothing else re-renders.
 *
 * Conditions are honoured on top-level fields and inside nested objects; inside line items every
 * column is shown (a grid cannot hide one cell).
 */
export class FormRules {
  private conditional: Conditional[] = [];
  private dependents = new Map<string, FieldPath[]>();
  private readonly formulas: boolean;

  constructor(private readonly entity: Entity) {
    const walk = (fields: FieldModel[], parent: FieldPath) => {
      for (const field of fields) {
        const path = [...parent, field.key];
        if (field.visibleWhen) {
          this.conditional.push({ path, field });
          const source = pathKey([...parent, field.visibleWhen.field]);
          this.dependents.set(source, [...(this.dependents.get(source) ?? []), path]);
        }
        if (field.type === 'object' && field.children) walk(field.children, path);
      }
    };
    walk(entity.fields, []);
    this.formulas = hasFormulas(entity);
  }

  /** Whether `field` at `path` shows for the current values. */
  visible(values: Record<string, unknown>, field: FieldModel, path: FieldPath): boolean {
    return !field.visibleWhen || conditionHolds(field.visibleWhen, valueAt(values, path.slice(0, -1)));
  }

  /** Paths of fields hidden by their condition now; their values are left out on save. */
  hidden(values: Record<string, unknown>): FieldPath[] {
    return this.conditional.filter((c) => !this.visible(values, c.field, c.path)).map((c) => c.path);
  }

  /** Recomputes formulas after `path` changed (in place) and returns the fields to redraw. */
  afterChange(values: Record<string, unknown>, path: FieldPath): FieldPath[] {
    const redraw = [...(this.dependents.get(pathKey(path)) ?? [])];
    if (this.formulas) {
      for (const changed of recompute(this.entity, values, path)) {
        // A computed cell inside line items is redrawn by its grid; the field holding it is told.
        const index = changed.findIndex((step) => typeof step === 'number');
        redraw.push(index < 0 ? changed : changed.slice(0, index));
      }
    }
    return redraw;
  }

  /** Recomputes every formula (after loading a record), in place. */
  recomputeAll(values: Record<string, unknown>): void {
    if (this.formulas) recompute(this.entity, values);
  }
}

/** Whether `path` is `prefix` or below it. */
export function isUnder(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step);
}
