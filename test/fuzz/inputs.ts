import fc from 'fast-check';

/**
 * What the fuzz cases send: hostile values, and recipes that turn an endpoint's valid request into
 * a bad one. A recipe holds choices, not ids: it is applied to the live request when the case
 * runs, so a seed replays the same cases whatever ids the run's fixtures got.
 */

/** A JSON number written as it is: 1e400 parses to Infinity, which JSON.stringify cannot write. */
export class RawNumber {
  constructor(readonly text: string) {}
}

const LENGTHS = [0, 1, 3, 40, 41, 60, 61, 100, 101, 200, 201, 300, 301, 1000, 1001, 2000, 2001, 5000, 5001, 120_000];

/** Strings at and past the limits, text PostgreSQL cannot store, odd Unicode, other types spelled as text. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff',
    'x\ud83d',
    '\ude00y',
    '💡',
    '👩‍👩‍👧',
    '\u202e\u202d',
    '\u200b',
    '\ufeff',
    '\uffff',
    'e\u0301',
    '𠀀',
    '路灯坏了',
    "' OR 1=1 --",
    '%00',
    '%ZZ',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '=1+2,"q"',
    '__proto__',
    'constructor',
    'NaN',
    'Infinity',
    '-0',
    '1e400',
    '0',
    '-1',
    'true',
    'null',
    '[]',
    '{}',
    '0000-01-01',
    '0001-01-02',
    '1969-12-31',
    '9999-12-31',
    '10000-01-01',
    '2026-02-30',
    '2026-11-30T25:00:00Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '9999-12-31T23:59:59.999+14:00',
    '+275760-09-13T00:00:00Z',
    '2026-12-01T09:00:00+08:00',
    '00000000-0000-0000-0000-000000000000',
    '00000000-0000-4000-8000-000000000000',
    'G-0107',
    'critical',
    'joint',
    'admin',
    'reroute',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.tuple(fc.constantFrom(...LENGTHS), fc.constantFrom('x', '字', '\ud83d\udca1', ' ')).map(([length, unit]) => unit.repeat(length)),
);

const rawNumber = fc.constantFrom('1e400', '-1e400', '1e-400', '123456789012345678901234567890', '-0.0', '1E2', '0.1e1').map((text) => new RawNumber(text));

export const oddNumber: fc.Arbitrary<number | RawNumber> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, 1.5, 2, 49, 50, 51, 100, 101, 241, 366, 400, 401, 721, 1440, 1441, 2 ** 31 - 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e21, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  rawNumber,
);

/** Arrays or objects nested around the depth limit, and far past it. */
const deep = fc.tuple(fc.constantFrom(30, 31, 32, 33, 40, 1500), fc.boolean()).map(([levels, objects]) => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = objects ? { a: value } : [value];
  return value;
});

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: oddString },
  { weight: 3, arbitrary: oddNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.array(oddString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(oddString, oddString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.constant([]), { minLength: 1, maxLength: 2 }) },
);

/** One change to a JSON value; `at` picks a node of the value (modulo their number) when the case runs. */
export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'remove'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'wrap'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: oddString, value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }) },
);

/** Bodies that are not JSON objects, or not JSON at all, or that claim another encoding. */
const rawBody = fc.oneof(
  fc.record({
    text: fc.constantFrom('{', '{"a":}', "{'a':1}", '', 'null', '"text"', '1e400', '[]', '{"a":1,"a":2}', '\ufeff{}', '{"__proto__":{"admin":true}}', '['.repeat(1500) + ']'.repeat(1500)),
    contentType: fc.constant('application/json'),
  }),
  fc.record({
    text: fc.constant('{"a":1}'),
    contentType: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/xml'),
  }),
);

export type BodyRecipe =
  | { kind: 'mutated'; mutations: readonly Mutation[] }
  | { kind: 'any'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string }
  /** Bytes that are not UTF-8 (half a surrogate in CESU-8, an overlong "/"). */
  | { kind: 'bytes'; bytes: number[] };

export const bodyRecipe: fc.Arbitrary<BodyRecipe> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'mutated' as const, mutations: [] }) },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('mutated' as const), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('any' as const), value: fc.oneof(hostileValue, fc.jsonValue()) }) },
  { weight: 1, arbitrary: rawBody.map((raw) => ({ kind: 'raw' as const, ...raw })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom([0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xff, 0xfe], [0xe2, 0x82])
      .map((bad) => ({ kind: 'bytes' as const, bytes: [...Buffer.from('{"title":"'), ...bad, ...Buffer.from('"}')] })),
  },
);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Percent-encoded as a URL: encodeURIComponent refuses half a surrogate pair, so one is sent as the
 * bytes a careless client would write for it (CESU-8, %ED%A0%80), which are not UTF-8.
 */
function encodeAsClient(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '')) + (text.match(LONE_SURROGATE) ? '%ED%A0%80' : '');
}

/** A path parameter's replacement: encoded text, or a raw segment the router has to decode itself. */
export type PathRecipe = { kind: 'valid' } | { kind: 'replace'; param: number; segment: string };

export const pathRecipe: fc.Arbitrary<PathRecipe> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'valid' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      param: fc.nat(),
      segment: fc.oneof(
        oddString.filter((s) => s.length <= 2000).map(encodeAsClient),
        fc.constantFrom('%00', '%ZZ', '%', '%ED%A0%80', '%C0%AF', '..', '.', '%2e%2e', '%2F', '%2Fetc%2Fpasswd', ';', '*', '%20', '00000000-0000-4000-8000-000000000000'),
      ),
    }),
  },
);

/** A query string change: a value replaced or repeated, a parameter dropped or added, raw text appended. */
export type QueryChange =
  | { kind: 'replace'; at: number; value: string }
  | { kind: 'remove'; at: number }
  | { kind: 'repeat'; at: number; value: string }
  | { kind: 'add'; key: string; value: string }
  | { kind: 'raw'; text: string };

export const queryRecipe: fc.Arbitrary<QueryChange[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: oddString }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), value: oddString }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), key: oddString, value: oddString }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        text: fc.constantFrom('&&&', '=', 'a[b]=1', 'page=%ZZ', '__proto__=1', 'constructor[prototype][x]=1', 'from=%ED%A0%80', 'to=%00', 'pageSize=1e400'),
      }),
    },
  ),
  { maxLength: 3 },
);

/** Header values Node will send (latin-1 without control characters), for Idempotency-Key and X-Correlation-Id. */
export const headerValue: fc.Arbitrary<string> = oddString
  .map((s) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, ''))
  .filter((s) => s.length <= 8000);

// ---- applying the recipes -------------------------------------------------------------------

type Path = Array<string | number>;

/** Every node below the root, parents before children, as paths of keys. */
function nodesOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'object' && value !== null && !(value instanceof RawNumber)) {
    for (const [key, item] of Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)) {
      out.push([...path, key]);
      nodesOf(item, [...path, key], out);
    }
  }
  return out;
}

type Node = Record<string | number, unknown>;
const nodeAt = (root: unknown, path: Path): unknown => path.reduce<unknown>((node, key) => (node as Node)[key], root);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy that keeps RawNumbers (immutable) as they are, so mutations never touch a recipe's values. */
function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || value instanceof RawNumber) return value;
  if (Array.isArray(value)) return value.map(copy);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)]));
}

/** Sets an own property even when the key is "__proto__", which a plain assignment turns into a prototype change. */
function setOwn(node: Node, key: string | number, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies the mutations in turn to a copy of `valid`; with no node to change, the root itself changes. */
export function mutate(valid: unknown, mutations: readonly Mutation[]): unknown {
  let body: unknown = copy(valid);
  for (const m of mutations) {
    const nodes = nodesOf(body);
    if (m.kind === 'add') {
      const objects = [[] as Path, ...nodes].filter((path) => isObject(nodeAt(body, path)));
      if (objects.length === 0) body = Object.fromEntries([[m.key, copy(m.value)]]);
      else setOwn(nodeAt(body, objects[m.at % objects.length]) as Node, m.key, copy(m.value));
      continue;
    }
    if (nodes.length === 0) {
      body = m.kind === 'replace' ? copy(m.value) : m.kind === 'wrap' ? [body] : {};
      continue;
    }
    const path = nodes[m.at % nodes.length];
    const parent = nodeAt(body, path.slice(0, -1)) as Node;
    const key = path[path.length - 1];
    if (m.kind === 'replace') setOwn(parent, key, copy(m.value));
    else if (m.kind === 'wrap') setOwn(parent, key, [parent[key]]);
    else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  }
  return body;
}

/** JSON text, with RawNumber written as its own text. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof RawNumber) {
      raws.push(item.text);
      return `__raw_number_${raws.length - 1}__`;
    }
    return item;
  });
  return (text ?? 'null').replace(/"__raw_number_(\d+)__"/g, (_, i: string) => raws[Number(i)]);
}

/** The query string of `valid` after the changes, encoded as a browser would (raw text appended as it is). */
export function queryString(valid: Record<string, string>, changes: readonly QueryChange[]): string {
  const pairs: Array<[string, string]> = Object.entries(valid);
  const raw: string[] = [];
  for (const change of changes) {
    const at = pairs.length > 0 && 'at' in change ? change.at % pairs.length : -1;
    if (change.kind === 'raw') raw.push(change.text);
    else if (change.kind === 'add') pairs.push([change.key, change.value]);
    else if (at < 0) continue;
    else if (change.kind === 'replace') pairs[at] = [pairs[at][0], change.value];
    else if (change.kind === 'repeat') pairs.push([pairs[at][0], change.value]);
    else pairs.splice(at, 1);
  }
  return [...pairs.map(([k, v]) => `${encodeAsClient(k)}=${encodeAsClient(v)}`), ...raw].join('&');
}
