import { TEST_PASSWORD, uniqueSuffix } from '../factories/county.factory';
import { expectError, fileRequest } from '../factories/http-helpers';
import { bearer, startTestApi, TestApi } from '../support/test-api';

/** Small limits, so the tests reach them; behind a "proxy" on loopback, so X-Forwarded-For names each test's client. */
const LIMITS = {
  SIGN_IN_MAX_FAILURES: '3',
  SIGN_IN_LOCKOUT_SECONDS: '2',
  SIGN_IN_PER_ADDRESS_PER_MINUTE: '5',
  TRACK_PER_ADDRESS_PER_MINUTE: '5',
  TRUST_PROXY: 'loopback',
};

/** One app per process as far as prom-client's default registry goes: the previous one is closed first. */
async function startAnotherApi(env: Record<string, string>): Promise<TestApi> {
  (await import('prom-client')).register.clear();
  return startTestApi({ env });
}

describe('sign-in throttling and the tracking page limit over HTTP', () => {
  let api: TestApi;
  let grid: string;
  let clientNo = 0;
  /** A client address of its own for each use, so the per-address limit only bites where a test means it to. */
  const newClient = (): Record<string, string> => ({ 'X-Forwarded-For': `203.0.113.${++clientNo}` });

  beforeAll(async () => {
    api = await startTestApi({ env: LIMITS });
    // Set up as the admin only: every sign-in from here counts against a per-address limit of 5.
    grid = `G-${uniqueSuffix()}`;
    expect((await api.http.post('/api/v1/grids').set(bearer(api.adminToken)).send({ code: grid, name: 'Throttled grid' })).status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  const signIn = (username: string, password: string, on = api, client = newClient()) =>
    on.http.post('/api/v1/auth/token').set(client).send({ username, password });
  const newUser = async (role = 'leader'): Promise<string> => {
    const username = `thr-${uniqueSuffix()}`;
    const created = await api.http
      .post('/api/v1/users')
      .set(bearer(api.adminToken))
      .send({ username, password: TEST_PASSWORD, role, gridCodes: [grid] });
    expect(created.status).toBe(201);
    return username;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const expectTooMany = (response: { status: number; body: any; headers: Record<string, string> }, code: string): number => {
    expectError(response, 429);
    expect(response.body.code).toBe(code);
    expect(response.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(response.body.accessToken).toBeUndefined();
    return Number(response.headers['retry-after']);
  };

  describe('per account', () => {
    it('locks the account after the allowed failures, even for the right password, and unlocks it by itself', async () => {
      const username = await newUser();
      for (let i = 0; i < 3; i++) expectError(await signIn(username, 'wrong password here'), 401);
      const locked = await signIn(username, TEST_PASSWORD);
      const retryAfter = expectTooMany(locked, 'AUTH.LOCKED_OUT');
      expect(retryAfter).toBeLessThanOrEqual(2);
      expect(locked.body.message).toContain('try again');

      await sleep(retryAfter * 1000);
      expect((await signIn(username, TEST_PASSWORD)).status).toBe(200);
    });

    it('starts counting afresh after a successful sign-in', async () => {
      const username = await newUser();
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 2; i++) expectError(await signIn(username, 'wrong password here'), 401);
        expect((await signIn(username, TEST_PASSWORD)).status).toBe(200);
      }
    });

    it('counts the username whatever its case, and locks unknown usernames alike', async () => {
      const username = await newUser();
      for (const typed of [username.toUpperCase(), username, username.toUpperCase()]) expectError(await signIn(typed, 'wrong password here'), 401);
      expectTooMany(await signIn(username, TEST_PASSWORD), 'AUTH.LOCKED_OUT');

      const ghost = `ghost-${uniqueSuffix()}`;
      for (let i = 0; i < 3; i++) expectError(await signIn(ghost, 'wrong password here'), 401);
      expectTooMany(await signIn(ghost, 'wrong password here'), 'AUTH.LOCKED_OUT');
    });

    it('lets no more than the allowed guesses through when they come all at once', async () => {
      const username = await newUser();
      const answers = await Promise.all(Array.from({ length: 12 }, () => signIn(username, 'wrong password here')));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 401)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(9);
    });

    it('lets every sign-in with the right password in when they come all at once (one account on several phones)', async () => {
      const username = await newUser();
      const answers = await Promise.all(Array.from({ length: 8 }, () => signIn(username, TEST_PASSWORD)));
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    });
  });

  describe('per client address', () => {
    it('answers 429 with Retry-After past the limit, to that address only', async () => {
      const client = newClient();
      for (let i = 0; i < 5; i++) expectError(await signIn(`nobody-${uniqueSuffix()}`, 'wrong password here', api, client), 401);
      const username = await newUser();
      const limited = await signIn(username, TEST_PASSWORD, api, client);
      expect(expectTooMany(limited, 'HTTP.RATE_LIMITED')).toBeLessThanOrEqual(60);
      expect((await signIn(username, TEST_PASSWORD, api, newClient())).status).toBe(200);
    });

  });

  describe('the tracking page', () => {
    it('answers 429 with Retry-After past the per-address limit, and others still get their answer', async () => {
      const category = `cat-${uniqueSuffix()}`;
      const department = `dept-${uniqueSuffix()}`;
      await api.http.post('/api/v1/departments').set(bearer(api.adminToken)).send({ code: department, name: 'Lights' });
      await api.http
        .post('/api/v1/categories')
        .set(bearer(api.adminToken))
        .send({ code: category, name: 'Street light', leadDepartment: department, assistingDepartments: [] });
      const worker = (await signIn(await newUser('grid_worker'), TEST_PASSWORD)).body.accessToken as string;
      const filed = await fileRequest(api.http, worker, { gridCode: grid, categoryCode: category, title: 'Light out', description: 'Dark since Monday' });
      const client = newClient();
      const track = (headers: Record<string, string>) => api.http.get(`/api/v1/track/${filed.trackingNo}`).set(headers);
      for (let i = 0; i < 5; i++) expect((await track(client)).status).toBe(200);
      const limited = await track(client);
      expectTooMany(limited, 'HTTP.RATE_LIMITED');
      expect(limited.body.trackingNo).toBeUndefined();
      expect((await track(newClient())).status).toBe(200);
    });
  });

  // Last: these replace the api above with others, one at a time.
  describe('across replicas and proxies', () => {
    it('keeps a lock in the database: a fresh api process (another replica) refuses the account too', async () => {
      const username = await newUser();
      await api.close();
      api = await startAnotherApi({ ...LIMITS, SIGN_IN_LOCKOUT_SECONDS: '120' });
      for (let i = 0; i < 3; i++) expectError(await signIn(username, 'wrong password here'), 401);
      await api.close();
      api = await startAnotherApi({ ...LIMITS, SIGN_IN_LOCKOUT_SECONDS: '120' });
      expect(expectTooMany(await signIn(username, TEST_PASSWORD), 'AUTH.LOCKED_OUT')).toBeGreaterThan(60);
    });

    it('does not let a client that is not behind a trusted proxy choose its address with X-Forwarded-For', async () => {
      await api.close();
      api = await startAnotherApi({ ...LIMITS, TRUST_PROXY: 'false' });
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push((await signIn(`nobody-${uniqueSuffix()}`, 'wrong password here')).status);
      // The admin's sign-in as the api started was the first of the five from 127.0.0.1.
      expect(answers).toEqual([401, 401, 401, 401, 429, 429]);
    });
  });
});
