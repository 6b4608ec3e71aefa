import { County, createCounty } from '../factories/county.factory';
import { createUser, expectError } from '../factories/http-helpers';
import { Workflow } from '../factories/workflow.factory';
import { openEventStream } from '../support/event-stream';
import { eventually } from '../support/eventually';
import { bearer, startTestApi, TestApi } from '../support/test-api';

/** The grid's notices: written with the events that cause them, read by the grid's workers and leaders. */
describe('notices for grid workers over HTTP', () => {
  let api: TestApi;
  let county: County;
  let flow: Workflow;
  let colleague: string;

  beforeAll(async () => {
    api = await startTestApi({ env: { NOTICE_POLL_MS: '100' } });
    county = await createCounty(api.http, api.adminToken);
    flow = new Workflow(api.http, county);
    colleague = await createUser(api.http, api.adminToken, { username: `colleague-${county.suffix}`, role: 'grid_worker', gridCodes: [county.grids.home] });
  });
  afterAll(() => api.close());

  const notices = async (token: string, query = ''): Promise<Record<string, any>> => {
    const response = await api.http.get(`/api/v1/notices${query}`).set(bearer(token));
    if (response.status !== 200) throw new Error(`GET notices: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  describe('a return, its decision, an arrival on site and a reopening', () => {
    let joint: { filed: Record<string, any>; lead: string; assist: string };

    beforeAll(async () => {
      joint = await flow.fileJoint();
      await flow.step(`assignments/${joint.assist}/return`, county.tokens.assistStaff, { reason: 'Not ours: call the water company' });
      await flow.step(`assignments/${joint.assist}/return-decision`, api.adminToken, { action: 'reroute', departmentCode: county.departments.single });
      const whistle = await flow.step(`requests/${joint.filed.id}/whistle`, county.tokens.worker, { departments: [county.departments.lead] }, 201);
      await flow.step(`requests/${joint.filed.id}/whistle/${whistle.id}/arrive`, county.tokens.leadStaff[0]);
    });

    it('lists them for the grid’s worker, newest first, unread, with what the app shows', async () => {
      const page = await notices(county.tokens.worker);
      const ours = page.items.filter((n: { requestId: string }) => n.requestId === joint.filed.id);
      expect(ours.map((n: { kind: string }) => n.kind)).toEqual(['whistle_arrival', 'return_rerouted', 'assignment_returned']);
      expect(ours[2]).toEqual({
        id: expect.any(String),
        kind: 'assignment_returned',
        requestId: joint.filed.id,
        trackingNo: joint.filed.trackingNo,
        title: joint.filed.title,
        createdAt: expect.any(String),
        data: expect.objectContaining({ assignmentId: joint.assist, departmentCode: county.departments.assist, reason: 'Not ours: call the water company' }),
        readAt: null,
      });
      expect(ours[0].data).toMatchObject({ departmentCode: county.departments.lead, attendance: 'on_time' });
      expect(page.unread).toBeGreaterThanOrEqual(3);
    });

    it('tells the grid what it did not do itself: its own whistle makes no notice for it', async () => {
      const page = await notices(county.tokens.worker, '?pageSize=100');
      expect(page.items.map((n: { kind: string }) => n.kind)).not.toContain('whistle_summons');
    });

    it('marks a notice read for one worker and leaves it unread for a colleague', async () => {
      const [first] = (await notices(county.tokens.worker, '?unread=true')).items;
      const read = await api.http.post(`/api/v1/notices/${first.id}/read`).set(bearer(county.tokens.worker));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: first.id, readAt: expect.any(String) });
      const again = await api.http.post(`/api/v1/notices/${first.id}/read`).set(bearer(county.tokens.worker));
      expect(again.body.readAt).toBe(read.body.readAt);
      expect((await notices(county.tokens.worker, '?unread=true&pageSize=100')).items.map((n: { id: string }) => n.id)).not.toContain(first.id);
      expect((await notices(colleague, '?unread=true&pageSize=100')).items.map((n: { id: string }) => n.id)).toContain(first.id);
    });

    it('shows a leader of the grid the same notices, and another grid’s worker none', async () => {
      expect((await notices(county.tokens.leader, '?pageSize=100')).items.some((n: { requestId: string }) => n.requestId === joint.filed.id)).toBe(true);
      expect((await notices(county.tokens.otherWorker, '?pageSize=100')).items.some((n: { requestId: string }) => n.requestId === joint.filed.id)).toBe(false);
    });

    it('refuses another grid’s notice, an unknown one and an admin, each in the error shape', async () => {
      const [first] = (await notices(county.tokens.worker)).items;
      const other = await api.http.post(`/api/v1/notices/${first.id}/read`).set(bearer(county.tokens.otherWorker));
      expectError(other, 403);
      expect(other.body.code).toBe('NOTICES.SCOPE');
      const unknown = await api.http.post('/api/v1/notices/00000000-0000-4000-8000-000000000000/read').set(bearer(county.tokens.worker));
      expectError(unknown, 404);
      expect(unknown.body.code).toBe('NOTICES.NOT_FOUND');
      expectError(await api.http.get('/api/v1/notices').set(bearer(api.adminToken)), 403);
      expectError(await api.http.get('/api/v1/notices?unread=maybe').set(bearer(county.tokens.worker)), 400, 'unread');
    });
  });

  it('tells the grid when the citizen’s answer reopens a joint case, and when its departments resolved it', async () => {
    const joint = await flow.resolvedJoint();
    await flow.step(`requests/${joint.filed.id}/feedback`, county.tokens.worker, { resolved: false, satisfied: false });
    const kinds = (await notices(county.tokens.worker, '?pageSize=100')).items
      .filter((n: { requestId: string }) => n.requestId === joint.filed.id)
      .map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(['reopened', 'resolved']);
  });

  it('pushes a new notice live to the grid’s open streams, and not to another grid’s', async () => {
    const joint = await flow.fileJoint();
    const mine = await openEventStream(api.app, `/api/v1/notices/stream?access_token=${county.tokens.worker}`);
    const theirs = await openEventStream(api.app, `/api/v1/notices/stream?access_token=${county.tokens.otherWorker}`);
    try {
      expect(mine.response.statusCode).toBe(200);
      expect(mine.response.headers['content-type']).toMatch(/^text\/event-stream/);
      // Never compressed (the api compresses its other answers): each event arrives when it is written.
      expect(mine.response.headers['content-encoding']).toBeUndefined();
      await flow.step(`assignments/${joint.assist}/return`, county.tokens.assistStaff, { reason: 'Wrong department' });
      const pushed = await eventually('the return pushed to the grid’s stream', () => {
        const event = mine.events.find((e) => e.type === 'notice' && e.data.requestId === joint.filed.id);
        if (!event) throw new Error(`not yet: ${JSON.stringify(mine.events)}`);
        return event;
      });
      expect(pushed.data).toEqual({
        id: expect.any(String),
        kind: 'assignment_returned',
        requestId: joint.filed.id,
        trackingNo: joint.filed.trackingNo,
        title: joint.filed.title,
        createdAt: expect.any(String),
        data: expect.objectContaining({ reason: 'Wrong department' }),
      });
      // The other grid's stream has had as long: it got nothing of this request.
      expect(theirs.events.filter((e) => e.type === 'notice' && e.data.requestId === joint.filed.id)).toEqual([]);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('refuses the stream without a token, and to an admin', async () => {
    expect((await api.http.get('/api/v1/notices/stream')).status).toBe(401);
    const admin = await openEventStream(api.app, `/api/v1/notices/stream?access_token=${api.adminToken}`);
    expect(admin.response.statusCode).toBe(403);
    admin.close();
  });
});
