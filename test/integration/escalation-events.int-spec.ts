import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory } from '../factories/http-helpers';
import { fileRequest, getRequest, waitUntilDelivered } from '../support/casework';
import { eventually } from '../support/eventually';
import { departmentTopic, REQUESTS_TOPIC, TestKafka } from '../support/kafka';
import { bearer, startTestApi, TestApi } from '../support/test-api';

/** An escalated grid task and a cluster turned joint reach their departments on Kafka as a filed joint case does. */
describe('escalation and clusters on Kafka', () => {
  let api: TestApi;
  let county: County;
  let kafka: TestKafka;

  beforeAll(async () => {
    api = await startTestApi({ withDepartmentHandlers: true });
    county = await createCounty(api.http, api.adminToken, 1);
    kafka = new TestKafka();
  });
  afterAll(async () => {
    await kafka?.close();
    await api?.close();
  });

  /** Every timeline event on governance.requests.v1 in order, and the department's assignment.created on its topic. */
  const expectOnKafka = async (requestId: string): Promise<void> => {
    const view = await waitUntilDelivered(api.http, county.tokens.worker, requestId);
    const timeline = (await getRequest(api.http, county.tokens.worker, requestId)).timeline ?? [];
    const topic = departmentTopic(county.departments.single);
    const reader = await kafka.read([REQUESTS_TOPIC, topic]);
    try {
      await eventually('the timeline and the assignment are on Kafka', () => {
        expect(reader.ofRequest(REQUESTS_TOPIC, requestId)).toHaveLength(timeline.length);
        expect(reader.ofRequest(topic, requestId)).toHaveLength(1);
      });
      await reader.caughtUp();
      const onRequests = reader.ofRequest(REQUESTS_TOPIC, requestId).map((r) => JSON.parse(r.value ?? '') as { sequence: number; type: string });
      expect(onRequests.map((e) => [e.sequence, e.type])).toEqual(timeline.map((e) => [e.sequence, e.type]));
      const [created] = reader.ofRequest(topic, requestId).map((r) => JSON.parse(r.value ?? ''));
      expect(created).toMatchObject({
        type: 'assignment.created',
        requestId,
        payload: { assignmentId: view.assignments[0].id, departmentCode: county.departments.single, role: 'lead' },
      });
    } finally {
      await reader.close();
    }
  };

  it("delivers an escalated grid task's assignment to the department", async () => {
    const task = await fileRequest(api.http, county, { categoryCode: await createSmallCategory(api.http, api.adminToken, county) });
    expect(task.route).toBe('grid');
    const escalated = await api.http.post(`/api/v1/requests/${task.id}/escalate`).set(bearer(county.tokens.worker)).send({ reason: 'Needs the bureau' });
    expect(escalated.status).toBe(200);
    await expectOnKafka(task.id);
  });

  it('delivers the assignment of a cluster turned joint to the department', async () => {
    const categoryCode = await createSmallCategory(api.http, api.adminToken, county);
    const original = await fileRequest(api.http, county, { categoryCode });
    for (let i = 0; i < 2; i++) {
      const duplicate = await fileRequest(api.http, county, { categoryCode });
      const linked = await api.http
        .post(`/api/v1/requests/${duplicate.id}/link-duplicate`)
        .set(bearer(county.tokens.worker))
        .send({ originalId: original.id });
      expect(linked.status).toBe(200);
    }
    expect((await getRequest(api.http, county.tokens.worker, original.id)).route).toBe('joint');
    await expectOnKafka(original.id);
  });
});
