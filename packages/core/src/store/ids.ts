const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

let lastTime = -1;
let lastRandom: number[] = [];

/** The next base-32 number of the same length (digits most significant first); wraps at the top. */
function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i] < 31) {
      next[i]++;
      return next;
    }
    next[i] = 0;
  }
  return next;
}

/**
 * A new record id: 10 characters of time then 14 random ones (Crockford base32), so ids created
 * later sort later and two browsers never collide. Within one millisecond the random part counts up
 * (as ULIDs do), so ids made in a burst still sort in the order they were made. Uses
 * `crypto.getRandomValues`, which exists in every browser context (unlike `randomUUID`, which needs a
 * secure one) and in Node.
 */
export function newId(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = alphabet[t % 32] + time;
  if (now === lastTime) lastRandom = increment(lastRandom);
  else lastRandom = [...crypto.getRandomValues(new Uint8Array(14))].map((byte) => byte % 32);
  lastTime = now;
  return time + lastRandom.map((digit) => alphabet[digit]).join('');
}
