import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import type { AttachmentLimits } from './attachments.types.js';

/** Types a CRM attaches: photos, scans, PDFs and Chinese OFD e-invoices, office files, zip. */
export const defaultAttachmentTypes: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/heic',
  'application/pdf',
  'application/ofd',
  '.ofd',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/zip',
];

export const defaultLimits: Readonly<Required<AttachmentLimits>> = {
  maxSize: 20 * 1024 * 1024,
  types: [...defaultAttachmentTypes],
  chunkSize: 256 * 1024,
};

const byExtension: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  heic: 'image/heic',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
};

const extension = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** The file's MIME type: the one given, else guessed from the extension (browsers give `''` for unknown ones). */
export function fileType(name: string, given?: string): string {
  const type = (given ?? '').trim().toLowerCase();
  return type || byExtension[extension(name)] || 'application/octet-stream';
}

/** Whether `accept` (`<input accept>` syntax: types, `type/*`, `.ext`, `*`) lets this file in. */
export function acceptsFile(accept: readonly string[], name: string, type: string): boolean {
  const ext = `.${extension(name)}`;
  return accept.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === '*' || entry === '*/*') return true;
    if (entry.startsWith('.')) return entry === ext;
    if (entry.endsWith('/*')) return type.startsWith(entry.slice(0, -1));
    return entry === type;
  });
}

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f]/g;

/**
 * A name safe to show and to download as: no path (browsers on Windows once sent `C:\fakepath\…`),
 * no control characters, at most 255 characters keeping the extension. Markup is kept as text; the
 * elements escape it.
 */
export function cleanFileName(name: string | undefined): string {
  const base = String(name ?? '')
    .replace(controlCharacters, '')
    .split(/[\\/]/)
    .pop()!
    .trim();
  if (!base) return 'file';
  if (base.length <= 255) return base;
  const ext = extension(base);
  const tail = ext && ext.length < 20 ? `.${ext}` : '';
  return base.slice(0, 255 - tail.length) + tail;
}

/** Bytes as people read them, e.g. `20 MB`, `1.5 KB` (binary multiples, as file managers show). */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}

/** Refuses a file larger than the limit; the message names the file and says what to do. */
export function tooLarge(name: string, size: number, max: number, locale: Locale): KehuError {
  return new KehuError(
    'attachment-too-large',
    {
      en: `"${name}" is ${formatBytes(size, 'en')}, more than the ${formatBytes(max, 'en')} allowed for one file. Compress or split it and attach it again, or ask an administrator to raise the limit.`,
      'zh-CN': `「${name}」大小为 ${formatBytes(size, 'zh-CN')}，超过单个文件 ${formatBytes(max, 'zh-CN')} 的上限。请压缩或拆分后重新上传，或请管理员调高上限。`,
    },
    locale,
  );
}

/** Refuses a file whose type is not accepted; lists what is. */
export function typeRefused(name: string, type: string, accepted: readonly string[], locale: Locale): KehuError {
  const list = accepted.map((a) => a.replace(/^application\/vnd\.openxmlformats-officedocument\./, '…')).join(', ');
  return new KehuError(
    'attachment-type-refused',
    {
      en: `"${name}" (${type}) cannot be attached: that type is not allowed. Allowed: ${list}. Save it as one of these (for example PDF) and attach it again.`,
      'zh-CN': `「${name}」（${type}）不能上传：不允许该文件类型。允许的类型：${list}。请另存为其中一种（例如 PDF）后重新上传。`,
    },
    locale,
  );
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new KehuError('invalid-option', {
      en: `attachments.${name} must be a positive whole number of bytes, not ${String(value)}.`,
      'zh-CN': `attachments.${name} 必须是正整数（字节数），而不是 ${String(value)}。`,
    });
  return value;
}

/** The limits in force from a store's `attachments` option; throws on sizes that are not positive integers. */
export function resolveLimits(limits: AttachmentLimits = {}): Readonly<Required<AttachmentLimits>> {
  return Object.freeze({
    maxSize: positiveInteger(limits.maxSize, defaultLimits.maxSize, 'maxSize'),
    chunkSize: positiveInteger(limits.chunkSize, defaultLimits.chunkSize, 'chunkSize'),
    types: Object.freeze([...(limits.types ?? defaultLimits.types)]) as string[],
  });
}

/** The error adding `file` would be refused with (type not accepted, too large), or undefined. */
export function checkFile(
  limits: Readonly<Required<AttachmentLimits>>,
  file: { name: string; type?: string; size: number },
  locale: Locale,
): KehuError | undefined {
  const name = cleanFileName(file.name);
  const type = fileType(name, file.type);
  if (!acceptsFile(limits.types, name, type)) return typeRefused(name, type, limits.types, locale);
  if (file.size > limits.maxSize) return tooLarge(name, file.size, limits.maxSize, locale);
  return undefined;
}

/** Base64 of bytes, in slices so huge files do not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hex SHA-256, or undefined where Web Crypto is missing (pages served over plain http on a LAN address). */
export async function sha256(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
