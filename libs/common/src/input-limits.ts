/**
 * What every input must be before any code looks at it, whatever the endpoint: not nested deeper
 * than a legitimate body ever is (recursive code such as class-transformer overflows the stack on
 * a few kB of brackets), and only text PostgreSQL can store. PostgreSQL refuses NUL in text and
 * jsonb, and jsonb refuses half of a UTF-16 surrogate pair, which JavaScript strings may hold.
 */

/** The deepest body the contract has (a routing rule's condition list, a grid boundary) is 5 levels. */
export const MAX_INPUT_DEPTH = 32;

export interface InputProblem {
  code: 'INPUT.TOO_DEEP' | 'INPUT.UNSTORABLE_TEXT';
  message: string;
}

const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_WHY = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/** True when PostgreSQL can store the text as it is, in a text column and inside jsonb. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE_TEXT.test(text);
}

/** A field's path the way the client wrote it: location.address, rules[2].when. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * The first problem in a parsed input (a JSON body, a query object, a path parameter), naming the
 * field at `root` and below, or null. Walks with a stack of its own, so no input can overflow it.
 */
export function inputProblem(input: unknown, root = ''): InputProblem | null {
  const pending: Array<{ value: unknown; path: string; depth: number; top: string }> = [{ value: input, path: root, depth: 0, top: root }];
  while (pending.length > 0) {
    const { value, path, depth, top } = pending.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return { code: 'INPUT.UNSTORABLE_TEXT', message: `${path || 'body'} ${UNSTORABLE_WHY}` };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return { code: 'INPUT.TOO_DEEP', message: `${top || 'body'}: nested deeper than ${MAX_INPUT_DEPTH} levels` };
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
    if (entries.some(([key]) => typeof key === 'string' && !isStorableText(key))) {
      return { code: 'INPUT.UNSTORABLE_TEXT', message: `${path || 'body'}: a property name ${UNSTORABLE_WHY}` };
    }
    // Pushed in reverse, so the first problem in the order the client wrote is the one named.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i];
      const itemPath = childPath(path, key);
      pending.push({ value: item, path: itemPath, depth: depth + 1, top: depth === 0 && typeof key === 'string' ? itemPath : top });
    }
  }
  return null;
}
