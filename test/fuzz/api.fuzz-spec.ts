import fc from 'fast-check';
import request from 'supertest';
import { TestDatabase } from '../support/database';
import { startTestApi, TestApi } from '../support/test-api';
import { FUZZ_ENDPOINTS, FuzzEndpoint } from './endpoints';
import { bodyRecipe, BodyRecipe, headerValue, mutate, pathRecipe, PathRecipe, QueryChange, queryRecipe, queryString, toJsonText } from './inputs';
import { changedTables, WriteFingerprint } from './write-fingerprint';
import { FuzzWorld } from './world';

/** `npm test` runs 2,000 cases, `npm run fuzz` 10,000; FUZZ_SEED replays a run (the seed is printed on failure). */
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Cases use fixtures up (a claim claims); every so often the world gets fresh ones and its settings back. */
const RENEW_EVERY = 100;

type Part = 'body' | 'path' | 'query' | 'headers';

interface FuzzCase {
  endpoint: number;
  /**
   * Which parts of the valid request change (picked among those the endpoint has, a body most
   * often); the others stay valid, so the change is what gets judged. None: the valid request.
   */
  parts: readonly number[];
  body: BodyRecipe;
  path: PathRecipe;
  query: QueryChange[];
  header: string;
}

const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  endpoint: fc.nat(),
  parts: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 20, arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }) }),
  body: bodyRecipe,
  path: pathRecipe,
  query: queryRecipe,
  header: headerValue,
});

/** The parts of an endpoint's request a case can change, weighted: bodies and paths hold the most input. */
function partsOf(endpoint: FuzzEndpoint): Part[] {
  return [
    ...(endpoint.method === 'GET' ? [] : (['body', 'body', 'body', 'body'] as const)),
    ...(endpoint.params ? (['path', 'path'] as const) : []),
    'query' as const,
    'headers' as const,
  ];
}

interface Sent {
  endpoint: FuzzEndpoint;
  method: string;
  url: string;
  contentType?: string;
  payload?: string | Buffer;
  /** A multipart form instead of a payload. */
  form?: { fields: Record<string, string>; file: { name: string; bytes: Buffer } };
  headers: Record<string, string>;
}

/** The request a case stands for, built from the endpoint's valid request in the world as it is now. */
function build(world: FuzzWorld, c: FuzzCase): Sent {
  const endpoint = FUZZ_ENDPOINTS[c.endpoint % FUZZ_ENDPOINTS.length];
  const parts = partsOf(endpoint);
  const changes = new Set(c.parts.map((i) => parts[i % parts.length]));
  const params = endpoint.params?.(world) ?? {};
  const names = Object.keys(params);
  const segments: Record<string, string> = Object.fromEntries(names.map((name) => [name, encodeURIComponent(params[name])]));
  if (changes.has('path') && c.path.kind === 'replace' && names.length > 0) segments[names[c.path.param % names.length]] = c.path.segment;
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => segments[name]);
  const query = queryString(endpoint.query?.(world) ?? {}, changes.has('query') ? c.query : []);
  const prefix = endpoint.path.startsWith('/dashboard') ? '' : '/api/v1';
  const url = `${prefix}${path}${query ? `?${query}` : ''}`;

  const headers = { ...(endpoint.headers?.(world) ?? {}) };
  if (changes.has('headers')) {
    const name = Object.keys(headers)[0] ?? 'X-Correlation-Id';
    headers[name] = c.header;
  }
  const token = endpoint.as(world);
  if (token) headers.Authorization = `Bearer ${token}`;

  const sent: Sent = { endpoint, method: endpoint.method, url, headers };
  if (endpoint.method === 'GET') return sent;
  const recipe: BodyRecipe = changes.has('body') ? c.body : { kind: 'mutated', mutations: [] };
  if (endpoint.form) return { ...sent, ...formOf(endpoint.form(world), recipe) };
  const valid = endpoint.body?.(world) ?? {};
  switch (recipe.kind) {
    case 'mutated':
      return { ...sent, contentType: 'application/json', payload: toJsonText(mutate(valid, recipe.mutations)) };
    case 'any':
      return { ...sent, contentType: 'application/json', payload: toJsonText(recipe.value) };
    case 'raw':
      return { ...sent, contentType: recipe.contentType, payload: recipe.text };
    case 'bytes':
      return { ...sent, contentType: 'application/json', payload: Buffer.from(recipe.bytes) };
    default: {
      const unknown: never = recipe;
      throw new Error(`unknown body recipe ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * A multipart endpoint's case: the fields changed as a JSON body would be (values turned to text),
 * the file's bytes replaced by a recipe's, or a JSON or raw body where the form belongs.
 */
function formOf(valid: NonNullable<Sent['form']>, recipe: BodyRecipe): Pick<Sent, 'form' | 'contentType' | 'payload'> {
  switch (recipe.kind) {
    case 'mutated': {
      const mutated = mutate(valid.fields, recipe.mutations);
      const fields =
        typeof mutated === 'object' && mutated !== null && !Array.isArray(mutated)
          ? Object.fromEntries(Object.entries(mutated).map(([name, value]) => [name, typeof value === 'string' ? value : toJsonText(value)]))
          : {};
      return { form: { fields, file: valid.file } };
    }
    case 'any':
      return { contentType: 'application/json', payload: toJsonText(recipe.value) };
    case 'raw':
      return { contentType: recipe.contentType, payload: recipe.text };
    case 'bytes':
      return { form: { fields: valid.fields, file: { name: valid.file.name, bytes: Buffer.from(recipe.bytes) } } };
    default: {
      const unknown: never = recipe;
      throw new Error(`unknown body recipe ${JSON.stringify(unknown)}`);
    }
  }
}

function describeSent(sent: Sent): string {
  const payload = sent.form
    ? `form ${JSON.stringify(sent.form.fields).slice(0, 500)}, file ${sent.form.file.name} (bytes ${sent.form.file.bytes.subarray(0, 64).toString('hex')})`
    : sent.payload === undefined
      ? ''
      : Buffer.isBuffer(sent.payload)
        ? `bytes ${sent.payload.toString('hex')}`
        : sent.payload;
  const headers = Object.entries(sent.headers)
    .filter(([name]) => name !== 'Authorization')
    .map(([name, value]) => `${name}: ${JSON.stringify(value.slice(0, 200))}`);
  return [`${sent.method} ${sent.url.slice(0, 500)}`, ...headers, sent.contentType ? `Content-Type: ${sent.contentType}` : '', payload.slice(0, 1000)]
    .filter(Boolean)
    .join('\n  ');
}

/** What a case found wrong with the answer, as opposed to an error in the tier itself. */
class FuzzFailure extends Error {}

type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';

describe(`fuzz: ${CASES} generated requests (seed ${SEED})`, () => {
  let api: TestApi;
  let db: TestDatabase;
  let world: FuzzWorld;
  let fingerprint: WriteFingerprint;
  const counts = new Map<string, Record<StatusClass, number>>();
  let casesSeconds = 0;

  beforeAll(async () => {
    api = await startTestApi();
    db = new TestDatabase();
    world = await FuzzWorld.create(api.http, api.adminToken);
    fingerprint = await WriteFingerprint.install(db);
  });
  afterAll(async () => {
    const totals: Record<StatusClass, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    const lines = [...counts.entries()].map(([name, byClass]) => {
      for (const key of Object.keys(totals) as StatusClass[]) totals[key] += byClass[key];
      return `  ${name.padEnd(52)} ${String(byClass['2xx']).padStart(5)} ${String(byClass['4xx']).padStart(5)} ${String(byClass['5xx']).padStart(5)}`;
    });
    const ran = Object.values(totals).reduce((a, b) => a + b, 0);
    process.stdout.write(
      [
        '',
        `fuzz: ${ran} cases in ${casesSeconds.toFixed(1)} s, seed ${SEED}: 2xx ${totals['2xx']}, 3xx ${totals['3xx']}, 4xx ${totals['4xx']}, 5xx ${totals['5xx']}`,
        `  ${'endpoint'.padEnd(52)} ${'2xx'.padStart(5)} ${'4xx'.padStart(5)} ${'5xx'.padStart(5)}`,
        ...lines.sort(),
        '',
      ].join('\n'),
    );
    await db?.close();
    await api?.close();
  });

  /** Sends a case and counts its answer by endpoint and status class. */
  const send = async (c: FuzzCase): Promise<{ sent: Sent; response: request.Response }> => {
    const sent = build(world, c);
    const call = api.http[sent.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](sent.url).set(sent.headers);
    if (sent.form) {
      for (const [name, value] of Object.entries(sent.form.fields)) call.field(name, value);
      call.attach('file', sent.form.file.bytes, sent.form.file.name);
    }
    if (sent.contentType) call.set('Content-Type', sent.contentType);
    const response = sent.payload === undefined ? await call : await call.send(sent.payload);
    const name = `${sent.endpoint.method} ${sent.endpoint.path}`;
    const byClass = counts.get(name) ?? { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    byClass[`${Math.floor(response.status / 100)}xx` as StatusClass] += 1;
    counts.set(name, byClass);
    return { sent, response };
  };

  // The cases are changes to these requests: each must work as it is, or the changes test little.
  it('answers the valid request of every endpoint in the table with a 2xx', async () => {
    const answers: string[] = [];
    for (const [endpoint, { method, path }] of FUZZ_ENDPOINTS.entries()) {
      const { response } = await send({ endpoint, parts: [], body: { kind: 'mutated', mutations: [] }, path: { kind: 'valid' }, query: [], header: '' });
      if (response.status >= 300) answers.push(`${method} ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    }
    expect(answers).toEqual([]);
  });

  it('answers every request without a 5xx, refuses in the error shape, and writes nothing when it refuses', async () => {
    // The summary counts the generated cases only, not the valid requests above.
    counts.clear();
    const started = Date.now();
    let run = 0;
    const property = fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        if (run % RENEW_EVERY === 0) await world.renew();
        run += 1;
        const before = await fingerprint.take();
        const { sent, response } = await send(c);

        const fail = (why: string): never => {
          throw new FuzzFailure(`${why}\n  ${describeSent(sent)}\n  -> ${response.status} ${JSON.stringify(response.body).slice(0, 500)}\n  replay: FUZZ_SEED=${SEED} FUZZ_CASES=${CASES} npm run fuzz`);
        };
        if (response.status >= 500) fail('a 5xx');
        if (response.status < 300) return;
        const body = response.body as Record<string, unknown>;
        const shaped =
          /^application\/json/.test(response.headers['content-type'] ?? '') &&
          body.statusCode === response.status &&
          typeof body.error === 'string' &&
          typeof body.message === 'string' &&
          (body.code === undefined || typeof body.code === 'string');
        if (!shaped) fail('a refusal not in the error shape {statusCode, error, message, code?}');
        const changed = changedTables(before, await fingerprint.take());
        if (changed.length > 0) fail(`a refused request changed tables: ${changed.join('; ')}`);
      }),
      {
        seed: SEED,
        numRuns: CASES,
        // No shrinking: cases change the world, so a smaller case replayed later is another case.
        endOnFailure: true,
        // The failing request as sent, not fast-check's print of the recipe (which can run to megabytes).
        reporter: (details) => {
          if (!details.failed) return;
          // A failure of ours carries the request; anything else (an error in the tier itself) its stack.
          const error = details.errorInstance;
          const cause = error instanceof FuzzFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
          throw new Error(`fuzz case ${details.numRuns} of ${CASES} failed (seed ${SEED}, fast-check path ${details.counterexamplePath}): ${cause}`);
        },
      },
    );
    await property.finally(() => (casesSeconds = (Date.now() - started) / 1000));
    // Every endpoint of the table got cases (unless the run is too short to reach them all).
    if (CASES >= FUZZ_ENDPOINTS.length * 10) {
      const untouched = FUZZ_ENDPOINTS.map((e) => `${e.method} ${e.path}`).filter((name) => !counts.has(name));
      expect(untouched).toEqual([]);
    }
  });
});
