import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

type Who = 'worker' | 'otherWorker' | 'leader' | 'otherLeader' | 'leadStaff' | 'assistStaff' | 'singleStaff' | 'admin';
const EVERYONE: Who[] = ['worker', 'otherWorker', 'leader', 'otherLeader', 'leadStaff', 'assistStaff', 'singleStaff', 'admin'];
const REPORTER_PHONE = '13800001234';

/**
 * Who may read what, role by role and scope by scope, on the answers that name requests or
 * people: the request list and detail, a request's whistles, the users and the audit log. A
 * joint case of the home grid (lead and assisting department), and a grid task of the home grid
 * whose whistle summoned the single department.
 */
describe('role × endpoint × scope over HTTP', () => {
  let api: TestApi;
  let county: County;
  let joint: Record<string, any>;
  let whistled: Record<string, any>;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken, 1);
    joint = await fileRequest(api.http, county.tokens.worker, requestBody(county, { major: true }));
    whistled = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: await createSmallCategory(api.http, api.adminToken, county) }));
    const blown = await api.http
      .post(`/api/v1/requests/${whistled.id}/whistle`)
      .set(bearer(county.tokens.worker))
      .send({ departments: [county.departments.single], note: 'Come and see the lamp' });
    expect(blown.status).toBe(201);
  });
  afterAll(() => api.close());

  const token = (who: Who): string => (who === 'leadStaff' ? county.tokens.leadStaff[0] : county.tokens[who]);
  const get = (who: Who, path: string, query: Record<string, string | number> = {}) =>
    api.http.get(`/api/v1/${path}`).query(query).set(bearer(token(who)));
  const listed = async (who: Who): Promise<string[]> => {
    const response = await get(who, 'requests', { pageSize: 100 });
    expect(response.status).toBe(200);
    return response.body.items.map((r: { id: string }) => r.id);
  };

  /** Who may open each request; the list must show exactly those. */
  const mayOpen: Record<'joint' | 'whistled', Who[]> = {
    joint: ['worker', 'leader', 'leadStaff', 'assistStaff', 'admin'],
    whistled: ['worker', 'leader', 'singleStaff', 'admin'],
  };

  it.each(EVERYONE)('%s opens, lists and reads the whistles of exactly the requests of their scope', async (who) => {
    const ids = await listed(who);
    for (const [name, request] of [['joint', joint], ['whistled', whistled]] as const) {
      const allowed = mayOpen[name].includes(who);
      const detail = await get(who, `requests/${request.id}`);
      const whistles = await get(who, `requests/${request.id}/whistles`);
      if (allowed) {
        expect({ who, name, detail: detail.status, whistles: whistles.status, listed: ids.includes(request.id) }).toEqual({
          who,
          name,
          detail: 200,
          whistles: 200,
          listed: true,
        });
        expect(detail.body.reporter).toEqual(requestBody(county).reporter);
      } else {
        expectError(detail, 403);
        expectError(whistles, 403);
        expect({ who, name, listed: ids.includes(request.id) }).toEqual({ who, name, listed: false });
        expect(JSON.stringify(detail.body)).not.toContain(request.title);
      }
    }
  });

  it.each(EVERYONE)("%s finds no reporter's contact in any list", async (who) => {
    const lists = [await get(who, 'requests', { pageSize: 100 })];
    if (['leader', 'otherLeader', 'leadStaff', 'assistStaff', 'singleStaff', 'admin'].includes(who)) lists.push(await get(who, 'assignments', { pageSize: 100 }));
    for (const list of lists) {
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain(REPORTER_PHONE);
    }
  });

  it.each<[string, string]>([
    ['users', 'users'],
    ['the audit log', 'audit'],
    ['the routing policy', 'routing-policy'],
  ])('lets only admins read %s', async (_what, path) => {
    for (const who of EVERYONE) {
      const response = await get(who, path);
      if (who === 'admin') expect(response.status).toBe(200);
      else expectError(response, 403);
    }
  });

  it.each<[Who, number]>([
    ['leadStaff', 200],
    ['assistStaff', 200],
    ['singleStaff', 200],
    ['leader', 200],
    ['otherLeader', 200],
    ['admin', 200],
    ['worker', 403],
  ])("keeps the department queue of %s to its scope", async (who, status) => {
    const response = await get(who, 'assignments', { pageSize: 100 });
    if (status !== 200) return expectError(response, status);
    const departments = new Set(response.body.items.map((a: { departmentCode: string }) => a.departmentCode));
    const grids = new Set(response.body.items.map((a: { gridCode: string }) => a.gridCode));
    if (who === 'leadStaff') expect([...departments]).toEqual([county.departments.lead]);
    if (who === 'assistStaff') expect([...departments]).toEqual([county.departments.assist]);
    if (who === 'singleStaff') expect([...departments].every((d) => d === county.departments.single)).toBe(true);
    if (who === 'leader') expect([...grids].every((g) => g === county.grids.home)).toBe(true);
    if (who === 'otherLeader') expect(response.body.items.map((a: { requestId: string }) => a.requestId)).not.toContain(joint.id);
  });
});
