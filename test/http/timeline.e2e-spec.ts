import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, fileRequest, leadStaffName } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

interface Entry {
  sequence: number;
  type: string;
  occurredAt: string;
  actor?: string;
  data?: Record<string, unknown>;
}

/** A reporter whose name and phone appear nowhere else in the filing, so any leak is theirs. */
const REPORTER = { name: 'Zhao Xiaoyu', phone: '+86 139-0000-4711' };

describe("a request's timeline over HTTP", () => {
  let api: TestApi;
  let county: County;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
  });
  afterAll(() => api.close());

  const timelineOf = async (id: string, token = api.adminToken): Promise<{ body: Record<string, any>; timeline: Entry[] }> => {
    const response = await api.http.get(`/api/v1/requests/${id}`).set(bearer(token));
    expect(response.status).toBe(200);
    return { body: response.body, timeline: response.body.timeline };
  };
  const expectWellOrdered = (timeline: Entry[]): void => {
    expect(timeline.map((e) => e.sequence)).toEqual(timeline.map((_, i) => i + 1));
    const times = timeline.map((e) => Date.parse(e.occurredAt));
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const entry of timeline) expect(entry.occurredAt).toMatch(/[+-]\d\d:\d\d$/);
  };
  const expectNoReporterData = (timeline: Entry[]): void => {
    for (const entry of timeline) {
      const text = JSON.stringify(entry.data ?? {});
      expect(text).not.toContain(REPORTER.name);
      expect(text).not.toContain(REPORTER.phone);
      expect(text).not.toContain('Zhao');
      expect(text).not.toContain('4711');
    }
  };

  describe('a joint case from filing to resolution', () => {
    let filed: Record<string, any>;
    let claimant: string;

    beforeAll(async () => {
      filed = await fileRequest(api.http, county.tokens.worker, requestBody(county, { major: true, reporter: REPORTER }));
      const [lead, assist] = filed.assignments as Array<{ id: string; role: string }>;
      expect([lead.role, assist.role]).toEqual(['lead', 'assist']);
      claimant = leadStaffName(county, 1);
      const steps: Array<[string, string, object?]> = [
        [`/api/v1/assignments/${lead.id}/claim`, county.tokens.leadStaff[1]],
        [`/api/v1/assignments/${assist.id}/claim`, county.tokens.assistStaff],
        [`/api/v1/assignments/${assist.id}/resolve`, county.tokens.assistStaff, { note: 'Market cleaned' }],
        [`/api/v1/assignments/${lead.id}/resolve`, county.tokens.leadStaff[1], { note: 'Stalls closed' }],
      ];
      for (const [path, token, body] of steps) {
        const response = await api.http.post(path).set(bearer(token)).send(body ?? {});
        if (response.status !== 200) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      }
    });

    it('lists every state change in order, numbered 1..n without gaps', async () => {
      const { body, timeline } = await timelineOf(filed.id);
      expect(body.status).toBe('resolved');
      expect(timeline.map((e) => e.type)).toEqual([
        'request.filed',
        'request.routed',
        'assignment.created',
        'assignment.created',
        'assignment.claimed',
        'request.work_started',
        'assignment.claimed',
        'assignment.resolved',
        'assignment.resolved',
        'request.resolved',
      ]);
      expectWellOrdered(timeline);
    });

    it('says who did what and which assignment it was about', async () => {
      const { timeline } = await timelineOf(filed.id);
      const [lead, assist] = filed.assignments as Array<{ id: string; departmentCode: string }>;
      expect(timeline[0]).toMatchObject({ type: 'request.filed', actor: county.users.worker });
      expect(timeline[1].data).toMatchObject({ route: 'joint' });
      expect(timeline.slice(2, 4).map((e) => e.data?.assignmentId)).toEqual([lead.id, assist.id]);
      expect(timeline[4]).toMatchObject({ actor: claimant, data: expect.objectContaining({ assignmentId: lead.id }) });
      expect(timeline[6]).toMatchObject({ actor: county.users.assistStaff, data: expect.objectContaining({ assignmentId: assist.id }) });
      expect(timeline[7]).toMatchObject({ actor: county.users.assistStaff, data: expect.objectContaining({ assignmentId: assist.id }) });
      expect(timeline[8]).toMatchObject({ actor: claimant, data: expect.objectContaining({ assignmentId: lead.id }) });
      expect(timeline[9].data).toMatchObject({ note: 'Stalls closed' });
    });

    it('never carries the reporter’s name or phone, though staff see them on the request', async () => {
      const { body, timeline } = await timelineOf(filed.id, county.tokens.leadStaff[1]);
      expect(body.reporter).toEqual(REPORTER);
      expectNoReporterData(timeline);
    });

    it('shows the same timeline to every allowed viewer', async () => {
      const { timeline: forAdmin } = await timelineOf(filed.id);
      for (const token of [county.tokens.worker, county.tokens.leader, county.tokens.assistStaff]) {
        expect((await timelineOf(filed.id, token)).timeline).toEqual(forAdmin);
      }
    });
  });

  describe('a grid task', () => {
    it('runs filed, routed, resolved, and keeps the reporter out', async () => {
      const smallCategory = await createSmallCategory(api.http, api.adminToken, county);
      const filed = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: smallCategory, reporter: REPORTER }));
      expect(filed.route).toBe('grid');
      const before = await timelineOf(filed.id);
      expect(before.timeline.map((e) => e.type)).toEqual(['request.filed', 'request.routed']);

      const resolved = await api.http.post(`/api/v1/requests/${filed.id}/resolve`).set(bearer(county.tokens.worker)).send({ note: 'Bulb replaced' });
      expect(resolved.status).toBe(200);
      const { timeline } = await timelineOf(filed.id);
      expect(timeline.map((e) => e.type)).toEqual(['request.filed', 'request.routed', 'request.resolved']);
      expect(timeline[2]).toMatchObject({ actor: county.users.worker, data: expect.objectContaining({ note: 'Bulb replaced' }) });
      expectWellOrdered(timeline);
      expectNoReporterData(timeline);
    });

    it('leaves the timeline untouched by a refused change', async () => {
      const smallCategory = await createSmallCategory(api.http, api.adminToken, county);
      const filed = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: smallCategory }));
      const refused = await api.http.post(`/api/v1/requests/${filed.id}/resolve`).set(bearer(county.tokens.otherWorker)).send({ note: 'Not mine' });
      expect(refused.status).toBe(403);
      const { timeline } = await timelineOf(filed.id);
      expect(timeline.map((e) => e.type)).toEqual(['request.filed', 'request.routed']);
    });
  });
});
