/**
 * The import bench's file: seeded demo customers written as the CSV a Chinese office exports —
 * zh-CN headers, enum values as their zh-CN labels, dictionaries by code, one mobile in ten as
 * `+86 138 0013-8000` — in UTF-8 with a BOM (Excel's "CSV UTF-8") and in GBK (Excel's plain "CSV").
 * Deterministic: the same count gives the same bytes.
 */
import { importTargets, type Entity } from '@kehu/core';
import type { Seed } from './dataset.js';

/** The CSV text (no BOM), its row count, and the references the baseline resolves by hand. */
export interface ImportCsv {
  text: string;
  rows: number;
  /** Reference field path → code → id, as the dictionaries in the store have them. */
  references: Map<string, Map<string, string>>;
}

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function valueAt(record: Record<string, unknown>, path: string): unknown {
  let node: unknown = record;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/** Writes `data.customers` as CSV text with one column per importable field of `entity`. */
export function customerCsv(entity: Entity, data: Seed): ImportCsv {
  const targets = importTargets(entity);
  const references = new Map<string, Map<string, string>>();
  const codeOf = new Map<string, Map<string, string>>();
  for (const { path, field } of targets) {
    if (field.kind !== 'reference' || typeof field.ref !== 'string' || !data.dictionaries[field.ref]) continue;
    const rows = data.dictionaries[field.ref];
    codeOf.set(path, new Map(rows.map((r) => [String(r.id), String(r.code)])));
    references.set(path, new Map(rows.map((r) => [String(r.code), String(r.id)])));
  }
  const cell = (record: Record<string, unknown>, index: number, path: string): string => {
    const value = valueAt(record, path);
    if (value === undefined || value === null) return '';
    const target = targets.find((t) => t.path === path)!;
    const codes = codeOf.get(path);
    if (codes) return codes.get(String(value)) ?? String(value);
    const option = target.field.options?.find((o) => o.value === value);
    if (option) return option.label['zh-CN'];
    if (typeof value === 'boolean') return value ? '是' : '否';
    const text = String(value);
    if (target.field.format === 'cn-mobile' && index % 10 === 3)
      return `+86 ${text.slice(0, 3)} ${text.slice(3, 7)}-${text.slice(7)}`;
    return text;
  };
  // Headers as a Chinese sheet names its columns: the field's own label (GBK has no `›` for the
  // label chain), or the field path where two fields share a label.
  const label = (t: (typeof targets)[number]) => t.field.label['zh-CN'];
  const header = (t: (typeof targets)[number]) =>
    targets.filter((other) => label(other) === label(t)).length > 1 ? t.path : label(t);
  const lines = [targets.map((t) => quote(header(t))).join(',')];
  data.customers.forEach((record, index) =>
    lines.push(targets.map((t) => quote(cell(record, index, t.path))).join(',')),
  );
  return { text: `${lines.join('\r\n')}\r\n`, rows: data.customers.length, references };
}

/** UTF-8 with a BOM, as Excel's "CSV UTF-8 (逗号分隔)" saves it. */
export function utf8WithBom(text: string): Blob {
  return new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), text], { type: 'text/csv' });
}

let gbkTable: Map<number, number> | undefined;

/**
 * Every two-byte GBK code, char code → `lead << 8 | trail`, from the browser's own GB18030 decoder
 * (no encoder exists in the platform): the whole range is decoded in one call, two bytes per char.
 */
function gbk(): Map<number, number> {
  if (gbkTable) return gbkTable;
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push((lead << 8) | trail);
  const bytes = new Uint8Array(codes.length * 2);
  codes.forEach((code, i) => {
    bytes[2 * i] = code >> 8;
    bytes[2 * i + 1] = code & 0xff;
  });
  const text = new TextDecoder('gb18030').decode(bytes);
  // Two-byte GBK decodes to one BMP character per code: the decoded text lines up with the codes.
  if (text.length !== codes.length) throw new Error(`GBK table: ${text.length} chars for ${codes.length} codes`);
  gbkTable = new Map();
  for (let i = 0; i < codes.length; i++)
    if (!gbkTable.has(text.charCodeAt(i))) gbkTable.set(text.charCodeAt(i), codes[i]);
  return gbkTable;
}

/** The text in GBK, as Chinese Excel saves plain "CSV (逗号分隔)"; throws on a character GBK lacks. */
export function gbkBlob(text: string): Blob {
  const table = gbk();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) out[n++] = code;
    else {
      const bytes = table.get(code);
      if (bytes === undefined) throw new Error(`no GBK code for ${text[i]} (U+${code.toString(16)})`);
      out[n++] = bytes >> 8;
      out[n++] = bytes & 0xff;
    }
  }
  return new Blob([out.subarray(0, n)], { type: 'text/csv' });
}
