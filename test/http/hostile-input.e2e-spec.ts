import { County, createCounty, uniqueSuffix } from '../factories/county.factory';
import { expectError } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { Workflow } from '../factories/workflow.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

/** About 1,500 nested arrays in 3 kB: parses fine, but recursing over it overflows the stack. */
const DEEP = '['.repeat(1500) + ']'.repeat(1500);
/** Half of a UTF-16 surrogate pair: JavaScript holds it, PostgreSQL's text and jsonb cannot. */
const LONE_SURROGATE = '\ud800';
const NUL = '\u0000';

describe('hostile input over HTTP: a 4xx naming the field, never a 5xx, nothing written', () => {
  let api: TestApi;
  let county: County;
  let flow: Workflow;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    flow = new Workflow(api.http, county);
  });
  afterAll(() => api.close());

  const requestsInHomeGrid = async (): Promise<number> => {
    const response = await api.http.get('/api/v1/requests').query({ gridCode: county.grids.home }).set(bearer(api.adminToken));
    expect(response.status).toBe(200);
    return response.body.total as number;
  };
  const timelineLength = async (requestId: string): Promise<number> => (await flow.request(requestId)).timeline.length;

  describe('deeply nested JSON', () => {
    it.each<[string, string, string, () => string | undefined]>([
      ['the anonymous sign-in', 'post', '/api/v1/auth/token', () => undefined],
      ['a filing', 'post', '/api/v1/requests', () => county.tokens.worker],
      ['the routing policy', 'put', '/api/v1/routing-policy', () => api.adminToken],
      ['a grid', 'post', '/api/v1/grids', () => api.adminToken],
    ])('is refused on %s with a 400 saying how deep a body may go', async (_, method, path, token) => {
      const call = method === 'put' ? api.http.put(path) : api.http.post(path);
      const bearerToken = token();
      if (bearerToken) call.set(bearer(bearerToken));
      expectError(await call.set('Content-Type', 'application/json').send(DEEP), 400, 'nested deeper than');
    });

    it('is refused inside a field too, naming the field', async () => {
      const before = await requestsInHomeGrid();
      const body = JSON.stringify(requestBody(county, { reporter: undefined })).replace(/^\{/, `{"reporter":${DEEP},`);
      const response = await api.http.post('/api/v1/requests').set(bearer(county.tokens.worker)).set('Content-Type', 'application/json').send(body);
      expectError(response, 400, 'reporter', 'nested deeper than');
      expect(await requestsInHomeGrid()).toBe(before);
    });
  });

  describe('text PostgreSQL cannot store (a lone surrogate, NUL)', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['title', { title: `Street light${LONE_SURROGATE}out` }, 'title'],
      ['description', { description: `Out for two nights ${LONE_SURROGATE}` }, 'description'],
      ['location.address', { location: { lat: 40.1, lng: 117.1, address: `Binhe${LONE_SURROGATE}Road` } }, 'location.address'],
      ['reporter.name', { reporter: { name: `Wang${LONE_SURROGATE}` } }, 'reporter.name'],
      ['a low surrogate alone', { title: `light \udc00 out` }, 'title'],
      ['NUL in reporter.name', { reporter: { name: `Wang${NUL}Fang` } }, 'reporter.name'],
    ])('is refused in a filing’s %s', async (_, overrides, field) => {
      const before = await requestsInHomeGrid();
      expectError(await api.http.post('/api/v1/requests').set(bearer(county.tokens.worker)).send(requestBody(county, overrides)), 400, field);
      expect(await requestsInHomeGrid()).toBe(before);
    });

    it('is refused in a property name', async () => {
      const response = await api.http
        .post('/api/v1/requests')
        .set(bearer(county.tokens.worker))
        .send({ ...requestBody(county), location: { lat: 40.1, lng: 117.1, [`x${LONE_SURROGATE}`]: 1 } });
      expectError(response, 400, 'location', 'property name');
    });

    it('is accepted as a whole pair: an emoji is text like any other', async () => {
      const response = await api.http.post('/api/v1/requests').set(bearer(county.tokens.worker)).send(requestBody(county, { title: 'Light out 💡 at gate 3' }));
      expect(response.status).toBe(201);
      expect(response.body.title).toBe('Light out 💡 at gate 3');
    });

    it('is refused in a whistle note, a return reason, an escalation, a note and a comment, leaving the timeline as it was', async () => {
      const joint = await flow.fileJoint();
      const before = await timelineLength(joint.filed.id);
      const attempts: Array<[string, string, object, string]> = [
        [`requests/${joint.filed.id}/whistle`, county.tokens.worker, { departments: [county.departments.lead], note: `Come${LONE_SURROGATE}` }, 'note'],
        [`assignments/${joint.lead}/return`, county.tokens.leadStaff[0], { reason: `Not ours${LONE_SURROGATE}` }, 'reason'],
        [`requests/${joint.filed.id}/escalate`, county.tokens.worker, { reason: `${NUL}` }, 'reason'],
        [`assignments/${joint.lead}/resolve`, county.tokens.leadStaff[0], { note: `Done${LONE_SURROGATE}` }, 'note'],
        [`requests/${joint.filed.id}/feedback`, county.tokens.worker, { resolved: true, satisfied: true, comment: LONE_SURROGATE }, 'comment'],
      ];
      for (const [path, token, body, field] of attempts) expectError(await flow.post(path, token, body), 400, field);
      expect(await timelineLength(joint.filed.id)).toBe(before);
    });

    it('is refused in a routing rule, a reference-data name and a sign-in, naming the field', async () => {
      const rule = { id: `r-${uniqueSuffix()}`, description: `Lights${LONE_SURROGATE}`, when: {}, outcome: { route: 'grid' } };
      expectError(await api.http.put('/api/v1/routing-policy').set(bearer(api.adminToken)).send({ rules: [rule] }), 400, 'rules[0].description');
      const condition = { ...rule, description: 'Lights', when: { categoryCodes: [`a${NUL}`] } };
      expectError(await api.http.put('/api/v1/routing-policy').set(bearer(api.adminToken)).send({ rules: [condition] }), 400, 'rules[0].when.categoryCodes[0]');
      const code = `D-${uniqueSuffix()}`;
      expectError(await api.http.post('/api/v1/departments').set(bearer(api.adminToken)).send({ code, name: `Water${LONE_SURROGATE}` }), 400, 'name');
      const departments = await api.http.get('/api/v1/departments').set(bearer(api.adminToken));
      expect(departments.body.map((d: { code: string }) => d.code)).not.toContain(code);
      expectError(await api.http.post('/api/v1/auth/token').send({ username: `admin${LONE_SURROGATE}`, password: 'whatever-it-is' }), 400, 'username');
    });

    it('is refused in a query string, naming the parameter', async () => {
      const response = await api.http.get(`/api/v1/monitoring/grids/${county.grids.home}?from=2026-01-01%00`).set(bearer(api.adminToken));
      expectError(response, 400, 'from');
    });
  });

  describe('path parameters', () => {
    it.each<[string, string, string]>([
      ['a NUL in a category code', '/api/v1/categories/G-%00/deadlines', 'code'],
      ['spaces and slashes in a category code', '/api/v1/categories/food%20safety%2F1/deadlines', 'code'],
      ['a NUL in a grid code', '/api/v1/monitoring/grids/G-%00', 'gridCode'],
      ['a NUL in a request id', '/api/v1/requests/%00', 'id'],
      ['an id that is not a UUID', '/api/v1/requests/1%27%20OR%201=1', 'id'],
    ])('answers 400 to %s', async (_, path, param) => {
      expectError(await api.http.get(path).set(bearer(api.adminToken)), 400, param);
    });

    it('answers 400 to a NUL in the category code of a deadline change, and changes nothing', async () => {
      const response = await api.http.put('/api/v1/categories/G-%00/deadlines').set(bearer(api.adminToken)).send({ claimWorkingHours: 3 });
      expectError(response, 400, 'code');
    });

    it('answers a malformed tracking number as an unknown one, and one with a NUL with a 400', async () => {
      for (const trackingNo of ['20261201-0OIL1234', '%20%27', 'x'.repeat(500)]) {
        expectError(await api.http.get(`/api/v1/track/${trackingNo}`), 404, 'tracking number');
      }
      expectError(await api.http.get('/api/v1/track/20261201-%00ABCDEFG'), 400, 'trackingNo');
    });
  });

  // Node's HTTP parser answers these itself, before any handler: its bare status line had no body.
  describe('requests the HTTP parser refuses', () => {
    it('answers a URL longer than 16 kB with a 431 in the error shape', async () => {
      const response = await api.http.get(`/api/v1/requests?gridCode=${'G'.repeat(20_000)}`).set(bearer(api.adminToken));
      expectError(response, 431, 'larger than 16 kB');
    });
  });

  describe('dates out of range', () => {
    it.each<[string, string]>([
      ['to=0001-01-02', 'to'],
      ['from=0000-01-01&to=0000-01-02', 'from'],
      ['from=1969-12-31&to=1970-01-05', 'from'],
      ['to=1970-01-05', 'to'],
      ['to=10000-01-01', 'to'],
    ])('answers 400 to a monitoring period %s, naming the field', async (query, field) => {
      const paths = [`monitoring/grids/${county.grids.home}`, `monitoring/departments/${county.departments.lead}`, 'monitoring/me'];
      for (const path of paths) {
        const token = path === 'monitoring/me' ? county.tokens.leader : api.adminToken;
        expectError(await api.http.get(`/api/v1/${path}?${query}`).set(bearer(token)), 400, field);
      }
      const csv = await api.http.get(`/api/v1/monitoring/export.csv?scope=grid&code=${county.grids.home}&${query}`).set(bearer(api.adminToken));
      expectError(csv, 400, field);
    });

    it('answers the first and the last day taken, 1970-01-01 and 9999-12-31', async () => {
      const response = await api.http.get(`/api/v1/monitoring/grids/${county.grids.home}?from=1970-01-01&to=1970-01-02`).set(bearer(api.adminToken));
      expect(response.status).toBe(200);
      const last = await api.http.get(`/api/v1/monitoring/grids/${county.grids.home}?from=9999-12-30&to=9999-12-31`).set(bearer(api.adminToken));
      expect(last.status).toBe(200);
      expect(last.body.period).toEqual({ from: '9999-12-30', to: '9999-12-31' });
    });

    it('answers 400 to a holiday in year 0, naming it, and keeps the calendar', async () => {
      const before = await flow.get('calendar', api.adminToken);
      const response = await api.http
        .put('/api/v1/calendar')
        .set(bearer(api.adminToken))
        .send({ periods: before.periods, holidays: ['2026-10-01', '0000-01-01'], makeUpWorkdays: [] });
      expectError(response, 400, 'holidays[1]');
      expect((await flow.get('calendar', api.adminToken)).version).toBe(before.version);
    });

    it('answers 400 to an extension past 9999-12-31, naming requestedDueAt', async () => {
      const joint = await flow.fileJoint();
      await flow.claim(joint.lead, county.tokens.leadStaff[0]);
      const response = await flow.post(`assignments/${joint.lead}/extend`, county.tokens.leadStaff[0], { reason: 'Far away', requestedDueAt: '9999-12-31T23:59:59Z' });
      expectError(response, 400, 'requestedDueAt');
    });
  });

  describe('settings that together break the deadline arithmetic', () => {
    // With a one-minute working day, a category's 240 working hours to claim lay past the ten years
    // the deadline arithmetic looks ahead: every joint filing of that category was a 500.
    it('refuses a working day shorter than an hour, naming periods, and keeps the calendar', async () => {
      const before = await flow.get('calendar', api.adminToken);
      const response = await api.http
        .put('/api/v1/calendar')
        .set(bearer(api.adminToken))
        .send({ periods: [{ start: '09:00', end: '09:01' }], holidays: [], makeUpWorkdays: [] });
      expectError(response, 400, 'periods', 'at least 60 working minutes');
      expect((await flow.get('calendar', api.adminToken)).version).toBe(before.version);
    });
  });
});
