/**
 * Phone and ID-card numbers that people type into free text (a title, a note, a return reason)
 * are masked wherever that text leaves the service: the public tracking page and the events.
 * The stored request keeps what was typed; staff allowed to open it still read it there.
 *
 * - Mainland mobile numbers (11 digits, 1[3-9]…, optionally +86/0086 and 3-4-4 spaces or hyphens)
 *   keep their first 3 and last 4 digits: 139****0000.
 * - Landline numbers with an area code (0xx or 0xxx, 7 or 8 digits) keep the area code and the
 *   last 4 digits: 010-****5678.
 * - Mainland ID-card numbers (18 characters with a plausible birth date, or the old 15 digits)
 *   keep the 6-digit region and what follows the birth date: 110101********1234 (the old card:
 *   110101******123). The birth date never shows.
 *
 * Digits may be ASCII or full-width (what a Chinese keyboard often gives). A number is only taken
 * whole: digits right before or after it make it part of a longer number, which is left alone
 * (a 16–19 digit bank card is not this function's business). Masking is idempotent.
 */

const NOT_DIGIT_BEFORE = '(?<![0-9])';
const NOT_DIGIT_AFTER = '(?![0-9])';

/** Region (6) · birth date (8: 18xx–20xx, month, day) · sequence (3) · check digit or X. */
const ID_CARD_18 = '([0-9]{6})((?:1[89]|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))([0-9]{3}[0-9Xx])';
/** The first-generation card: region (6) · birth date yymmdd (6) · sequence (3). */
const ID_CARD_15 = '([0-9]{6})([0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))([0-9]{3})';
const MOBILE = '((?:\\+?86|0086)[- ]?)?(1[3-9][0-9])([- ]?)([0-9]{4})([- ]?[0-9]{4})';
const LANDLINE = '(\\(?0[0-9]{2,3}\\)?[- ]?)([0-9]{3,4})([0-9]{4})';

const whole = (pattern: string): RegExp => new RegExp(`${NOT_DIGIT_BEFORE}${pattern}${NOT_DIGIT_AFTER}`, 'g');
const stars = (text: string): string => '*'.repeat(text.length);

/** Each pattern with what it keeps and what it hides; the groups cover the whole match. */
const MASKS: ReadonlyArray<[RegExp, (...groups: string[]) => string]> = [
  [whole(ID_CARD_18), (region, birth, rest) => `${region}${stars(birth)}${rest}`],
  [whole(ID_CARD_15), (region, birth, rest) => `${region}${stars(birth)}${rest}`],
  [whole(MOBILE), (prefix, first, separator, middle, last) => `${prefix ?? ''}${first}${separator}${stars(middle)}${last}`],
  [whole(LANDLINE), (area, local, last) => `${area}${stars(local)}${last}`],
];

export function maskPersonalNumbers(text: string): string {
  // Full-width digits (U+FF10–FF19) are one UTF-16 unit each, like ASCII ones: matching on an
  // ASCII copy keeps every position, and the stars are copied back onto the text as typed.
  const ascii = text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  let masked = ascii;
  for (const [pattern, mask] of MASKS) masked = masked.replace(pattern, (_match: string, ...groups: string[]) => mask(...groups));
  if (masked === ascii) return text;
  let result = '';
  for (let i = 0; i < text.length; i++) result += masked[i] === '*' && ascii[i] !== '*' ? '*' : text[i];
  return result;
}

/**
 * Fields of an event payload that hold what people typed. Identifiers, codes and times are never
 * touched, so a consumer can still rely on them.
 */
export const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set(['title', 'description', 'address', 'note', 'reason', 'returnReason', 'comment']);

/** A copy of an event payload with the numbers in its free-text fields (at any depth) masked. */
export function maskFreeTextFields<T>(value: T): T {
  return maskWithin(value, false) as T;
}

function maskWithin(value: unknown, freeText: boolean): unknown {
  if (typeof value === 'string') return freeText ? maskPersonalNumbers(value) : value;
  if (Array.isArray(value)) return value.map((item) => maskWithin(item, freeText));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, maskWithin(field, freeText || FREE_TEXT_FIELDS.has(key))]));
  }
  return value;
}
