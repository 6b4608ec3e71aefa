import { County, createCounty } from '../factories/county.factory';
import { expectError, fileRequest, leadStaffName } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { Workflow } from '../factories/workflow.factory';
import { startTestApi, TestApi } from '../support/test-api';

/** A reporter whose name and phone appear nowhere else in the filing, so any leak is theirs. */
const REPORTER = { name: 'Sun Lihua', phone: '+86 137-0000-5219' };

describe("the citizen's tracking page over HTTP", () => {
  let api: TestApi;
  let county: County;
  let flow: Workflow;
  let joint: Awaited<ReturnType<Workflow['fileJoint']>>;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    flow = new Workflow(api.http, county);
    joint = await flow.fileJoint({ reporter: REPORTER });
    await flow.claim(joint.lead, county.tokens.leadStaff[1]);
    await flow.claim(joint.assist, county.tokens.assistStaff);
    await flow.step(`requests/${joint.filed.id}/whistle`, county.tokens.worker, { departments: [county.departments.single] }, 201);
    await flow.resolve(joint.assist, county.tokens.assistStaff, 'Internal reply: cleaned, invoice to follow');
    await flow.resolve(joint.lead, county.tokens.leadStaff[1], 'The stalls were closed and the spoiled meat destroyed.');
  });
  afterAll(() => api.close());

  const track = (trackingNo: string) => api.http.get(`/api/v1/track/${encodeURIComponent(trackingNo)}`);

  it('answers without signing in, with the status, route, category, grid, dates and the answer', async () => {
    const response = await track(joint.filed.trackingNo);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      trackingNo: joint.filed.trackingNo,
      status: 'resolved',
      route: 'joint',
      category: { code: county.categories.joint, name: 'Food safety' },
      grid: { code: county.grids.home, name: 'Home grid' },
      filedAt: expect.any(String),
      dueAt: joint.filed.dueAt,
      answer: 'The stalls were closed and the spoiled meat destroyed.',
      reopenCount: 0,
    });
  });

  it('lists the public milestones in order, with the route and the answer', async () => {
    const { body } = await track(joint.filed.trackingNo);
    expect(body.milestones.map((m: { type: string }) => m.type)).toEqual([
      'request.filed',
      'request.routed',
      'request.work_started',
      'request.whistle_blown',
      'request.resolved',
    ]);
    expect(body.milestones[1]).toEqual({ type: 'request.routed', occurredAt: expect.any(String), route: 'joint' });
    expect(body.milestones[4]).toMatchObject({ note: 'The stalls were closed and the spoiled meat destroyed.' });
  });

  it("shows no reporter's details, no staff or worker names, and no internal replies", async () => {
    const text = JSON.stringify((await track(joint.filed.trackingNo)).body);
    const secrets = [
      REPORTER.name,
      REPORTER.phone,
      '5219',
      county.users.worker,
      county.users.assistStaff,
      leadStaffName(county, 1),
      'Internal reply',
      joint.filed.description,
      joint.filed.id,
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('masks phone and ID-card numbers typed into the answer, which staff still read in full', async () => {
    const note = 'Bulb replaced. Questions: 139 1234 5678 or 010-62345678; owner 110101199003071234.';
    const task = await fileRequest(api.http, county.tokens.worker, requestBody(county));
    await flow.step(`requests/${task.id}/resolve`, county.tokens.worker, { note });
    const { body } = await track(task.trackingNo);
    const masked = 'Bulb replaced. Questions: 139 **** 5678 or 010-****5678; owner 110101********1234.';
    expect(body.answer).toBe(masked);
    expect(body.milestones.find((m: { type: string }) => m.type === 'request.resolved')).toMatchObject({ note: masked });
    expect((await flow.request(task.id, county.tokens.worker)).resolutionNote).toBe(note);
  });

  it('answers 404 to an unknown or malformed tracking number, without echoing it', async () => {
    const unknown = joint.filed.trackingNo.slice(0, -1) + (joint.filed.trackingNo.endsWith('2') ? '3' : '2');
    for (const trackingNo of [unknown, 'not-a-number', '<script>alert(1)</script>']) {
      const response = await track(trackingNo);
      expectError(response, 404, 'no request has this tracking number');
      expect(response.body.message).not.toContain(trackingNo);
    }
  });
});
