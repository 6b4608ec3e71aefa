import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { Workflow } from '../factories/workflow.factory';
import { startTestApi, TestApi } from '../support/test-api';

type AssignmentState = 'unclaimed' | 'claimed' | 'resolved' | 'returned' | 'rerouted';
type AssignmentAction = 'claim' | 'resolve' | 'return' | 'return-decision' | 'extend';
type RequestState = 'open' | 'in_progress' | 'resolved' | 'closed';

/** Every move the lifecycle forbids that HTTP can reach, with the state the 409 must name. */
const FORBIDDEN_ASSIGNMENT_MOVES: Array<[AssignmentState, AssignmentAction, string]> = [
  ['unclaimed', 'resolve', 'unclaimed'],
  ['unclaimed', 'return-decision', 'unclaimed'],
  ['unclaimed', 'extend', 'unclaimed'],
  ['claimed', 'claim', 'claimed'],
  ['claimed', 'return-decision', 'claimed'],
  ['resolved', 'claim', 'resolved'],
  ['resolved', 'resolve', 'resolved'],
  ['resolved', 'return', 'resolved'],
  ['resolved', 'return-decision', 'resolved'],
  ['resolved', 'extend', 'resolved'],
  ['returned', 'claim', 'returned'],
  ['returned', 'resolve', 'returned'],
  ['returned', 'return', 'returned'],
  ['returned', 'extend', 'returned'],
  ['rerouted', 'claim', 'returned'],
  ['rerouted', 'resolve', 'returned'],
  ['rerouted', 'return', 'returned'],
  ['rerouted', 'return-decision', 'rerouted'],
  ['rerouted', 'extend', 'returned'],
];

const FORBIDDEN_REQUEST_MOVES: Array<[RequestState, 'resolve' | 'feedback' | 'whistle', string]> = [
  ['open', 'feedback', 'open'],
  ['in_progress', 'feedback', 'in_progress'],
  ['closed', 'feedback', 'closed'],
  ['resolved', 'resolve', 'resolved'],
  ['closed', 'resolve', 'closed'],
  ['resolved', 'whistle', 'resolved'],
  ['closed', 'whistle', 'closed'],
];

describe('every forbidden transition over HTTP answers 409 naming the current state', () => {
  let api: TestApi;
  let county: County;
  let flow: Workflow;
  const assignments = new Map<AssignmentState, { requestId: string; id: string; token: string }>();
  const gridTasks = new Map<RequestState, string>();

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    flow = new Workflow(api.http, county);
    const { tokens } = county;

    const fresh = await flow.fileJoint();
    assignments.set('unclaimed', { requestId: fresh.filed.id, id: fresh.assist, token: tokens.assistStaff });
    await flow.claim(fresh.lead, tokens.leadStaff[0]);
    assignments.set('claimed', { requestId: fresh.filed.id, id: fresh.lead, token: tokens.leadStaff[0] });

    const done = await flow.resolvedJoint();
    assignments.set('resolved', { requestId: done.filed.id, id: done.assist, token: tokens.assistStaff });

    const returned = await flow.fileJoint();
    await flow.claim(returned.assist, tokens.assistStaff);
    await flow.step(`assignments/${returned.assist}/return`, tokens.assistStaff, { reason: 'Not ours' });
    assignments.set('returned', { requestId: returned.filed.id, id: returned.assist, token: tokens.assistStaff });

    const rerouted = await flow.fileJoint();
    await flow.step(`assignments/${rerouted.assist}/return`, tokens.assistStaff, { reason: 'Not ours' });
    await flow.step(`assignments/${rerouted.assist}/return-decision`, tokens.admin, { action: 'reroute', departmentCode: county.departments.single });
    assignments.set('rerouted', { requestId: rerouted.filed.id, id: rerouted.assist, token: tokens.assistStaff });

    const category = await createSmallCategory(api.http, api.adminToken, county);
    const task = async (): Promise<string> => (await fileRequest(api.http, tokens.worker, requestBody(county, { categoryCode: category }))).id;
    gridTasks.set('open', await task());
    gridTasks.set('in_progress', fresh.filed.id);
    const resolved = await task();
    await flow.step(`requests/${resolved}/resolve`, tokens.worker, { note: 'Bulb replaced' });
    gridTasks.set('resolved', resolved);
    const closed = await task();
    await flow.step(`requests/${closed}/resolve`, tokens.worker, { note: 'Bulb replaced' });
    await flow.step(`requests/${closed}/feedback`, tokens.worker, { resolved: true, satisfied: true });
    gridTasks.set('closed', closed);
  });
  afterAll(() => api.close());

  const BODIES: Record<AssignmentAction, object> = {
    claim: {},
    resolve: { note: 'Done' },
    return: { reason: 'Not ours' },
    'return-decision': { action: 'send_back' },
    extend: { extraWorkingHours: 1, reason: 'More time' },
  };

  it.each(FORBIDDEN_ASSIGNMENT_MOVES)('%s assignment: %s → 409 naming "%s", nothing changed', async (state, action, named) => {
    const { requestId, id, token } = assignments.get(state)!;
    const before = await flow.request(requestId);
    const response = await flow.post(`assignments/${id}/${action}`, action === 'return-decision' ? county.tokens.admin : token, BODIES[action]);
    expectError(response, 409, named);
    expect(response.body.message).toMatch(/^cannot /);
    const after = await flow.request(requestId);
    expect(after.assignments).toEqual(before.assignments);
    expect(after.timeline).toHaveLength(before.timeline.length);
  });

  it.each(FORBIDDEN_REQUEST_MOVES)('%s request: %s → 409 naming "%s", nothing changed', async (state, action, named) => {
    const requestId = gridTasks.get(state)!;
    const before = await flow.request(requestId);
    const bodies = { resolve: { note: 'Again' }, feedback: { resolved: true, satisfied: false }, whistle: { departments: [county.departments.single] } };
    const response = await flow.post(`requests/${requestId}/${action}`, county.tokens.worker, bodies[action]);
    expectError(response, 409, `the request is ${named}`);
    const after = await flow.request(requestId);
    expect(after).toMatchObject({ status: before.status, reopenCount: before.reopenCount, whistles: before.whistles });
    expect(after.timeline).toHaveLength(before.timeline.length);
  });

  it('a lead part with an assisting part open: resolve → 409 naming the open part', async () => {
    const joint = await flow.fileJoint();
    await flow.claim(joint.lead, county.tokens.leadStaff[2]);
    expectError(await flow.post(`assignments/${joint.lead}/resolve`, county.tokens.leadStaff[2], { note: 'Done' }), 409, `${county.departments.assist} (unclaimed)`);
  });

  it('a pending return on a resolved request: return-decision → 409 naming the request state', async () => {
    const joint = await flow.fileJoint();
    await flow.claim(joint.lead, county.tokens.leadStaff[2]);
    await flow.step(`assignments/${joint.assist}/return`, county.tokens.assistStaff, { reason: 'Not ours' });
    await flow.resolve(joint.lead, county.tokens.leadStaff[2], 'Handled alone');
    expectError(await flow.post(`assignments/${joint.assist}/return-decision`, county.tokens.admin, { action: 'send_back' }), 409, 'the request is resolved');
    expect((await flow.assignment(joint.filed.id, joint.assist)).status).toBe('returned');
  });
});
