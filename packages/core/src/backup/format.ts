import type { ChangeDoc } from '../audit/change-log.js';
import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import type { FileDoc } from '../store/attachments-schema.js';
import { sha256 } from '../store/attachments-content.js';
import type { KehuRecord } from '../store/types.js';

/** The `format` of a Kehu backup file. */
export const BACKUP_FORMAT = 'kehu-backup';
/** The layout version this code writes and reads. */
export const BACKUP_VERSION = 1;

/** One entity's records in a backup: live ones and soft-deleted ones. */
export interface BackupEntity {
  /** Schema version the records were written with. */
  version: number;
  records: KehuRecord[];
  removed: KehuRecord[];
}

/** What a backup holds. */
export interface BackupContent {
  /** Records per entity (saved views included: they are records of `kehu-view`). */
  entities: Record<string, BackupEntity>;
  /** The audit trail: every change entry, as stored. */
  changes: ChangeDoc[];
  /** Attachments: file descriptions and their content chunks (base64), as stored. */
  files: FileDoc[];
  /** Naming-series counters (`series|…` → next number), so codes are not handed out twice. */
  series: Record<string, number>;
}

/**
 * A backup file: JSON text (UTF-8) of this object. `sha256` is the hex SHA-256 of
 * `JSON.stringify(content)`, checked before anything is restored.
 */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** Store name and time of the backup. */
  store: string;
  createdAt: string;
  sha256: string;
  content: BackupContent;
}

const encoder = new TextEncoder();

const checksum = (content: BackupContent, locale: Locale): Promise<string> =>
  backupChecksum(encoder.encode(JSON.stringify(content)), locale);

/** The hex SHA-256 of a backup's content as UTF-8 JSON bytes; `backup-unavailable` without Web Crypto. */
export async function backupChecksum(bytes: Uint8Array, locale: Locale = 'en'): Promise<string> {
  const digest = await sha256(bytes);
  if (!digest)
    throw new KehuError(
      'backup-unavailable',
      {
        en: 'Backups need Web Crypto (SHA-256), which this environment does not offer (use HTTPS or localhost).',
        'zh-CN': '备份需要 Web Crypto（SHA-256），当前环境不支持（请使用 HTTPS 或 localhost）。',
      },
      locale,
    );
  return digest;
}

/** The backup file's text for `content`, with its checksum. */
export async function sealBackup(content: BackupContent, store: string, locale: Locale = 'en'): Promise<string> {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    store,
    createdAt: new Date().toISOString(),
    sha256: await checksum(content, locale),
    content,
  };
  return JSON.stringify(file);
}

function damaged(locale: Locale, en: string, zh: string): KehuError {
  return new KehuError(
    'backup-damaged',
    {
      en: `This file cannot be restored: ${en} Nothing was changed.`,
      'zh-CN': `无法恢复此文件：${zh}未做任何更改。`,
    },
    locale,
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads and checks a backup file (text, UTF-8 bytes or a Blob of them): it must be complete JSON
 * of the Kehu backup format, of a version this code reads, with a matching checksum. Throws
 * `backup-damaged` (localised) otherwise.
 */
export async function openBackup(file: string | Uint8Array | Blob, locale: Locale = 'en'): Promise<BackupFile> {
  if (typeof file !== 'string' && !(file instanceof Uint8Array)) file = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = typeof file === 'string' ? file : new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw damaged(locale, 'it is not UTF-8 text.', '它不是 UTF-8 文本。');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw damaged(
      locale,
      'it is not complete JSON (truncated or not a backup).',
      '文件内容不完整或不是 JSON（可能被截断，或不是备份文件）。',
    );
  }
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT || !isObject(parsed.content))
    throw damaged(locale, 'it is not a Kehu backup.', '它不是 Kehu 备份文件。');
  if (parsed.version !== BACKUP_VERSION)
    throw damaged(
      locale,
      `it has format version ${String(parsed.version)}; this version reads ${BACKUP_VERSION}.`,
      `其格式版本为 ${String(parsed.version)}，当前只能读取版本 ${BACKUP_VERSION}。`,
    );
  const content = parsed.content as unknown as BackupContent;
  if (parsed.sha256 !== (await checksum(content, locale)))
    throw damaged(
      locale,
      'its checksum does not match its content (the file was changed or damaged).',
      '校验和与内容不符（文件已被修改或损坏）。',
    );
  const shaped =
    isObject(content.entities) &&
    Array.isArray(content.changes) &&
    Array.isArray(content.files) &&
    isObject(content.series) &&
    Object.values(content.entities).every(
      (e) => isObject(e) && Array.isArray(e.records) && Array.isArray(e.removed) && typeof e.version === 'number',
    );
  if (!shaped) throw damaged(locale, 'its content is not laid out as a backup.', '其内容结构不是备份格式。');
  return parsed as unknown as BackupFile;
}
