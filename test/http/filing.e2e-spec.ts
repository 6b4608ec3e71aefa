import { County, createCounty } from '../factories/county.factory';
import { requestBody } from '../factories/request.factory';
import { currentPolicy } from '../factories/routing-policy.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

describe('filing a request over HTTP', () => {
  let api: TestApi;
  let county: County;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
  });
  afterAll(() => api.close());

  it('keeps a small matter in its grid, with the decision and a due date', async () => {
    const response = await api.http.post('/api/v1/requests').set(bearer(county.tokens.worker)).send(requestBody(county));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      gridCode: county.grids.home,
      categoryCode: county.categories.small,
      route: 'grid',
      status: 'open',
      // Other specs of the run save policy versions of their own; a filing names the one in force.
      decision: { policyVersion: (await currentPolicy(api.http, api.adminToken)).version, rules: ['default-grid'] },
      assignments: [],
    });
    expect(response.body.trackingNo).toMatch(/^\d{8}-[2-9A-Z]{8}$/);
    expect(response.body.dueAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
  });

  it('sends a major matter to its lead and assisting departments, saying why', async () => {
    const response = await api.http.post('/api/v1/requests').set(bearer(county.tokens.worker)).send(requestBody(county, { major: true }));
    expect(response.status).toBe(201);
    expect(response.body.route).toBe('joint');
    expect(response.body.decision.rules).toEqual(['multi-department', 'safety-risk']);
    expect(response.body.decision.reasons).toHaveLength(2);
    expect(response.body.assignments).toEqual([
      expect.objectContaining({ departmentCode: county.departments.lead, role: 'lead', status: 'unclaimed' }),
      expect.objectContaining({ departmentCode: county.departments.assist, role: 'assist', status: 'unclaimed' }),
    ]);
  });
});
