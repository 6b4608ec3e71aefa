import { County, createCounty, TEST_PASSWORD, uniqueSuffix } from '../factories/county.factory';
import { expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

describe('bad input over HTTP', () => {
  let api: TestApi;
  let county: County;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
  });
  afterAll(() => api.close());

  const file = (body: object, idempotencyKey?: string) => {
    const call = api.http.post('/api/v1/requests').set(bearer(county.tokens.worker));
    if (idempotencyKey !== undefined) call.set('Idempotency-Key', idempotencyKey);
    return call.send(body);
  };
  const requestsInHomeGrid = async (): Promise<number> => {
    const response = await api.http.get('/api/v1/requests').query({ gridCode: county.grids.home }).set(bearer(api.adminToken));
    expect(response.status).toBe(200);
    return response.body.total as number;
  };

  describe('POST /requests', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['a missing title', { title: undefined }, 'title'],
      ['a title longer than 200 characters', { title: 'x'.repeat(201) }, 'title'],
      ['an unknown urgency', { urgency: 'asap' }, 'urgency'],
      ['a negative affectedPeople', { affectedPeople: -1 }, 'affectedPeople'],
      ['a fractional affectedPeople', { affectedPeople: 2.5 }, 'affectedPeople'],
      ['affectedPeople as a string', { affectedPeople: '12' }, 'affectedPeople'],
      ['a property the contract does not know', { colour: 'red' }, 'colour'],
      ['a latitude above 90', { location: { lat: 90.5, lng: 117.1 } }, 'location.lat'],
      ['a location that is not an object', { location: 'Binhe Road' }, 'location'],
      ['a reporter phone with letters', { reporter: { name: 'Li Lei', phone: 'call me maybe' } }, 'reporter.phone'],
      ['a malformed gridCode', { gridCode: 'G 01/../x' }, 'gridCode'],
    ])('rejects %s with a 400 that names the field', async (_case, overrides, field) => {
      const before = await requestsInHomeGrid();
      const response = await file(requestBody(county, overrides));
      expectError(response, 400, field);
      expect(await requestsInHomeGrid()).toBe(before);
    });

    it('names every bad field at once, not just the first', async () => {
      const response = await file(requestBody(county, { title: '', urgency: 'soon', affectedPeople: -3 }));
      expectError(response, 400, 'title', 'urgency', 'affectedPeople');
    });

    it('rejects an unknown categoryCode with a 400 naming categoryCode and files nothing', async () => {
      const before = await requestsInHomeGrid();
      const response = await file(requestBody(county, { categoryCode: `no-such-${uniqueSuffix()}` }));
      expectError(response, 400, 'categoryCode');
      expect(await requestsInHomeGrid()).toBe(before);
    });

    it('rejects a malformed JSON body with a JSON 400', async () => {
      const response = await api.http
        .post('/api/v1/requests')
        .set(bearer(county.tokens.worker))
        .set('Content-Type', 'application/json')
        .send('{"gridCode": "G-1", "title": ');
      // A plain message: the parser's own text could echo the body back.
      expectError(response, 400, 'body is not valid JSON');
    });

    it('rejects a bad Idempotency-Key header with a 400 naming it, and files nothing', async () => {
      const before = await requestsInHomeGrid();
      for (const key of ['has spaces!', 'k'.repeat(101)]) {
        const response = await file(requestBody(county), key);
        expectError(response, 400, 'Idempotency-Key');
      }
      expect(await requestsInHomeGrid()).toBe(before);
    });

    // PRODUCT.md section 4: bad input never causes a 5xx. PostgreSQL cannot store U+0000 in text
    // or jsonb, so a NUL that passes validation reaches the INSERT and fails there.
    it.each<[string, Record<string, unknown>, string]>([
      ['title', { title: 'Street light\u0000out' }, 'title'],
      ['location.address', { location: { lat: 40.1, lng: 117.1, address: 'Binhe\u0000Road' } }, 'location.address'],
    ])('rejects a NUL character in %s with a 400, not a 500', async (_field, overrides, field) => {
      const response = await file(requestBody(county, overrides));
      expectError(response, 400, field);
    });

    it('never answers odd bodies with a 5xx', async () => {
      const odd: unknown[] = [[1, 2], 'just text', { reporter: 'Wang' }, { location: { lat: 'north', lng: null } }, { safetyRisk: 'yes' }];
      for (const body of odd) {
        const response = await api.http.post('/api/v1/requests').set(bearer(county.tokens.worker)).send(body as object);
        expectError(response, 400);
      }
      const huge = await file(requestBody(county, { description: 'x'.repeat(300_000) }));
      expect(huge.status).toBeGreaterThanOrEqual(400);
      expect(huge.status).toBeLessThan(500);
      expect(huge.body).toMatchObject({ statusCode: huge.status, message: expect.any(String) });
    });
  });

  describe('paths and queries', () => {
    it('rejects a bad UUID in a path with a 400 naming id', async () => {
      for (const path of ['/api/v1/requests/not-a-uuid', '/api/v1/requests/1234']) {
        expectError(await api.http.get(path).set(bearer(api.adminToken)), 400, 'id');
      }
      const claim = await api.http.post('/api/v1/assignments/not-a-uuid/claim').set(bearer(county.tokens.leadStaff[0]));
      expectError(claim, 400, 'id');
    });

    it('answers 404 for a well-formed id that does not exist', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expectError(await api.http.get(`/api/v1/requests/${missing}`).set(bearer(api.adminToken)), 404);
      expectError(await api.http.post(`/api/v1/assignments/${missing}/claim`).set(bearer(county.tokens.leadStaff[0])), 404);
    });

    it('rejects bad list filters with a 400 naming them', async () => {
      const response = await api.http
        .get('/api/v1/requests')
        .query({ page: 'two', pageSize: 1000, status: 'done', gridId: 'nope' })
        .set(bearer(api.adminToken));
      expectError(response, 400, 'page', 'pageSize', 'status', 'gridId');
    });
  });

  describe('reference data', () => {
    const admin = () => bearer(api.adminToken);

    it('rejects a bad grid code or name', async () => {
      expectError(await api.http.post('/api/v1/grids').set(admin()).send({ code: 'G 01!', name: 'Grid' }), 400, 'code');
      expectError(await api.http.post('/api/v1/grids').set(admin()).send({ code: `G-${uniqueSuffix()}` }), 400, 'name');
      expectError(await api.http.post('/api/v1/grids').set(admin()).send({ code: 'x'.repeat(41), name: 'Grid' }), 400, 'code');
    });

    it('rejects a grid whose boundary is not a closed GeoJSON polygon', async () => {
      const code = `G-${uniqueSuffix()}`;
      const boundary = { type: 'Polygon', coordinates: [[[117, 40], [117.1, 40], [117.1, 40.1], [117, 40.2]]] };
      expectError(await api.http.post('/api/v1/grids').set(admin()).send({ code, name: 'Open ring', boundary }), 400, 'boundary');
      const grids = await api.http.get('/api/v1/grids').set(admin());
      expect(grids.body.map((g: { code: string }) => g.code)).not.toContain(code);
    });

    it('rejects a NUL character in a grid name with a 400, not a 500', async () => {
      const response = await api.http.post('/api/v1/grids').set(admin()).send({ code: `G-${uniqueSuffix()}`, name: 'Binhe\u0000Grid' });
      expectError(response, 400, 'name');
    });

    it('rejects a bad department code', async () => {
      expectError(await api.http.post('/api/v1/departments').set(admin()).send({ code: 'market regulation', name: 'Market' }), 400, 'code');
      expectError(await api.http.post('/api/v1/departments').set(admin()).send({ code: '-market', name: 'Market' }), 400, 'code');
    });

    it('rejects bad category codes, naming each', async () => {
      const response = await api.http
        .post('/api/v1/categories')
        .set(admin())
        .send({ code: 'food safety', name: 'Food', leadDepartment: 'market/1', assistingDepartments: ['ok-code', 'not ok'] });
      expectError(response, 400, 'code', 'leadDepartment', 'assistingDepartments');
    });

    it('rejects a category with an unknown assisting department and stores nothing', async () => {
      const code = `cat-${uniqueSuffix()}`;
      const response = await api.http
        .post('/api/v1/categories')
        .set(admin())
        .send({ code, name: 'Half known', leadDepartment: county.departments.lead, assistingDepartments: [`ghost-${uniqueSuffix()}`] });
      expectError(response, 400, 'assistingDepartments');
      const categories = await api.http.get('/api/v1/categories').set(admin());
      expect(categories.status).toBe(200);
      expect(categories.body.map((c: { code: string }) => c.code)).not.toContain(code);
      // The code is still free: the rejected attempt left nothing behind.
      const retry = await api.http
        .post('/api/v1/categories')
        .set(admin())
        .send({ code, name: 'Now known', leadDepartment: county.departments.lead, assistingDepartments: [county.departments.assist] });
      expect(retry.status).toBe(201);
    });

    it('rejects a category with an unknown lead department or the lead repeated as assistant', async () => {
      const code = `cat-${uniqueSuffix()}`;
      const unknownLead = await api.http
        .post('/api/v1/categories')
        .set(admin())
        .send({ code, name: 'X', leadDepartment: `ghost-${uniqueSuffix()}`, assistingDepartments: [] });
      expectError(unknownLead, 400, 'leadDepartment');
      const leadAssists = await api.http
        .post('/api/v1/categories')
        .set(admin())
        .send({ code, name: 'X', leadDepartment: county.departments.lead, assistingDepartments: [county.departments.lead] });
      expectError(leadAssists, 400, 'assistingDepartments');
      const categories = await api.http.get('/api/v1/categories').set(admin());
      expect(categories.body.map((c: { code: string }) => c.code)).not.toContain(code);
    });

    it('rejects bad user fields, naming each', async () => {
      const response = await api.http
        .post('/api/v1/users')
        .set(admin())
        .send({ username: 'a b', password: 'short', role: 'mayor', gridCodes: ['G 1'], departmentCode: 'dept one' });
      expectError(response, 400, 'username', 'password', 'role', 'gridCodes', 'departmentCode');
    });

    it('rejects a user whose scope does not fit the role or names unknown codes, and stores nothing', async () => {
      const username = `bad-${uniqueSuffix()}`;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ role: 'grid_worker', gridCodes: [`G-ghost-${uniqueSuffix()}`] }, 'gridCodes'],
        [{ role: 'grid_worker', gridCodes: [] }, 'gridCodes'],
        [{ role: 'dept_staff', departmentCode: `ghost-${uniqueSuffix()}` }, 'departmentCode'],
        [{ role: 'dept_staff' }, 'departmentCode'],
        [{ role: 'admin', departmentCode: county.departments.lead }, 'departmentCode'],
      ];
      for (const [scope, field] of cases) {
        const response = await api.http.post('/api/v1/users').set(admin()).send({ username, password: TEST_PASSWORD, ...scope });
        expectError(response, 400, field);
      }
      const users = await api.http.get('/api/v1/users').set(admin());
      expect(users.body.map((u: { username: string }) => u.username)).not.toContain(username);
      const signIn = await api.http.post('/api/v1/auth/token').send({ username, password: TEST_PASSWORD });
      expectError(signIn, 401);
    });
  });

  describe('resolution notes', () => {
    it('rejects a grid task resolution without a note', async () => {
      const filed = await fileRequest(api.http, county.tokens.worker, requestBody(county));
      const response = await api.http.post(`/api/v1/requests/${filed.id}/resolve`).set(bearer(county.tokens.worker)).send({});
      expectError(response, 400, 'note');
      const after = await api.http.get(`/api/v1/requests/${filed.id}`).set(bearer(county.tokens.worker));
      expect(after.body.status).toBe('open');
    });
  });
});
