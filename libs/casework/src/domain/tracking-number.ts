import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: read out over the phone without mistakes. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A citizen's tracking number, e.g. 20261127-7KQ4M9XT: the filing date and 8 random characters, hard to guess. */
export function newTrackingNumber(filedAt: Date, offsetMinutes = 480): string {
  const day = new Date(filedAt.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10).replace(/-/g, '');
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `${day}-${suffix}`;
}
