const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A new record id: 10 characters of time then 14 random ones (Crockford base32), so ids created
 * later sort later and two browsers never collide. Uses `crypto.getRandomValues`, which exists in
 * every browser context (unlike `randomUUID`, which needs a secure one) and in Node.
 */
export function newId(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = alphabet[t % 32] + time;
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  let random = '';
  for (const byte of bytes) random += alphabet[byte % 32];
  return time + random;
}
