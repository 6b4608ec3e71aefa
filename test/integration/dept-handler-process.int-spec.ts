import { County, createCounty } from '../factories/county.factory';
import { fileRequest, waitUntilDelivered } from '../support/casework';
import { BuiltApp, buildDeptHandler, freePort, HandlerProcess, spawnDeptHandler } from '../support/dept-handler-process';
import { eventually } from '../support/eventually';
import { TestKafka } from '../support/kafka';
import { startTestApi, TestApi } from '../support/test-api';

/** PRODUCT.md section 6: `npm run start:dept-handler` runs the handlers as a process of their own. */
describe('dept-handler as a separate process', () => {
  let app: BuiltApp;
  let api: TestApi;
  let county: County;
  let handler: HandlerProcess;
  let kafka: TestKafka;

  beforeAll(async () => {
    app = buildDeptHandler();
    // The api without handlers: only the separate process can record deliveries.
    api = await startTestApi({ withDepartmentHandlers: false });
    county = await createCounty(api.http, api.adminToken, 1);
    handler = spawnDeptHandler(app, await freePort());
    kafka = new TestKafka();
  }, 240_000);

  afterAll(async () => {
    if (handler && handler.child.exitCode === null && handler.child.signalCode === null) {
      handler.child.kill('SIGKILL');
      await handler.exited(10_000).catch(() => undefined);
    }
    await kafka?.close();
    await api?.close();
  });

  const healthUrl = (): string => `http://127.0.0.1:${handler.port}/health`;

  it('answers /health and records the delivery of a major request filed at the api', async () => {
    await eventually(
      'the dept-handler answers GET /health',
      async () => {
        if (handler.child.exitCode !== null) throw new Error(`dept-handler exited with ${handler.child.exitCode}:\n${handler.output()}`);
        const response = await fetch(healthUrl());
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ status: 'ok' });
      },
      // Start-up joins every department's group first; a member that vanished without leaving can hold a join for a while.
      { timeoutMs: 90_000, intervalMs: 250 },
    );

    const filed = await fileRequest(api.http, county, { major: true });
    const view = await waitUntilDelivered(api.http, county.tokens.worker, filed.id, 30_000).catch((error: Error) => {
      throw new Error(`${error.message}\ndept-handler output:\n${handler.output().slice(-4000)}`);
    });
    const delivered = (view.timeline ?? []).filter((e) => e.type === 'assignment.delivered');
    expect(delivered.map((e) => e.data?.consumer).sort()).toEqual(
      [`dept-handler.${county.departments.assist}`, `dept-handler.${county.departments.lead}`].sort(),
    );
    expect(view.assignments.every((a) => typeof a.deliveredAt === 'string')).toBe(true);

    // Ready too: its database and the broker answer.
    const ready = await fetch(`${healthUrl()}/ready`);
    expect(ready.status).toBe(200);
  });

  it('stops gracefully on SIGTERM: exit code 0 within 30 s, having left its consumer groups', async () => {
    const group = `dept-handler.${county.departments.lead}`;
    const admin = await kafka.admin();
    const before = await admin.describeGroups([group]);
    expect(before.groups[0].members.length).toBeGreaterThan(0);

    handler.child.kill('SIGTERM');
    const exit = await handler.exited(30_000);
    expect({ ...exit, output: exit.code === 0 ? '' : handler.output().slice(-2000) }).toEqual({ code: 0, signal: null, output: '' });

    // It said goodbye to the group coordinator: a restarted handler need not wait out the session timeout.
    const after = await admin.describeGroups([group]);
    const stayed = after.groups[0].members.map((m) => m.memberId);
    expect({ state: after.groups[0].state, stayed, output: stayed.length === 0 ? '' : handler.output().slice(-6000) }).toEqual({
      state: 'Empty',
      stayed: [],
      output: '',
    });
  });
});
