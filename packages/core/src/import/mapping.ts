import type { Entity, FieldModel, LocalizedText } from '../entity/types.js';
import type { Cell, SourceRow } from './csv-rows.js';
import { matchKey, tidySpaces } from './clean.js';

/** A field a column can be imported into: top-level scalars and scalars inside objects. */
export interface ImportTarget {
  /** Dotted key chain, e.g. `name` or `bankAccount.bank`. */
  path: string;
  field: FieldModel;
  /** Label chain, e.g. `银行账户 › 开户银行`. */
  label: LocalizedText;
}

/** Which field each column goes to: one entry per column, `null` for a column that is not imported. */
export type ColumnMapping = (string | null)[];

/**
 * Fields a file can fill. Computed (formula) and read-only fields are left out, since the store
 * computes or guards them; lists (contacts, addresses) need a row per item and are not columns.
 */
export function importTargets(entity: Entity): ImportTarget[] {
  const out: ImportTarget[] = [];
  const walk = (fields: FieldModel[], prefix: string[], labels: LocalizedText[]) => {
    for (const field of fields) {
      if (field.formula || field.readOnly) continue;
      const chain = [...labels, field.label];
      if (field.kind === 'object' && field.children) walk(field.children, [...prefix, field.key], chain);
      else if (field.kind !== 'object' && field.kind !== 'array' && field.kind !== 'unknown')
        out.push({
          path: [...prefix, field.key].join('.'),
          field,
          label: {
            'zh-CN': chain.map((l) => l['zh-CN']).join(' › '),
            en: chain.map((l) => l.en).join(' › '),
          },
        });
    }
  };
  walk(entity.fields, [], []);
  return out;
}

/** Spellings a header may use for a target: key, path, and the labels (alone and as a chain). */
function spellings(target: ImportTarget): string[] {
  const { field } = target;
  return [field.key, target.path, field.label['zh-CN'], field.label.en, target.label['zh-CN'], target.label.en].map(
    matchKey,
  );
}

/** The target a header names, if any (case, spaces, full-width and punctuation do not matter). */
export function matchHeader(header: Cell, targets: ImportTarget[]): ImportTarget | undefined {
  if (header === null || header === undefined) return undefined;
  const key = matchKey(tidySpaces(String(header)));
  if (!key) return undefined;
  return targets.find((t) => spellings(t).includes(key));
}

/** Auto-mapping: each header to the field it names; a field is taken by the first column naming it. */
export function autoMap(headers: readonly Cell[], targets: ImportTarget[]): ColumnMapping {
  const used = new Set<string>();
  return headers.map((header) => {
    const target = matchHeader(header, targets);
    if (!target || used.has(target.path)) return null;
    used.add(target.path);
    return target.path;
  });
}

/**
 * The header row among the first rows: the one whose cells name the most fields (a title line
 * "客户名单 2024" or an empty banner above the table scores lower). Ties go to the earliest row;
 * when no row names a field the first row is the header.
 */
export function findHeaderRow(rows: readonly SourceRow[], targets: ImportTarget[], within = 20): SourceRow | undefined {
  let best: SourceRow | undefined;
  let bestScore = 0;
  for (const row of rows.slice(0, within)) {
    const score = new Set(row.cells.map((c) => matchHeader(c, targets)?.path).filter(Boolean)).size;
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best ?? rows[0];
}

/** Header cells as text, with a name for empty ones (`列 3` / `Column 3`) so every column can be shown. */
export function headerNames(cells: readonly Cell[], locale: 'zh-CN' | 'en' = 'zh-CN'): string[] {
  return cells.map((c, i) => {
    const text = c === null || c === undefined ? '' : tidySpaces(String(c));
    return text || (locale === 'en' ? `Column ${i + 1}` : `列 ${i + 1}`);
  });
}
