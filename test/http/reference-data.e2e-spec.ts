import { County, createCounty, TEST_PASSWORD, uniqueSuffix } from '../factories/county.factory';
import { expectError } from '../factories/http-helpers';
import { bearer, signIn, startTestApi, TestApi } from '../support/test-api';

describe('reference data and users over HTTP', () => {
  let api: TestApi;
  let county: County;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
  });
  afterAll(() => api.close());

  const create = (path: string, body: object) => api.http.post(`/api/v1/${path}`).set(bearer(api.adminToken)).send(body);
  const list = async (path: string, token = api.adminToken): Promise<Array<Record<string, any>>> => {
    const response = await api.http.get(`/api/v1/${path}`).set(bearer(token));
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    return response.body;
  };

  describe('creating', () => {
    it('creates a grid with its boundary and answers with it', async () => {
      const code = `G-${uniqueSuffix()}`;
      const boundary = { type: 'Polygon', coordinates: [[[117.1, 40.1], [117.2, 40.1], [117.2, 40.2], [117.1, 40.1]]] };
      const response = await create('grids', { code, name: 'Binhe', streetCode: 'S-01', boundary });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ id: expect.any(String), code, name: 'Binhe', streetCode: 'S-01', boundary });
      expect((await list('grids')).find((g) => g.code === code)).toMatchObject({ id: response.body.id, boundary });
    });

    it('creates a department with its Kafka topic', async () => {
      const code = `water-${uniqueSuffix()}`;
      const response = await create('departments', { code, name: 'Water affairs' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ code, name: 'Water affairs', topic: `governance.dept.${code}.v1` });
    });

    it('creates a category with its lead and assisting departments', async () => {
      const code = `noise-${uniqueSuffix()}`;
      const body = { code, name: 'Noise', leadDepartment: county.departments.assist, assistingDepartments: [county.departments.single] };
      const response = await create('categories', body);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject(body);
      expect((await list('categories')).find((c) => c.code === code)).toMatchObject(body);
    });
  });

  describe('codes are unique', () => {
    it('answers 409 to a repeated grid code and keeps the first grid', async () => {
      const code = `G-${uniqueSuffix()}`;
      expect((await create('grids', { code, name: 'First' })).status).toBe(201);
      expectError(await create('grids', { code, name: 'Second' }), 409, 'code');
      const grids = (await list('grids')).filter((g) => g.code === code);
      expect(grids).toHaveLength(1);
      expect(grids[0].name).toBe('First');
    });

    it('answers 409 to a repeated department code', async () => {
      expectError(await create('departments', { code: county.departments.lead, name: 'Copy' }), 409, 'code');
      expect((await list('departments')).filter((d) => d.code === county.departments.lead)).toHaveLength(1);
    });

    it('answers 409 to a repeated category code', async () => {
      const repeat = { code: county.categories.joint, name: 'Copy', leadDepartment: county.departments.single, assistingDepartments: [] };
      expectError(await create('categories', repeat), 409, 'code');
      const categories = (await list('categories')).filter((c) => c.code === county.categories.joint);
      expect(categories).toHaveLength(1);
      expect(categories[0].leadDepartment).toBe(county.departments.lead);
    });

    it('answers 409 to a taken username and keeps the first user’s password', async () => {
      const repeat = { username: county.users.worker, password: 'another-password-1', role: 'leader', gridCodes: [county.grids.other] };
      expectError(await create('users', repeat), 409, 'username');
      const users = (await list('users')).filter((u) => u.username === county.users.worker);
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ role: 'grid_worker', gridCodes: [county.grids.home] });
      await expect(signIn(api.http, county.users.worker, TEST_PASSWORD)).resolves.toEqual(expect.any(String));
      const withNew = await api.http.post('/api/v1/auth/token').send({ username: county.users.worker, password: 'another-password-1' });
      expectError(withNew, 401);
    });

    it('answers concurrent creations of one code with one 201 and 409s', async () => {
      const code = `G-${uniqueSuffix()}`;
      const responses = await Promise.all(Array.from({ length: 5 }, (_, i) => create('grids', { code, name: `Racer ${i}` })));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409]);
      expect((await list('grids')).filter((g) => g.code === code)).toHaveLength(1);
    });
  });

  describe('reading', () => {
    type Who = 'worker' | 'leader' | 'singleStaff' | 'admin';
    it.each<Who>(['worker', 'leader', 'singleStaff', 'admin'])('lets %s read the reference data', async (who) => {
      const token = county.tokens[who];
      expect((await list('grids', token)).map((g) => g.code)).toEqual(expect.arrayContaining([county.grids.home, county.grids.other]));
      expect((await list('departments', token)).map((d) => d.code)).toEqual(
        expect.arrayContaining([county.departments.lead, county.departments.assist, county.departments.single]),
      );
      expect((await list('categories', token)).map((c) => c.code)).toEqual(
        expect.arrayContaining([county.categories.joint, county.categories.small]),
      );
    });

    it('sends the lists compressed to a client that accepts it (a phone on a slow network waits for them)', async () => {
      const answer = await api.http.get('/api/v1/categories').set('Authorization', `Bearer ${county.tokens.worker}`).set('Accept-Encoding', 'br, gzip');
      expect(answer.status).toBe(200);
      // compression leaves answers under 1 kB as they are; the test county's categories are more.
      expect(JSON.stringify(answer.body).length).toBeGreaterThan(1024);
      expect(answer.headers['content-encoding']).toBe('br');
      expect(answer.headers['cache-control']).toBe('no-store');
    });

    it('lets only admins list the users', async () => {
      expect((await list('users', county.tokens.admin)).map((u) => u.username)).toEqual(expect.arrayContaining([county.users.worker, county.users.leader]));
      for (const token of [county.tokens.worker, county.tokens.leader, county.tokens.singleStaff]) {
        expectError(await api.http.get('/api/v1/users').set(bearer(token)), 403);
      }
    });

    it('never shows a password or its hash', async () => {
      const username = `fresh-${uniqueSuffix()}`;
      const password = 'a-secret-password-42';
      const created = await create('users', { username, password, role: 'dept_staff', departmentCode: county.departments.single });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ username, role: 'dept_staff', departmentCode: county.departments.single });
      const users = await list('users', county.tokens.admin);
      for (const text of [JSON.stringify(created.body), JSON.stringify(users)]) {
        expect(text).not.toMatch(/password/i);
        expect(text).not.toMatch(/hash/i);
        expect(text).not.toContain('scrypt');
        expect(text).not.toContain(password);
      }
      for (const user of users) {
        expect(Object.keys(user).sort()).toEqual(['createdAt', 'departmentCode', 'disabled', 'gridCodes', 'id', 'role', 'updatedAt', 'username']);
      }
    });
  });
});
