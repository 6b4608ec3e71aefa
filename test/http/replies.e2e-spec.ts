import { County, createCounty } from '../factories/county.factory';
import { expectError } from '../factories/http-helpers';
import { Workflow } from '../factories/workflow.factory';
import { startTestApi, TestApi } from '../support/test-api';

describe('主办 and 协办: lead and assisting replies over HTTP', () => {
  let api: TestApi;
  let county: County;
  let flow: Workflow;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    flow = new Workflow(api.http, county);
  });
  afterAll(() => api.close());

  const resolve = (assignmentId: string, token: string, note: string) => flow.post(`assignments/${assignmentId}/resolve`, token, { note });

  describe('a case whose assisting department replies first', () => {
    let joint: Awaited<ReturnType<Workflow['fileJoint']>>;

    beforeAll(async () => {
      joint = await flow.fileJoint();
      await flow.claim(joint.lead, county.tokens.leadStaff[0]);
    });

    it('refuses the lead’s answer while the assisting part is unclaimed or claimed, naming it', async () => {
      expectError(await resolve(joint.lead, county.tokens.leadStaff[0], 'All done'), 409, `${county.departments.assist} (unclaimed)`);
      await flow.claim(joint.assist, county.tokens.assistStaff);
      expectError(await resolve(joint.lead, county.tokens.leadStaff[0], 'All done'), 409, `${county.departments.assist} (claimed)`);
      const request = await flow.request(joint.filed.id);
      expect(request.status).toBe('in_progress');
      expect(request.assignments.find((a: { id: string }) => a.id === joint.lead).status).toBe('claimed');
    });

    it('takes the assisting reply without resolving the case', async () => {
      const response = await resolve(joint.assist, county.tokens.assistStaff, 'Reply to the lead: the street around the market is cleaned');
      expect(response.status).toBe(200);
      const request = await flow.request(joint.filed.id);
      expect(request.status).toBe('in_progress');
      expect(request.resolutionNote).toBeNull();
      expect(request.timeline.at(-1)).toMatchObject({
        type: 'assignment.resolved',
        actor: county.users.assistStaff,
        data: expect.objectContaining({ role: 'assist', note: 'Reply to the lead: the street around the market is cleaned' }),
      });
    });

    it("resolves the case with the lead's note as the one answer to the citizen", async () => {
      const response = await resolve(joint.lead, county.tokens.leadStaff[0], 'The stalls were closed and the spoiled meat destroyed.');
      expect(response.status).toBe(200);
      const request = await flow.request(joint.filed.id);
      expect(request).toMatchObject({ status: 'resolved', resolutionNote: 'The stalls were closed and the spoiled meat destroyed.' });
      expect(request.timeline.at(-1)).toMatchObject({
        type: 'request.resolved',
        data: expect.objectContaining({ note: 'The stalls were closed and the spoiled meat destroyed.' }),
      });
    });
  });

  it('lets the lead answer once the assisting part was returned', async () => {
    const joint = await flow.fileJoint();
    await flow.claim(joint.lead, county.tokens.leadStaff[1]);
    await flow.step(`assignments/${joint.assist}/return`, county.tokens.assistStaff, { reason: 'Not ours' });
    const response = await resolve(joint.lead, county.tokens.leadStaff[1], 'Handled by the market bureau alone');
    expect(response.status).toBe(200);
    expect(await flow.request(joint.filed.id)).toMatchObject({ status: 'resolved', resolutionNote: 'Handled by the market bureau alone' });
  });

  describe('messages between 主办 and 协办', () => {
    const message = (requestId: string, token: string, body: unknown) => flow.post(`requests/${requestId}/messages`, token, { body });

    it('puts a department’s message on the case’s timeline, where the other department reads it', async () => {
      const joint = await flow.fileJoint();
      const posted = await message(joint.filed.id, county.tokens.assistStaff, '  现场已清理，请主办单位确认  ');
      expect(posted.status).toBe(201);
      expect(posted.body).toMatchObject({
        type: 'request.message_posted',
        actor: county.users.assistStaff,
        data: { departmentCode: county.departments.assist, body: '现场已清理，请主办单位确认' },
      });
      const seen = await flow.request(joint.filed.id, county.tokens.leadStaff[0]);
      expect(seen.timeline.at(-1)).toMatchObject({ sequence: posted.body.sequence, type: 'request.message_posted', data: posted.body.data });
    });

    it('refuses a department without a part of the case, a grid worker, an empty and an overlong message, writing nothing', async () => {
      const joint = await flow.fileJoint();
      const before = (await flow.request(joint.filed.id)).timeline.length;
      const outsider = await message(joint.filed.id, county.tokens.singleStaff, '不是我们的事');
      expectError(outsider, 403);
      expect(outsider.body.code).toBe('CASEWORK.DEPARTMENT_SCOPE');
      expectError(await message(joint.filed.id, county.tokens.worker, '网格员不能在此留言'), 403);
      expectError(await message(joint.filed.id, county.tokens.leadStaff[0], '   '), 400, 'body');
      expectError(await message(joint.filed.id, county.tokens.leadStaff[0], '长'.repeat(501)), 400, 'body');
      expectError(await message(joint.filed.id, county.tokens.leadStaff[0], 42), 400, 'body');
      expect((await flow.request(joint.filed.id)).timeline).toHaveLength(before);
    });

    it('refuses a department that handed its part back', async () => {
      const joint = await flow.fileJoint();
      await flow.step(`assignments/${joint.assist}/return`, county.tokens.assistStaff, { reason: 'Not ours' });
      const response = await message(joint.filed.id, county.tokens.assistStaff, '我们已退单');
      expectError(response, 403);
      expect(response.body.code).toBe('CASEWORK.DEPARTMENT_SCOPE');
    });
  });
});
