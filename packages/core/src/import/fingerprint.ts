import { firstBytes, type ByteSource } from './decode.js';

/**
 * Hex SHA-256 of a file's first MiB: with name and size it tells a re-selected file is the one an
 * unfinished import was reading. Where Web Crypto is missing (an insecure page), FNV-1a stands in.
 */
export async function fileFingerprint(source: ByteSource, size = 1 << 20): Promise<string> {
  const bytes = await firstBytes(source, size);
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `fnv1a-${hash.toString(16)}`;
}
