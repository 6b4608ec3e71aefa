import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, expectError, fileRequest, leadStaffName } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { Workflow } from '../factories/workflow.factory';
import { TestDatabase } from '../support/database';
import { startTestApi, TestApi } from '../support/test-api';

describe('feedback and 重办 over HTTP', () => {
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

  const feedback = (requestId: string, body: object, token = county.tokens.worker) => flow.post(`requests/${requestId}/feedback`, token, body);
  const gridTask = async () => {
    const category = await createSmallCategory(api.http, api.adminToken, county);
    const task = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: category }));
    expect(task.route).toBe('grid');
    return task;
  };

  describe('a grid task', () => {
    let task: Record<string, any>;

    beforeAll(async () => {
      task = await gridTask();
    });

    it('takes no feedback before it is resolved', async () => {
      expectError(await feedback(task.id, { resolved: true, satisfied: true }), 409, 'open');
    });

    it('is reopened to its grid, with a new deadline and a reopen count, when the citizen is unsatisfied', async () => {
      await flow.step(`requests/${task.id}/resolve`, county.tokens.worker, { note: 'Bulb replaced' });
      // An old case: its first deadline long gone, so the new one must be counted from the reopening.
      await db.query(`UPDATE requests SET due_at = now() - interval '10 days' WHERE id = $1`, [task.id]);
      const response = await feedback(task.id, { resolved: true, satisfied: false, comment: 'It flickers again at night' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: task.id, status: 'open', reopenCount: 1, resolutionNote: null, resolvedAt: null });
      expect(Date.parse(response.body.dueAt)).toBeGreaterThan(Date.now());
      const request = await flow.request(task.id);
      expect(request).toMatchObject({ status: 'open', reopenCount: 1, dueAt: response.body.dueAt });
      expect(request.timeline.slice(-3).map((e: { type: string }) => e.type)).toEqual(['request.resolved', 'request.feedback_recorded', 'request.reopened']);
      expect(request.timeline.at(-1).data).toMatchObject({ reopenCount: 1, dueAt: response.body.dueAt });
      expect(request.timeline.at(-2)).toMatchObject({
        actor: county.users.worker,
        data: { resolved: true, satisfied: false, comment: 'It flickers again at night' },
      });
    });

    it('closes once the citizen says it is resolved and is satisfied, and takes no more feedback', async () => {
      await flow.step(`requests/${task.id}/resolve`, county.tokens.worker, { note: 'Wiring repaired' });
      const response = await feedback(task.id, { resolved: true, satisfied: true });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'closed', reopenCount: 1, resolutionNote: 'Wiring repaired', closedAt: expect.any(String) });
      expect((await flow.request(task.id)).timeline.at(-1)).toMatchObject({ type: 'request.closed' });
      expectError(await feedback(task.id, { resolved: true, satisfied: false }), 409, 'closed');
    });
  });

  describe('an unsatisfied citizen reopening a resolved joint case', () => {
    let joint: Awaited<ReturnType<Workflow['resolvedJoint']>>;
    let reopened: Record<string, any>;

    beforeAll(async () => {
      joint = await flow.resolvedJoint();
      expect((await flow.request(joint.filed.id)).status).toBe('resolved');
    });

    it('is recorded only by a grid worker of its grid', async () => {
      expectError(await feedback(joint.filed.id, { resolved: false, satisfied: false }, county.tokens.otherWorker), 403, county.grids.home);
      expectError(await feedback(joint.filed.id, { resolved: false, satisfied: false }, county.tokens.leader), 403);
      expectError(await feedback(joint.filed.id, { resolved: 'no', satisfied: false }), 400, 'resolved');
      expect((await flow.request(joint.filed.id)).status).toBe('resolved');
    });

    it('reopens the case to the same departments, unclaimed, with reopenCount 1', async () => {
      const response = await feedback(joint.filed.id, { resolved: false, satisfied: false, comment: 'Stalls are back' });
      expect(response.status).toBe(200);
      reopened = await flow.request(joint.filed.id);
      expect(reopened).toMatchObject({ status: 'open', reopenCount: 1, resolutionNote: null });
      expect(reopened.assignments.map((a: Record<string, unknown>) => [a.departmentCode, a.status, a.claimedBy, a.dueAt])).toEqual([
        [county.departments.lead, 'unclaimed', null, reopened.dueAt],
        [county.departments.assist, 'unclaimed', null, reopened.dueAt],
      ]);
    });

    it('names who had each part, so the department can hand it back to them', async () => {
      const events = reopened.timeline.filter((e: { type: string }) => e.type === 'assignment.reopened');
      expect(events.map((e: { data: Record<string, unknown> }) => [e.data.assignmentId, e.data.previousClaimant])).toEqual([
        [joint.lead, leadStaffName(county, 0)],
        [joint.assist, county.users.assistStaff],
      ]);
    });

    it('goes back in progress when a department claims its part again', async () => {
      await flow.claim(joint.lead, county.tokens.leadStaff[0]);
      expect((await flow.request(joint.filed.id)).status).toBe('in_progress');
    });
  });
});
