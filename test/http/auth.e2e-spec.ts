import { JwtService } from '@nestjs/jwt';
import { County, createCounty, TEST_PASSWORD, uniqueSuffix } from '../factories/county.factory';
import { createSmallCategory, expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { TEST_JWT_SECRET } from '../support/environment';
import { bearer, startTestApi, TestApi } from '../support/test-api';

describe('who may do what over HTTP', () => {
  let api: TestApi;
  let county: County;
  /** A joint case (lead + assisting department) and a grid task, both filed in the home grid. */
  let joint: Record<string, any>;
  let gridTask: Record<string, any>;
  let leadAssignmentId: string;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    joint = await fileRequest(api.http, county.tokens.worker, requestBody(county, { major: true }));
    const smallCategory = await createSmallCategory(api.http, api.adminToken, county);
    gridTask = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: smallCategory }));
    expect(joint.route).toBe('joint');
    expect(gridTask.route).toBe('grid');
    leadAssignmentId = joint.assignments.find((a: { role: string }) => a.role === 'lead').id;
  });
  afterAll(() => api.close());

  describe('sign-in', () => {
    it('gives a token for the right password and 401 for a wrong one or an unknown user, alike', async () => {
      const ok = await api.http.post('/api/v1/auth/token').send({ username: county.users.worker, password: TEST_PASSWORD });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual(expect.objectContaining({ accessToken: expect.any(String), expiresIn: expect.any(Number) }));
      expect(ok.body.expiresIn).toBeGreaterThan(0);

      const wrongPassword = await api.http.post('/api/v1/auth/token').send({ username: county.users.worker, password: 'not-the-password' });
      const unknownUser = await api.http.post('/api/v1/auth/token').send({ username: `ghost-${uniqueSuffix()}`, password: TEST_PASSWORD });
      expectError(wrongPassword, 401);
      expectError(unknownUser, 401);
      expect(wrongPassword.body.accessToken).toBeUndefined();
      // The two failures must not tell an attacker which usernames exist.
      expect(unknownUser.body.message).toBe(wrongPassword.body.message);
    });

    it('lets the new token in', async () => {
      const ok = await api.http.post('/api/v1/auth/token').send({ username: county.users.leader, password: TEST_PASSWORD });
      const me = await api.http.get('/api/v1/grids').set(bearer(ok.body.accessToken));
      expect(me.status).toBe(200);
    });
  });

  describe('401 without a valid token', () => {
    const jwt = new JwtService({});
    const claimsOf = (role: string) => ({ sub: '00000000-0000-4000-8000-000000000001', name: 'admin', role, grids: [], dept: null });
    const badTokens: Array<[string, () => Record<string, string>]> = [
      ['no Authorization header', () => ({})],
      ['a garbage bearer token', () => bearer('garbage')],
      ['a malformed Authorization header', () => ({ Authorization: 'Token abc def' })],
      [
        'an expired token',
        () => bearer(jwt.sign({ ...claimsOf('admin'), exp: Math.floor(Date.now() / 1000) - 60 }, { secret: TEST_JWT_SECRET, algorithm: 'HS256' })),
      ],
      ['a token signed with another secret', () => bearer(jwt.sign(claimsOf('admin'), { secret: 'x'.repeat(40), algorithm: 'HS256' }))],
      [
        'an unsigned token',
        () => bearer(`${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claimsOf('admin'))).toString('base64url')}.`),
      ],
    ];
    const endpoints: Array<[string, string, object?]> = [
      ['get', '/api/v1/requests'],
      ['get', '/api/v1/requests/00000000-0000-4000-8000-000000000000'],
      ['post', '/api/v1/requests', {}],
      ['get', '/api/v1/assignments'],
      ['post', '/api/v1/assignments/00000000-0000-4000-8000-000000000000/claim'],
      ['get', '/api/v1/grids'],
      ['post', '/api/v1/grids', { code: 'G-x', name: 'x' }],
      ['get', '/api/v1/users'],
    ];

    it.each(badTokens)('answers %s with a JSON 401 on every protected endpoint', async (_case, headers) => {
      for (const [method, path, body] of endpoints) {
        const call = method === 'get' ? api.http.get(path) : api.http.post(path).send(body ?? {});
        const response = await call.set(headers());
        expectError(response, 401);
      }
    });

    it('files nothing and creates nothing for a caller without a valid token', async () => {
      const code = `G-${uniqueSuffix()}`;
      expectError(await api.http.post('/api/v1/grids').set(bearer('garbage')).send({ code, name: 'Sneaky' }), 401);
      const grids = await api.http.get('/api/v1/grids').set(bearer(api.adminToken));
      expect(grids.body.map((g: { code: string }) => g.code)).not.toContain(code);
    });
  });

  describe('403 out of scope', () => {
    it('lets only grid workers file, and only in their own grids', async () => {
      const body = requestBody(county);
      for (const token of [county.tokens.leadStaff[0], county.tokens.leader, county.tokens.admin]) {
        expectError(await api.http.post('/api/v1/requests').set(bearer(token)).send(body), 403);
      }
      const otherGrid = await api.http.post('/api/v1/requests').set(bearer(county.tokens.otherWorker)).send(body);
      expectError(otherGrid, 403, county.grids.home);
      const list = await api.http.get('/api/v1/requests').query({ gridCode: county.grids.home }).set(bearer(api.adminToken));
      expect(list.body.total).toBe(2);
    });

    it('lets only admins keep reference data', async () => {
      const s = uniqueSuffix();
      const attempts: Array<[string, object]> = [
        ['grids', { code: `G-${s}`, name: 'Grid' }],
        ['departments', { code: `dept-${s}`, name: 'Dept' }],
        ['categories', { code: `cat-${s}`, name: 'Cat', leadDepartment: county.departments.lead, assistingDepartments: [] }],
        ['users', { username: `user-${s}`, password: TEST_PASSWORD, role: 'admin' }],
      ];
      for (const token of [county.tokens.worker, county.tokens.leadStaff[0], county.tokens.leader]) {
        for (const [path, body] of attempts) {
          expectError(await api.http.post(`/api/v1/${path}`).set(bearer(token)).send(body), 403);
        }
      }
      const users = await api.http.get('/api/v1/users').set(bearer(api.adminToken));
      expect(users.body.map((u: { username: string }) => u.username)).not.toContain(`user-${s}`);
      const grids = await api.http.get('/api/v1/grids').set(bearer(api.adminToken));
      expect(grids.body.map((g: { code: string }) => g.code)).not.toContain(`G-${s}`);
    });

    it('lets only staff of the assigned department claim', async () => {
      const claim = (token: string) => api.http.post(`/api/v1/assignments/${leadAssignmentId}/claim`).set(bearer(token));
      expectError(await claim(county.tokens.assistStaff), 403, county.departments.lead);
      expectError(await claim(county.tokens.singleStaff), 403);
      expectError(await claim(county.tokens.worker), 403);
      expectError(await claim(county.tokens.leader), 403);
      expectError(await claim(county.tokens.admin), 403);
      const after = await api.http.get(`/api/v1/requests/${joint.id}`).set(bearer(api.adminToken));
      expect(after.body.status).toBe('open');
      expect(after.body.assignments.every((a: { status: string }) => a.status === 'unclaimed')).toBe(true);
    });

    it("does not let a grid worker resolve another grid's task", async () => {
      const response = await api.http
        .post(`/api/v1/requests/${gridTask.id}/resolve`)
        .set(bearer(county.tokens.otherWorker))
        .send({ note: 'Not mine to close' });
      expectError(response, 403);
      for (const token of [county.tokens.leader, county.tokens.singleStaff]) {
        expectError(await api.http.post(`/api/v1/requests/${gridTask.id}/resolve`).set(bearer(token)).send({ note: 'x' }), 403);
      }
      const after = await api.http.get(`/api/v1/requests/${gridTask.id}`).set(bearer(county.tokens.worker));
      expect(after.body.status).toBe('open');
    });
  });

  describe('who may see a request', () => {
    type Who = keyof County['tokens'];
    const token = (who: Who): string => (who === 'leadStaff' ? county.tokens.leadStaff[0] : (county.tokens[who] as string));

    it.each<[Who, number]>([
      ['worker', 200],
      ['leader', 200],
      ['leadStaff', 200],
      ['assistStaff', 200],
      ['admin', 200],
      ['otherWorker', 403],
      ['otherLeader', 403],
      ['singleStaff', 403],
    ])('joint case: %s gets %i', async (who, status) => {
      const response = await api.http.get(`/api/v1/requests/${joint.id}`).set(bearer(token(who)));
      if (status === 200) {
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ id: joint.id, trackingNo: joint.trackingNo });
      } else {
        expectError(response, status);
        expect(response.body.id).toBeUndefined();
      }
    });

    it.each<[Who, number]>([
      ['worker', 200],
      ['leader', 200],
      ['admin', 200],
      ['otherWorker', 403],
      ['otherLeader', 403],
      ['leadStaff', 403],
    ])('grid task: %s gets %i', async (who, status) => {
      const response = await api.http.get(`/api/v1/requests/${gridTask.id}`).set(bearer(token(who)));
      if (status === 200) expect(response.body).toMatchObject({ id: gridTask.id });
      else expectError(response, status);
      expect(response.status).toBe(status);
    });

    it('scopes the request list to what the caller may see', async () => {
      const ids = async (token: string, query: Record<string, string> = {}) => {
        const response = await api.http.get('/api/v1/requests').query({ pageSize: 100, ...query }).set(bearer(token));
        expect(response.status).toBe(200);
        return { total: response.body.total as number, ids: (response.body.items as Array<{ id: string }>).map((r) => r.id) };
      };
      const home = { gridCode: county.grids.home };
      expect(await ids(county.tokens.otherWorker, home)).toEqual({ total: 0, ids: [] });
      expect(await ids(county.tokens.otherLeader, home)).toEqual({ total: 0, ids: [] });
      expect((await ids(county.tokens.otherWorker)).ids).not.toEqual(expect.arrayContaining([joint.id]));
      expect((await ids(county.tokens.singleStaff)).ids).not.toContain(joint.id);

      const worker = await ids(county.tokens.worker, home);
      expect(worker.total).toBe(2);
      expect(worker.ids.sort()).toEqual([joint.id, gridTask.id].sort());
      expect((await ids(county.tokens.leader, home)).total).toBe(2);
      const admin = await ids(api.adminToken, home);
      expect(admin.total).toBe(2);
      expect(admin.ids.sort()).toEqual([joint.id, gridTask.id].sort());
      const staff = await ids(county.tokens.leadStaff[0]);
      expect(staff.ids).toContain(joint.id);
      expect(staff.ids).not.toContain(gridTask.id);
    });
  });

  describe('department queues', () => {
    it("keeps staff to their own department's queue", async () => {
      const own = await api.http.get('/api/v1/assignments').query({ department: county.departments.lead }).set(bearer(county.tokens.leadStaff[0]));
      expect(own.status).toBe(200);
      expect(own.body.items.map((a: { id: string }) => a.id)).toContain(leadAssignmentId);
      const other = await api.http.get('/api/v1/assignments').query({ department: county.departments.lead }).set(bearer(county.tokens.assistStaff));
      expectError(other, 403, 'department');
      expect(other.body.items).toBeUndefined();
    });

    it('does not show department queues to grid workers', async () => {
      expectError(await api.http.get('/api/v1/assignments').set(bearer(county.tokens.worker)), 403);
    });

    it("shows a leader only their grids' assignments", async () => {
      const mine = await api.http.get('/api/v1/assignments').query({ department: county.departments.lead }).set(bearer(county.tokens.leader));
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(leadAssignmentId);
      const other = await api.http.get('/api/v1/assignments').query({ department: county.departments.lead }).set(bearer(county.tokens.otherLeader));
      expect(other.status).toBe(200);
      expect(other.body.items.map((a: { id: string }) => a.id)).not.toContain(leadAssignmentId);
    });
  });
});
