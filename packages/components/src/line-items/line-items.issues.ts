import type { LocalizedText } from '@kehu/core';

/**
 * Problems by row and column key, for drawing them on cells: the validator's (`path` from the row,
 * `[2, 'quantity']`) and the grid's own conversion problems (keyed `'2:quantity'`).
 */
export function issuesByRow(
  issues: readonly { path: (string | number)[]; message: LocalizedText }[],
  local: ReadonlyMap<string, LocalizedText>,
): Map<number, Map<string, LocalizedText[]>> {
  const byRow = new Map<number, Map<string, LocalizedText[]>>();
  const add = (row: number, key: string, message: LocalizedText) => {
    let cells = byRow.get(row);
    if (!cells) byRow.set(row, (cells = new Map()));
    cells.set(key, [...(cells.get(key) ?? []), message]);
  };
  for (const issue of issues) {
    const [row, key] = issue.path;
    if (typeof row === 'number' && typeof key === 'string') add(row, key, issue.message);
  }
  for (const [at, message] of local) {
    const [row, key] = at.split(':');
    add(Number(row), key, message);
  }
  return byRow;
}
