/**
 * Neutralises a cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd`, `-1+1`, `@SUM`,
 * and the tab/CR variants), by prefixing an apostrophe as OWASP recommends. Plain negative numbers
 * stay numbers.
 */
export function neutralizeFormula(cell: string): string {
  if (/^-?\d+(\.\d+)?$/.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * CSV text for rows of cells (the first row is usually the header), RFC 4180 quoting, CRLF line
 * ends and a UTF-8 byte-order mark, so Excel — including Chinese Excel, which otherwise assumes GBK —
 * opens it with the right characters. Every cell is neutralised against formula injection.
 */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${csvLines(rows)}`;
}

/**
 * The lines of `csvText` without the byte-order mark, each ending in CRLF (empty for no rows): one
 * chunk of a file written page by page, where only the first chunk carries the BOM.
 */
export function csvLines(rows: readonly (readonly unknown[])[]): string {
  let text = '';
  for (const row of rows)
    text += `${row.map((cell) => quote(neutralizeFormula(cell === undefined || cell === null ? '' : String(cell)))).join(',')}\r\n`;
  return text;
}
