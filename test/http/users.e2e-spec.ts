import { County, createCounty, TEST_PASSWORD, uniqueSuffix } from '../factories/county.factory';
import { expectError } from '../factories/http-helpers';
import { TestDatabase } from '../support/database';
import { bearer, signIn, startTestApi, TestApi } from '../support/test-api';

describe('keeping users over HTTP', () => {
  let api: TestApi;
  let county: County;
  let db: TestDatabase;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken, 1);
    db = new TestDatabase();
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  const admin = () => bearer(api.adminToken);
  const createUser = (body: Record<string, unknown>) => api.http.post('/api/v1/users').set(admin()).send({ password: TEST_PASSWORD, ...body });
  const patch = (id: string, body: object, token = api.adminToken) => api.http.patch(`/api/v1/users/${id}`).set(bearer(token)).send(body);
  const resetPassword = (id: string, password: string, token = api.adminToken) =>
    api.http.post(`/api/v1/users/${id}/password`).set(bearer(token)).send({ password });
  const signInAs = (username: string, password = TEST_PASSWORD) => api.http.post('/api/v1/auth/token').send({ username, password });
  /** A fresh grid worker of the home grid, with its id and a signed-in token. */
  const newWorker = async (): Promise<{ id: string; username: string; token: string }> => {
    const username = `w-${uniqueSuffix()}`;
    const created = await createUser({ username, role: 'grid_worker', gridCodes: [county.grids.home] });
    expect(created.status).toBe(201);
    return { id: created.body.id, username, token: await signIn(api.http, username, TEST_PASSWORD) };
  };
  const canRead = async (token: string) => (await api.http.get('/api/v1/requests').set(bearer(token))).status;

  describe('the user list', () => {
    it('is for admins only', async () => {
      for (const token of [county.tokens.worker, county.tokens.leadStaff[0], county.tokens.leader]) {
        const response = await api.http.get('/api/v1/users').set(bearer(token));
        expectError(response, 403);
        expect(JSON.stringify(response.body)).not.toContain(county.users.leader);
      }
      const list = await api.http.get('/api/v1/users').set(admin());
      expect(list.status).toBe(200);
      expect(list.body.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(Object.values(county.users)));
      expect(JSON.stringify(list.body)).not.toMatch(/password|scrypt/i);
    });
  });

  describe('the password policy', () => {
    it('refuses a password shorter than 10 characters, naming the field', async () => {
      const username = `policy-${uniqueSuffix()}`;
      expectError(await createUser({ username, password: 'Xk9#mQ2!z', role: 'admin' }), 400, 'password', '10 characters');
      expect((await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).length).toBe(0);
    });

    it.each([
      ['a common password', () => '1234567890', 'common'],
      ['another common one, whatever its case', () => 'QWERTYUIOP', 'common'],
      ['a common Chinese one', () => 'woaini1314', 'common'],
      ['the username itself', (u: string) => u, 'username'],
      ['the username with a suffix', (u: string) => `${u.toUpperCase()}-2026!`, 'username'],
    ])('refuses %s on creation, naming the password and creating nothing', async (_case, password, why) => {
      const username = `policy-${uniqueSuffix()}`;
      const response = await createUser({ username, password: password(username), role: 'admin' });
      expectError(response, 400, 'password', why);
      expect(response.body.code).toBe('IDENTITY.WEAK_PASSWORD');
      expect((await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).length).toBe(0);
    });

    it('accepts a long uncommon password', async () => {
      const response = await createUser({ username: `strong-${uniqueSuffix()}`, password: 'grid lamps at dusk 2026', role: 'admin' });
      expect(response.status).toBe(201);
    });
  });

  describe('usernames', () => {
    it('are unique whatever their case, and sign-in ignores the case', async () => {
      const username = `Case-${uniqueSuffix()}`;
      expect((await createUser({ username, role: 'leader', gridCodes: [county.grids.home] })).status).toBe(201);
      expectError(await createUser({ username: username.toLowerCase(), role: 'leader', gridCodes: [county.grids.home] }), 409, 'username');
      expect((await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).length).toBe(1);
      const upper = await signInAs(username.toUpperCase());
      expect(upper.status).toBe(200);
    });
  });

  describe('disabling a user', () => {
    it('refuses the tokens already issued at once, and sign-in, until enabled again', async () => {
      const worker = await newWorker();
      expect(await canRead(worker.token)).toBe(200);
      const disabled = await patch(worker.id, { disabled: true });
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: worker.id, username: worker.username, disabled: true });

      const refused = await api.http.get('/api/v1/requests').set(bearer(worker.token));
      expectError(refused, 401);
      expect(refused.body.code).toBe('AUTH.TOKEN_REVOKED');
      const again = await signInAs(worker.username);
      expectError(again, 401, 'disabled');

      expect((await patch(worker.id, { disabled: false })).body.disabled).toBe(false);
      expect(await canRead(worker.token)).toBe(401);
      expect(await canRead(await signIn(api.http, worker.username, TEST_PASSWORD))).toBe(200);
    });

    it("ends a leader's open live stream within seconds, not when the tab is closed", async () => {
      const username = `l-${uniqueSuffix()}`;
      const created = await createUser({ username, role: 'leader', gridCodes: [county.grids.home] });
      const token = await signIn(api.http, username, TEST_PASSWORD);
      const baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
      const stream = await fetch(`${baseUrl}/api/v1/monitoring/stream?access_token=${token}`);
      expect(stream.status).toBe(200);
      const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
      expect((await patch(created.body.id, { disabled: true })).status).toBe(200);
      const disabledAt = Date.now();
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
      // The stream checks its token every 5 s.
      expect(Date.now() - disabledAt).toBeLessThan(15_000);
    });

    it('refuses the token of a user deleted from the database', async () => {
      const worker = await newWorker();
      await db.query('DELETE FROM users WHERE id = $1', [worker.id]);
      expectError(await api.http.get('/api/v1/grids').set(bearer(worker.token)), 401);
    });
  });

  describe('changing role and scope', () => {
    it('applies at once: the old token is refused and a new sign-in carries the new scope', async () => {
      const worker = await newWorker();
      const changed = await patch(worker.id, { gridCodes: [county.grids.other] });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ role: 'grid_worker', gridCodes: [county.grids.other], departmentCode: null });
      expectError(await api.http.get('/api/v1/requests').set(bearer(worker.token)), 401);

      const token = await signIn(api.http, worker.username, TEST_PASSWORD);
      const home = await api.http.get('/api/v1/requests').query({ gridCode: county.grids.home }).set(bearer(token));
      expect(home.body.total).toBe(0);

      const staff = await patch(worker.id, { role: 'dept_staff', departmentCode: county.departments.single });
      expect(staff.body).toMatchObject({ role: 'dept_staff', gridCodes: [], departmentCode: county.departments.single });
      expectError(await api.http.get('/api/v1/requests').set(bearer(token)), 401);
      const queue = await api.http.get('/api/v1/assignments').set(bearer(await signIn(api.http, worker.username, TEST_PASSWORD)));
      expect(queue.status).toBe(200);
    });

    it('keeps the tokens of a user when a change says again what already holds', async () => {
      const worker = await newWorker();
      const same = await patch(worker.id, { role: 'grid_worker', gridCodes: [county.grids.home], disabled: false });
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({ role: 'grid_worker', gridCodes: [county.grids.home], disabled: false });
      expect(await canRead(worker.token)).toBe(200);
      expect((await db.query("SELECT 1 FROM audit_log WHERE target_id = $1 AND action = 'user.updated'", [worker.id])).length).toBe(0);
    });

    it('refuses a scope that does not fit the role, an unknown grid or department, or an unknown user, changing nothing', async () => {
      const worker = await newWorker();
      expectError(await patch(worker.id, { role: 'leader' }), 400, 'gridCodes');
      expectError(await patch(worker.id, { role: 'dept_staff' }), 400, 'departmentCode');
      expectError(await patch(worker.id, { gridCodes: ['G-nowhere'] }), 400, 'G-nowhere');
      expectError(await patch(worker.id, { role: 'dept_staff', departmentCode: 'nowhere' }), 400, 'nowhere');
      expectError(await patch(worker.id, { role: 'emperor' }), 400, 'role');
      expectError(await patch(worker.id, { username: 'renamed' }), 400, 'username');
      expectError(await patch('00000000-0000-4000-8000-000000000000', { disabled: true }), 404);
      expect(await canRead(worker.token)).toBe(200);
    });

    it('is for admins only', async () => {
      const worker = await newWorker();
      for (const token of [worker.token, county.tokens.leader, county.tokens.leadStaff[0]]) {
        expectError(await patch(worker.id, { disabled: true }, token), 403);
        expectError(await resetPassword(worker.id, 'a brand new secret 42', token), 403);
      }
      expect(await canRead(worker.token)).toBe(200);
    });
  });

  describe('resetting a password', () => {
    it('applies the policy, refuses the old password and the tokens issued before', async () => {
      const worker = await newWorker();
      expectError(await resetPassword(worker.id, 'password123'), 400, 'password');
      expectError(await resetPassword(worker.id, `${worker.username}-again`), 400, 'username');
      expect(await canRead(worker.token)).toBe(200);

      expect((await resetPassword(worker.id, 'a brand new secret 42')).status).toBe(204);
      expectError(await api.http.get('/api/v1/requests').set(bearer(worker.token)), 401);
      expectError(await signInAs(worker.username), 401);
      expect((await signInAs(worker.username, 'a brand new secret 42')).status).toBe(200);
    });
  });

  describe('the last admin', () => {
    it('cannot be disabled or demoted, so someone can always keep the county', async () => {
      const [{ count }] = await db.query<{ count: string }>("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL");
      const admins = (await api.http.get('/api/v1/users').set(admin())).body.filter((u: { role: string; disabled: boolean }) => u.role === 'admin' && !u.disabled);
      expect(admins).toHaveLength(Number(count));
      // Disable every other admin first, then the last one must hold.
      const self = admins.find((u: { username: string }) => u.username === 'admin');
      const others = admins.filter((u: { id: string }) => u.id !== self.id);
      for (const other of others) expect((await patch(other.id, { disabled: true })).status).toBe(200);
      expectError(await patch(self.id, { disabled: true }), 409, 'last');
      expectError(await patch(self.id, { role: 'leader', gridCodes: [county.grids.home] }), 409, 'last');
      for (const other of others) expect((await patch(other.id, { disabled: false })).status).toBe(200);
      expect(await canRead(api.adminToken)).toBe(200);
    });
  });
});
