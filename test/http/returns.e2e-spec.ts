import { County, createCounty } from '../factories/county.factory';
import { expectError, leadStaffName } from '../factories/http-helpers';
import { Workflow } from '../factories/workflow.factory';
import { TestDatabase } from '../support/database';
import { startTestApi, TestApi } from '../support/test-api';

describe('退单: returning an assignment over HTTP', () => {
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

  const returnIt = (assignmentId: string, token: string, reason = 'Not our matter: the stalls are licensed by another bureau') =>
    flow.post(`assignments/${assignmentId}/return`, token, { reason });
  const decide = (assignmentId: string, body: object, token = county.tokens.admin) => flow.post(`assignments/${assignmentId}/return-decision`, token, body);
  const topicsOf = async (requestId: string, type: string) =>
    (
      await db.query(
        `SELECT o.topic FROM outbox o JOIN request_events e ON e.event_id = o.event_id WHERE e.request_id = $1 AND e.type = $2`,
        [requestId, type],
      )
    )
      .map((r) => r.topic)
      .sort();

  describe('an unclaimed assignment returned and rerouted to another department', () => {
    let filed: Record<string, any>;
    let assist: string;
    let rerouted: Record<string, any>;

    beforeAll(async () => {
      ({ filed, assist } = await flow.fileJoint());
    });

    it('is returned by staff of its department with a reason, awaiting a decision', async () => {
      const response = await returnIt(assist, county.tokens.assistStaff);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: assist,
        status: 'returned',
        returnReason: 'Not our matter: the stalls are licensed by another bureau',
        returnedBy: county.users.assistStaff,
        returnedAt: expect.any(String),
        reroutedTo: null,
      });
      expect(await topicsOf(filed.id, 'assignment.returned')).toEqual(['governance.dept.' + county.departments.assist + '.v1', 'governance.requests.v1']);
    });

    it('is rerouted by the admin to another department, which finds it in its queue', async () => {
      const response = await decide(assist, { action: 'reroute', departmentCode: county.departments.single });
      expect(response.status).toBe(200);
      rerouted = response.body.reroutedTo;
      expect(rerouted).toMatchObject({ departmentCode: county.departments.single, role: 'assist', status: 'unclaimed' });
      expect(response.body.assignment).toMatchObject({ id: assist, status: 'returned', reroutedTo: rerouted.id });

      const queue = await flow.get<{ items: Array<Record<string, any>> }>('assignments?status=unclaimed&pageSize=100', county.tokens.singleStaff);
      expect(queue.items.find((a) => a.id === rerouted.id)).toMatchObject({ requestId: filed.id, title: filed.title, role: 'assist' });
      expect(await topicsOf(filed.id, 'assignment.created')).toContain(`governance.dept.${county.departments.single}.v1`);
    });

    it('shows the reroute on the timeline and the new assignment on the request', async () => {
      const request = await flow.request(filed.id);
      expect(request.assignments.map((a: { departmentCode: string; status: string }) => [a.departmentCode, a.status]).sort()).toEqual(
        [
          [county.departments.lead, 'unclaimed'],
          [county.departments.assist, 'returned'],
          [county.departments.single, 'unclaimed'],
        ].sort(),
      );
      const types = request.timeline.map((e: { type: string }) => e.type);
      expect(types.slice(-3)).toEqual(['assignment.returned', 'assignment.rerouted', 'assignment.created']);
      expect(request.timeline.at(-2)).toMatchObject({
        actor: 'admin',
        data: expect.objectContaining({ fromDepartmentCode: county.departments.assist, departmentCode: county.departments.single, reroutedTo: rerouted.id }),
      });
    });

    it('lets the new department claim it', async () => {
      await flow.claim(rerouted.id, county.tokens.singleStaff);
      expect((await flow.assignment(filed.id, rerouted.id)).claimedBy).toBe(county.users.singleStaff);
    });

    it('answers 409 to a second decision on the same return', async () => {
      expectError(await decide(assist, { action: 'send_back' }), 409, 'rerouted');
      expectError(await decide(assist, { action: 'reroute', departmentCode: county.departments.lead }), 409, 'rerouted');
    });
  });

  describe('a claimed assignment returned and sent back', () => {
    let filed: Record<string, any>;
    let lead: string;

    beforeAll(async () => {
      ({ filed, lead } = await flow.fileJoint());
      await flow.claim(lead, county.tokens.leadStaff[0]);
    });

    it('may be returned only by whoever claimed it', async () => {
      expectError(await returnIt(lead, county.tokens.leadStaff[1]), 403, leadStaffName(county, 0));
      expectError(await returnIt(lead, county.tokens.assistStaff), 403, county.departments.lead);
      const response = await returnIt(lead, county.tokens.leadStaff[0]);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'returned', returnedBy: leadStaffName(county, 0) });
    });

    it('refuses decisions from anyone but an admin, and bad decisions with 400', async () => {
      expectError(await decide(lead, { action: 'send_back' }, county.tokens.leadStaff[0]), 403);
      expectError(await decide(lead, { action: 'reroute' }), 400, 'departmentCode');
      expectError(await decide(lead, { action: 'send_back', departmentCode: county.departments.single }), 400, 'departmentCode');
      expectError(await decide(lead, { action: 'reroute', departmentCode: county.departments.lead }), 400, 'send it back');
      expectError(await decide(lead, { action: 'reroute', departmentCode: 'no-such-dept' }), 400, 'no-such-dept');
      expectError(await decide(lead, { action: 'archive' }), 400, 'action');
      expectError(await decide(lead, { action: 'reroute', departmentCode: county.departments.assist }), 409, county.departments.assist);
      expect((await flow.assignment(filed.id, lead)).status).toBe('returned');
    });

    it('goes back to its department unclaimed when the admin sends it back', async () => {
      const response = await decide(lead, { action: 'send_back' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        assignment: { id: lead, status: 'unclaimed', claimedBy: null, returnReason: null, reroutedTo: null },
        reroutedTo: null,
      });
      const request = await flow.request(filed.id);
      expect(request.assignments.map((a: { id: string }) => a.id)).toHaveLength(2);
      expect(request.timeline.at(-1)).toMatchObject({
        type: 'assignment.sent_back',
        actor: 'admin',
        data: expect.objectContaining({ assignmentId: lead, returnReason: expect.stringContaining('Not our matter') }),
      });
      expect(await topicsOf(filed.id, 'assignment.sent_back')).toEqual([`governance.dept.${county.departments.lead}.v1`, 'governance.requests.v1']);
    });

    it('can then be claimed again by its department', async () => {
      const claimed = await flow.claim(lead, county.tokens.leadStaff[1]);
      expect(claimed).toMatchObject({ status: 'claimed', claimedBy: leadStaffName(county, 1) });
    });
  });
});
