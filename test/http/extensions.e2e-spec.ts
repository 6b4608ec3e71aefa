import { County, createCounty } from '../factories/county.factory';
import { expectError, leadStaffName } from '../factories/http-helpers';
import { Workflow } from '../factories/workflow.factory';
import { TestDatabase } from '../support/database';
import { startTestApi, TestApi } from '../support/test-api';

describe('延期: extensions over HTTP', () => {
  let api: TestApi;
  let county: County;
  let flow: Workflow;
  let db: TestDatabase;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    flow = new Workflow(api.http, county);
    db = new TestDatabase();
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  const extend = (assignmentId: string, token: string, body: object) =>
    flow.post(`assignments/${assignmentId}/extend`, token, { reason: 'The supplier must be traced first', ...body });
  const decide = (assignmentId: string, token: string, body: object) => flow.post(`assignments/${assignmentId}/extension-decision`, token, body);

  /** A joint case with both parts claimed: the lead by lead staff 0, the assisting part by the assisting staff. */
  const claimedCase = async () => {
    const joint = await flow.fileJoint();
    await flow.claim(joint.lead, county.tokens.leadStaff[0]);
    await flow.claim(joint.assist, county.tokens.assistStaff);
    return joint;
  };

  describe('an approved extension', () => {
    let joint: Awaited<ReturnType<typeof claimedCase>>;
    let before: Record<string, any>;
    let asked: Record<string, any>;

    beforeAll(async () => {
      joint = await claimedCase();
      before = await flow.request(joint.filed.id);
    });

    it('is asked by the claimant before the due time and waits, pending', async () => {
      const response = await extend(joint.assist, county.tokens.assistStaff, { extraWorkingHours: 16 });
      expect(response.status).toBe(201);
      asked = response.body;
      const dueAt = before.assignments.find((a: { id: string }) => a.id === joint.assist).dueAt;
      expect(asked).toMatchObject({ assignmentId: joint.assist, status: 'pending', previousDueAt: dueAt, requestedBy: county.users.assistStaff });
      expect(Date.parse(asked.requestedDueAt)).toBeGreaterThan(Date.parse(dueAt));
      expect((await flow.assignment(joint.filed.id, joint.assist)).dueAt).toBe(dueAt);
    });

    it('answers 409 to a second ask while one is pending', async () => {
      expectError(await extend(joint.assist, county.tokens.assistStaff, { extraWorkingHours: 2 }), 409, 'pending');
    });

    it('may not be decided by the assisting department itself', async () => {
      expectError(await decide(joint.assist, county.tokens.assistStaff, { approve: true }), 403, county.departments.lead);
    });

    it("moves the assignment's dueAt, and the request's when later, once the lead department approves", async () => {
      const response = await decide(joint.assist, county.tokens.leadStaff[1], { approve: true, note: 'Take the time, keep us posted' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: asked.id, status: 'approved', decidedBy: leadStaffName(county, 1), decisionNote: 'Take the time, keep us posted' });
      const after = await flow.request(joint.filed.id);
      expect(after.assignments.find((a: { id: string }) => a.id === joint.assist).dueAt).toBe(asked.requestedDueAt);
      expect(after.assignments.find((a: { id: string }) => a.id === joint.lead).dueAt).toBe(before.assignments.find((a: { id: string }) => a.id === joint.lead).dueAt);
      expect(after.dueAt).toBe(asked.requestedDueAt);
      expect(after.timeline.slice(-2).map((e: { type: string }) => e.type)).toEqual(['assignment.extension_requested', 'assignment.extension_approved']);
      expect(after.timeline.at(-1)).toMatchObject({ actor: leadStaffName(county, 1), data: expect.objectContaining({ dueAt: asked.requestedDueAt }) });
    });

    it('answers 409 to a decision when nothing is pending', async () => {
      expectError(await decide(joint.assist, county.tokens.admin, { approve: false }), 409, 'pending');
    });
  });

  it('leaves dueAt where it was when an admin refuses', async () => {
    const joint = await claimedCase();
    const before = await flow.assignment(joint.filed.id, joint.lead);
    const requestedDueAt = new Date(Date.parse(before.dueAt) + 3 * 86_400_000).toISOString().replace('Z', '+00:00');
    const asked = await extend(joint.lead, county.tokens.leadStaff[0], { requestedDueAt });
    expect(asked.status).toBe(201);
    expect(Date.parse(asked.body.requestedDueAt)).toBe(Date.parse(requestedDueAt));
    expectError(await decide(joint.lead, county.tokens.leadStaff[0], { approve: true }), 403, 'someone else');
    const refused = await decide(joint.lead, county.tokens.admin, { approve: false, note: 'Three days is enough' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', decidedBy: 'admin' });
    const request = await flow.request(joint.filed.id);
    expect(request.assignments.find((a: { id: string }) => a.id === joint.lead).dueAt).toBe(before.dueAt);
    expect(request.timeline.at(-1)).toMatchObject({ type: 'assignment.extension_refused', actor: 'admin' });
  });

  it('answers 409 to an ask after the due time', async () => {
    const joint = await claimedCase();
    await db.query(`UPDATE assignments SET due_at = now() - interval '1 minute' WHERE id = $1`, [joint.assist]);
    expectError(await extend(joint.assist, county.tokens.assistStaff, { extraWorkingHours: 4 }), 409, 'was due at');
    expect((await flow.request(joint.filed.id)).timeline.at(-1).type).not.toBe('assignment.extension_requested');
  });

  it('lets only the claimant ask, and only with one well-formed due time', async () => {
    const joint = await claimedCase();
    expectError(await extend(joint.lead, county.tokens.leadStaff[1], { extraWorkingHours: 4 }), 403, leadStaffName(county, 0));
    expectError(await extend(joint.lead, county.tokens.leadStaff[0], {}), 400, 'requestedDueAt', 'extraWorkingHours');
    expectError(await extend(joint.lead, county.tokens.leadStaff[0], { extraWorkingHours: 4, requestedDueAt: '2030-01-01T00:00:00+08:00' }), 400, 'exactly one');
    expectError(await extend(joint.lead, county.tokens.leadStaff[0], { requestedDueAt: '2030-01-01T00:00:00' }), 400, 'requestedDueAt');
    expectError(await extend(joint.lead, county.tokens.leadStaff[0], { requestedDueAt: '2020-01-01T00:00:00+08:00' }), 400, 'later than');
    expectError(await extend(joint.lead, county.tokens.leadStaff[0], { extraWorkingHours: 0 }), 400, 'extraWorkingHours');
    expectError(await extend(joint.lead, county.tokens.leadStaff[0], { extraWorkingHours: 4, reason: '' }), 400, 'reason');
  });
});
