/** A short reference code such as `G-0107`, `market-regulation` or `food-safety`. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
export const CODE_SHAPE = '1 to 40 letters, digits, "-" or "_"';

export function isCode(value: unknown): value is string {
  return typeof value === 'string' && CODE_PATTERN.test(value);
}
