import { County, createCounty, uniqueSuffix } from '../factories/county.factory';
import { createUser, expectError } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

describe('retrying a filing with an Idempotency-Key', () => {
  let api: TestApi;
  let county: County;
  /** A second grid worker of the home grid. */
  let colleague: string;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    colleague = await createUser(api.http, api.adminToken, {
      username: `colleague-${county.suffix}`,
      role: 'grid_worker',
      gridCodes: [county.grids.home],
    });
  });
  afterAll(() => api.close());

  const file = (token: string, body: object, key?: string) => {
    const call = api.http.post('/api/v1/requests').set(bearer(token));
    if (key !== undefined) call.set('Idempotency-Key', key);
    return call.send(body);
  };
  /** Requests in the home grid, counted by the admin, who sees them all. */
  const total = async (): Promise<number> => {
    const response = await api.http.get('/api/v1/requests').query({ gridCode: county.grids.home }).set(bearer(api.adminToken));
    expect(response.status).toBe(200);
    return response.body.total as number;
  };
  const newKey = () => `filing-${uniqueSuffix()}`;

  it('gives the same 201 answer to a retry and files only once', async () => {
    const before = await total();
    const key = newKey();
    const body = requestBody(county, { title: `Retried ${key}` });
    const first = await file(county.tokens.worker, body, key);
    const second = await file(county.tokens.worker, body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.trackingNo).toBe(first.body.trackingNo);
    expect(await total()).toBe(before + 1);
    const list = await api.http.get('/api/v1/requests').query({ gridCode: county.grids.home, pageSize: 100 }).set(bearer(api.adminToken));
    expect(list.body.items.filter((r: { title: string }) => r.title === `Retried ${key}`)).toHaveLength(1);
  });

  it('treats the same body with its properties in another order as the same filing', async () => {
    const before = await total();
    const key = newKey();
    const body = requestBody(county, { title: `Reordered ${key}` });
    const first = await file(county.tokens.worker, body, key);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await file(county.tokens.worker, reordered, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await total()).toBe(before + 1);
  });

  it('files twice without a key', async () => {
    const before = await total();
    const body = requestBody(county, { title: `No key ${uniqueSuffix()}` });
    const first = await file(county.tokens.worker, body);
    const second = await file(county.tokens.worker, body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(await total()).toBe(before + 2);
  });

  it('answers 409 when the same key comes with a different body, and files nothing more', async () => {
    const key = newKey();
    const first = await file(county.tokens.worker, requestBody(county, { title: `Original ${key}` }), key);
    expect(first.status).toBe(201);
    const before = await total();
    const changed = await file(county.tokens.worker, requestBody(county, { title: `Changed ${key}` }), key);
    expectError(changed, 409, 'Idempotency-Key');
    expect(changed.body.id).toBeUndefined();
    expect(await total()).toBe(before);
    // The key still answers with the first filing.
    const again = await file(county.tokens.worker, requestBody(county, { title: `Original ${key}` }), key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('gives ten concurrent filings with one key the same answer and files once', async () => {
    const before = await total();
    const key = newKey();
    const body = requestBody(county, { title: `Concurrent ${key}`, description: 'Sent ten times over a flaky network.' });
    const responses = await Promise.all(Array.from({ length: 10 }, () => file(county.tokens.worker, body, key)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = new Set(responses.map((r) => r.body.id));
    const trackingNos = new Set(responses.map((r) => r.body.trackingNo));
    expect(ids.size).toBe(1);
    expect(trackingNos.size).toBe(1);
    expect(await total()).toBe(before + 1);
    const filed = await api.http.get(`/api/v1/requests/${[...ids][0]}`).set(bearer(county.tokens.worker));
    expect(filed.status).toBe(200);
    expect(filed.body.title).toBe(`Concurrent ${key}`);
  });

  it('keeps keys apart per user: two workers may use the same key for their own filings', async () => {
    const before = await total();
    const key = newKey();
    const body = requestBody(county, { title: `Shared key ${key}` });
    const mine = await file(county.tokens.worker, body, key);
    const theirs = await file(colleague, body, key);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.trackingNo).not.toBe(mine.body.trackingNo);
    expect(await total()).toBe(before + 2);
    // And each one's retry still answers with their own filing.
    expect((await file(colleague, body, key)).body.id).toBe(theirs.body.id);
    expect((await file(county.tokens.worker, body, key)).body.id).toBe(mine.body.id);
  });

  it('does not use up a key on a rejected filing', async () => {
    const before = await total();
    const key = newKey();
    const rejected = await file(county.tokens.worker, requestBody(county, { categoryCode: `ghost-${uniqueSuffix()}` }), key);
    expectError(rejected, 400, 'categoryCode');
    expect(await total()).toBe(before);
    const accepted = await file(county.tokens.worker, requestBody(county, { title: `After a rejection ${key}` }), key);
    expect(accepted.status).toBe(201);
    expect(accepted.body.title).toBe(`After a rejection ${key}`);
    expect(await total()).toBe(before + 1);
  });

  it("does not let a key replay another grid worker's answer", async () => {
    const key = newKey();
    const mine = await file(county.tokens.worker, requestBody(county, { title: `Private ${key}` }), key);
    expect(mine.status).toBe(201);
    // Same key, a body for the other grid, from the other grid's worker: a filing of their own.
    const theirs = await file(county.tokens.otherWorker, requestBody(county, { gridCode: county.grids.other, title: `Private ${key}` }), key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.gridCode).toBe(county.grids.other);
  });
});
