/**
 * What an audit entry says about a change: compact, and never a secret. Framework-free, so the
 * rules are plain to test.
 */

/** A scalar field's old and new value, or what a list gained and lost. */
export type FieldChange = { from: unknown; to: unknown } | { added: unknown[]; removed: unknown[] };

/** Keys whose values never enter the log, however they are nested: passwords, hashes, tokens, keys. */
const SECRET_KEY = /pass(word)?|secret|token|hash|api.?key|credential/i;

const isPrimitive = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between two states, each as {from, to}; a list of plain values (grid
 * codes, holidays) as {added, removed}, so a long list costs what changed, not its length.
 * Fields present on one side only count as changed.
 */
export function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const from = before[key];
    const to = after[key];
    if (same(from, to)) continue;
    if (Array.isArray(from) && Array.isArray(to) && [...from, ...to].every(isPrimitive)) {
      const was = new Set(from.map((v) => JSON.stringify(v)));
      const now = new Set(to.map((v) => JSON.stringify(v)));
      const added = to.filter((v) => !was.has(JSON.stringify(v)));
      const removed = from.filter((v) => !now.has(JSON.stringify(v)));
      // The same values in another order are a change of order, said in full.
      changes[key] = added.length + removed.length > 0 ? { added, removed } : { from, to };
    } else {
      changes[key] = { from: from ?? null, to: to ?? null };
    }
  }
  return changes;
}

/** A copy without any field whose name says it holds a secret, at any depth. */
export function withoutSecrets<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEY.test(key)).map(([key, field]) => [key, strip(field)]));
  }
  return value;
}
