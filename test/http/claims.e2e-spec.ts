import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, expectError, fileRequest, leadStaffName } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

const STAFF = 10;

describe('claiming and resolving over HTTP', () => {
  let api: TestApi;
  let county: County;
  let smallCategory: string;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken, STAFF);
    smallCategory = await createSmallCategory(api.http, api.adminToken, county);
  });
  afterAll(() => api.close());

  const claim = (assignmentId: string, token: string) => api.http.post(`/api/v1/assignments/${assignmentId}/claim`).set(bearer(token));
  const resolve = (assignmentId: string, token: string, note = 'Stalls closed and meat destroyed') =>
    api.http.post(`/api/v1/assignments/${assignmentId}/resolve`).set(bearer(token)).send({ note });
  const getRequest = async (id: string): Promise<Record<string, any>> => {
    const response = await api.http.get(`/api/v1/requests/${id}`).set(bearer(api.adminToken));
    expect(response.status).toBe(200);
    return response.body;
  };
  const fileJoint = async () => {
    const filed = await fileRequest(api.http, county.tokens.worker, requestBody(county, { major: true }));
    const lead = filed.assignments.find((a: { role: string }) => a.role === 'lead');
    const assist = filed.assignments.find((a: { role: string }) => a.role === 'assist');
    expect(filed.route).toBe('joint');
    return { filed, lead: lead.id as string, assist: assist.id as string };
  };

  describe('a joint case', () => {
    let filed: Record<string, any>;
    let lead: string;
    let assist: string;
    let winner: number;

    beforeAll(async () => {
      ({ filed, lead, assist } = await fileJoint());
    });

    it('lets exactly one of ten concurrent claimants win; the others get 409', async () => {
      const responses = await Promise.all(county.tokens.leadStaff.map((token) => claim(lead, token)));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(STAFF - 1);
      winner = statuses.indexOf(200);
      expect(responses[winner].body).toMatchObject({ id: lead, status: 'claimed', claimedBy: leadStaffName(county, winner) });
      for (const [i, response] of responses.entries()) {
        if (i !== winner) {
          expectError(response, 409, leadStaffName(county, winner));
          // Who won, as data: the desk says it in Chinese.
          expect(response.body).toMatchObject({ code: 'CASEWORK.ALREADY_CLAIMED', details: { claimedBy: leadStaffName(county, winner), claimedAt: expect.any(String) } });
        }
      }
      const request = await getRequest(filed.id);
      expect(request.assignments.find((a: { id: string }) => a.id === lead)).toMatchObject({
        status: 'claimed',
        claimedBy: leadStaffName(county, winner),
      });
      expect(request.timeline.filter((e: { type: string }) => e.type === 'assignment.claimed')).toHaveLength(1);
    });

    it('moves the request to in_progress on the first claim', async () => {
      const request = await getRequest(filed.id);
      expect(request.status).toBe('in_progress');
    });

    it('answers 409 when the winner claims again', async () => {
      expectError(await claim(lead, county.tokens.leadStaff[winner]), 409, 'claimed');
    });

    it('answers 403 when a colleague who did not claim it tries to resolve it', async () => {
      const colleague = (winner + 1) % STAFF;
      expectError(await resolve(lead, county.tokens.leadStaff[colleague]), 403);
      const request = await getRequest(filed.id);
      expect(request.assignments.find((a: { id: string }) => a.id === lead).status).toBe('claimed');
    });

    it('answers 409 naming the state when an unclaimed assignment is resolved', async () => {
      expectError(await resolve(assist, county.tokens.assistStaff), 409, 'unclaimed');
      const request = await getRequest(filed.id);
      expect(request.assignments.find((a: { id: string }) => a.id === assist).status).toBe('unclaimed');
    });

    it('answers 409 to a grid worker resolving a joint case as a grid task', async () => {
      const response = await api.http.post(`/api/v1/requests/${filed.id}/resolve`).set(bearer(county.tokens.worker)).send({ note: 'Done' });
      expectError(response, 409, 'joint');
      expect((await getRequest(filed.id)).status).toBe('in_progress');
    });

    it('refuses to resolve the lead part while an assisting part is open, naming it', async () => {
      expectError(await resolve(lead, county.tokens.leadStaff[winner], 'Stalls closed'), 409, county.departments.assist, 'unclaimed');
      const request = await getRequest(filed.id);
      expect(request.assignments.find((a: { id: string }) => a.id === lead).status).toBe('claimed');
      expect(request.status).toBe('in_progress');
    });

    it('keeps the request in progress while only the assisting part is resolved', async () => {
      const claimed = await claim(assist, county.tokens.assistStaff);
      expect(claimed.status).toBe(200);
      expect(claimed.body).toMatchObject({ status: 'claimed', claimedBy: county.users.assistStaff });
      const resolved = await resolve(assist, county.tokens.assistStaff, 'Street cleaned');
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ id: assist, status: 'resolved', resolutionNote: 'Street cleaned' });
      const request = await getRequest(filed.id);
      expect(request.status).toBe('in_progress');
      expect(request.resolvedAt).toBeNull();
    });

    it("resolves the request with the lead's note once the lead resolves", async () => {
      const response = await resolve(lead, county.tokens.leadStaff[winner], 'Stalls closed');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: lead, status: 'resolved', resolutionNote: 'Stalls closed' });
      const request = await getRequest(filed.id);
      expect(request.status).toBe('resolved');
      expect(request.resolutionNote).toBe('Stalls closed');
      expect(request.resolvedAt).toEqual(expect.any(String));
      expect(request.assignments.map((a: { status: string }) => a.status)).toEqual(['resolved', 'resolved']);
    });

    it('answers 409 naming the state when a resolved assignment is claimed again', async () => {
      for (const token of county.tokens.leadStaff.slice(0, 3)) {
        expectError(await claim(lead, token), 409, 'resolved');
      }
      expectError(await resolve(lead, county.tokens.leadStaff[winner]), 409, 'resolved');
    });
  });

  describe('a grid task', () => {
    let task: Record<string, any>;

    beforeAll(async () => {
      task = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: smallCategory }));
      expect(task.route).toBe('grid');
    });

    it('is resolved by a grid worker of its grid, once', async () => {
      const response = await api.http
        .post(`/api/v1/requests/${task.id}/resolve`)
        .set(bearer(county.tokens.worker))
        .send({ note: 'Bulb replaced' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: task.id, status: 'resolved', resolutionNote: 'Bulb replaced' });
      expect(response.body.resolvedAt).toEqual(expect.any(String));
      expect((await getRequest(task.id)).status).toBe('resolved');

      const again = await api.http.post(`/api/v1/requests/${task.id}/resolve`).set(bearer(county.tokens.worker)).send({ note: 'Again' });
      expectError(again, 409, 'resolved');
      expect((await getRequest(task.id)).resolutionNote).toBe('Bulb replaced');
    });
  });

  describe("a department's queue", () => {
    let first: Awaited<ReturnType<typeof fileJoint>>;
    let second: Awaited<ReturnType<typeof fileJoint>>;

    beforeAll(async () => {
      first = await fileJoint();
      second = await fileJoint();
      const claimed = await claim(second.lead, county.tokens.leadStaff[0]);
      expect(claimed.status).toBe(200);
    });

    const queue = (token: string, query: Record<string, string> = {}) =>
      api.http.get('/api/v1/assignments').query({ pageSize: 100, ...query }).set(bearer(token));

    it("lists the staff's department assignments with the request title", async () => {
      const response = await queue(county.tokens.leadStaff[1]);
      expect(response.status).toBe(200);
      const items: Array<Record<string, any>> = response.body.items;
      expect(items.every((a) => a.departmentCode === county.departments.lead)).toBe(true);
      expect(items.find((a) => a.id === first.lead)).toMatchObject({
        requestId: first.filed.id,
        trackingNo: first.filed.trackingNo,
        title: first.filed.title,
        status: 'unclaimed',
      });
      expect(items.map((a) => a.id)).not.toContain(first.assist);
    });

    it('filters the queue by status', async () => {
      const unclaimed = await queue(county.tokens.leadStaff[1], { status: 'unclaimed' });
      expect(unclaimed.status).toBe(200);
      expect(unclaimed.body.items.every((a: { status: string }) => a.status === 'unclaimed')).toBe(true);
      expect(unclaimed.body.items.map((a: { id: string }) => a.id)).toContain(first.lead);
      expect(unclaimed.body.items.map((a: { id: string }) => a.id)).not.toContain(second.lead);

      const claimed = await queue(county.tokens.leadStaff[1], { status: 'claimed' });
      expect(claimed.status).toBe(200);
      expect(claimed.body.items.every((a: { status: string }) => a.status === 'claimed')).toBe(true);
      expect(claimed.body.items.find((a: { id: string }) => a.id === second.lead)).toMatchObject({
        claimedBy: leadStaffName(county, 0),
        title: second.filed.title,
      });
      expect(claimed.body.items.map((a: { id: string }) => a.id)).not.toContain(first.lead);
    });

    it("shows the assisting department its own assignment, not the lead's", async () => {
      const response = await queue(county.tokens.assistStaff, { status: 'unclaimed' });
      expect(response.status).toBe(200);
      const ids = response.body.items.map((a: { id: string }) => a.id);
      expect(ids).toEqual(expect.arrayContaining([first.assist, second.assist]));
      expect(ids).not.toContain(first.lead);
    });
  });
});
