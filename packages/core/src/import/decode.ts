import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';

/** Text encodings an import understands: what Excel, WPS and older Chinese systems save CSV as. */
export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** What decoding found, so the caller can show it and let the user override it. */
export interface DetectedEncoding {
  encoding: ImportEncoding;
  /** Bytes of byte-order mark to skip before decoding. */
  bomLength: number;
  /** How the encoding was chosen: a BOM, a clean UTF-8 sample, or the GB18030 fallback. */
  reason: 'bom' | 'utf-8' | 'fallback' | 'override' | 'bom-mismatch';
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** True when `bytes` are valid UTF-8; a multi-byte sequence cut at the end of a sample still counts. */
function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks the encoding of a file from its first bytes: a BOM wins (UTF-8, UTF-16LE/BE), otherwise
 * strict UTF-8 if the sample decodes cleanly, otherwise GB18030 — the superset of GBK that Chinese
 * Excel writes when it saves "CSV". A UTF-8 BOM in front of bytes that are not UTF-8 (tools that
 * prepend a BOM to GBK text) is not trusted: the text is read as GB18030 after the BOM.
 * `complete` says the sample is the whole file (a truncated final character is then an error).
 */
export function detectEncoding(sample: Uint8Array, complete = false, override?: ImportEncoding): DetectedEncoding {
  const utf8Bom = startsWith(sample, 0xef, 0xbb, 0xbf);
  if (override) {
    const bomLength =
      override === 'utf-8' || override === 'gb18030'
        ? utf8Bom
          ? 3
          : 0
        : startsWith(sample, 0xff, 0xfe) || startsWith(sample, 0xfe, 0xff)
          ? 2
          : 0;
    return { encoding: override, bomLength, reason: 'override' };
  }
  if (utf8Bom) {
    return isUtf8(sample.subarray(3), complete)
      ? { encoding: 'utf-8', bomLength: 3, reason: 'bom' }
      : { encoding: 'gb18030', bomLength: 3, reason: 'bom-mismatch' };
  }
  if (startsWith(sample, 0xff, 0xfe)) return { encoding: 'utf-16le', bomLength: 2, reason: 'bom' };
  if (startsWith(sample, 0xfe, 0xff)) return { encoding: 'utf-16be', bomLength: 2, reason: 'bom' };
  if (isUtf8(sample, complete)) return { encoding: 'utf-8', bomLength: 0, reason: 'utf-8' };
  return { encoding: 'gb18030', bomLength: 0, reason: 'fallback' };
}

/** Anything an import can read bytes from: a File/Blob, a Node or web stream, bytes, or text. */
export type ByteSource =
  Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | string;

/** Bytes of a source in chunks, without reading a big file into memory at once. */
export async function* byteChunks(source: ByteSource, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') {
    const bytes = new TextEncoder().encode(source);
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    return;
  }
  if (source instanceof ArrayBuffer) source = new Uint8Array(source);
  if (source instanceof Uint8Array) {
    for (let i = 0; i < source.length; i += chunkSize) yield source.subarray(i, i + chunkSize);
    return;
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) source = source.stream();
  if (typeof (source as ReadableStream).getReader === 'function') {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  for await (const chunk of source as AsyncIterable<Uint8Array | string>)
    yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
}

/** The first `size` bytes of a source, for sniffing (XLSX signature, encoding) before the real read. */
export async function firstBytes(source: ByteSource, size = 64 * 1024): Promise<Uint8Array> {
  if (typeof Blob !== 'undefined' && source instanceof Blob)
    return new Uint8Array(await source.slice(0, size).arrayBuffer());
  if (source instanceof ArrayBuffer) return new Uint8Array(source, 0, Math.min(size, source.byteLength));
  if (source instanceof Uint8Array) return source.subarray(0, size);
  if (typeof source === 'string') return new TextEncoder().encode(source.slice(0, size));
  throw new TypeError('firstBytes: streams cannot be sniffed without consuming them');
}

/**
 * Decodes a byte stream to text chunks. The encoding is chosen from the first chunk (which is made
 * at least 64 KiB long so a sample is meaningful) unless `override` is given; `onDetect` hears the
 * choice before the first text arrives. A UTF-8 guess that meets invalid bytes later in the file
 * stops with an error naming the override, rather than producing replacement characters silently.
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  options: { encoding?: ImportEncoding; onDetect?: (detected: DetectedEncoding) => void } = {},
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  const start = (complete: boolean): Uint8Array => {
    const sample = concat(pending, pendingLength);
    pending = [];
    const detected = detectEncoding(sample, complete, options.encoding);
    options.onDetect?.(detected);
    // Strict only for an automatic UTF-8 choice; an explicit choice decodes as asked.
    const fatal = detected.encoding === 'utf-8' && !options.encoding;
    decoder = new TextDecoder(detected.encoding, { fatal, ignoreBOM: true });
    return sample.subarray(detected.bomLength);
  };
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      throw new EncodingMismatchError();
    }
  };
  for await (const chunk of chunks) {
    if (!decoder) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength < 64 * 1024) continue;
      const text = decode(start(false), true);
      if (text) yield text;
      continue;
    }
    const text = decode(chunk, true);
    if (text) yield text;
  }
  const rest = decoder ? decode(new Uint8Array(0), false) : decode(start(true), false);
  if (rest) yield rest;
}

/** Invalid UTF-8 further into a file whose start looked like UTF-8. */
export class EncodingMismatchError extends KehuError {
  override name = 'EncodingMismatchError';
  constructor(locale: Locale = 'en') {
    super(
      'encoding-mismatch',
      {
        en: 'The file is not valid UTF-8 beyond its first part; choose its encoding (e.g. GB18030) and read it again.',
        'zh-CN': '文件开头像 UTF-8，但后面的内容不是；请选择文件编码（例如 GB18030）后重新读取。',
      },
      locale,
    );
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
