import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';

/** Marks a sealed value in stored documents; the version allows another scheme later. */
export const sealedPrefix = 'kehu:enc:1:';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The store's keys: AES-GCM for sealing values, HMAC-SHA-256 for search tokens. */
export interface StoreKeys {
  aes: CryptoKey;
  hmac: CryptoKey;
}

/**
 * Keys derived from the store's password with PBKDF2 (SHA-256, 210,000 iterations, as OWASP
 * advises); the database name salts it, so two stores with one password get different keys.
 * Web Crypto only: the same code runs in browsers, workers and Node 20.
 */
export async function deriveKeys(password: string, salt: string): Promise<StoreKeys> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(`kehu:${salt}`), iterations: 210_000 },
      material,
      512,
    ),
  );
  const [aes, hmac] = await Promise.all([
    crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { aes, hmac };
}

/**
 * The search token of a whole value: a keyed hash, so the search text can find a customer by their
 * full mobile number without holding it (or any of its digits) in clear.
 */
export async function searchToken(hmac: CryptoKey, value: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, encoder.encode(value.trim().toLowerCase())));
  return `\u0002${toBase64(mac.subarray(0, 15)).replace(/\+/g, '-').replace(/\//g, '_')}`;
}

/** A JSON value sealed as `kehu:enc:1:<base64 of iv + ciphertext>`; a fresh IV every time. */
export async function seal(key: CryptoKey, value: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(JSON.stringify(value))),
  );
  const out = new Uint8Array(iv.length + data.length);
  out.set(iv);
  out.set(data, iv.length);
  return sealedPrefix + toBase64(out);
}

export const isSealed = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(sealedPrefix);

/** The value a `seal` produced; a wrong password or tampered text is refused, never returned as garbage. */
export async function unseal(key: CryptoKey, text: string, locale: Locale): Promise<unknown> {
  const bytes = fromBase64(text.slice(sealedPrefix.length));
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
    return JSON.parse(decoder.decode(plain));
  } catch {
    throw new KehuError(
      'wrong-key',
      {
        en: 'Encrypted fields cannot be read: the store was opened with a different encryption password, or the data was altered.',
        'zh-CN': '无法读取加密字段：打开数据库所用的加密密码与写入时不同，或数据已被篡改。',
      },
      locale,
    );
  }
}
