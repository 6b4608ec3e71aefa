import { MonitoringChange, MonitoringUpdates, rebuildReadModels } from '@app/monitoring';
import { DataSource } from 'typeorm';
import { County, createCounty } from '../factories/county.factory';
import { fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { Workflow } from '../factories/workflow.factory';
import { eventually } from '../support/eventually';
import { bearer, startTestApi, TestApi } from '../support/test-api';

/** Real filings over HTTP, projected by the live projector from Kafka, then rebuilt from the event store. */
describe('leaders’ monitoring: the projector over Kafka and the rebuild', () => {
  let api: TestApi;
  let county: County;
  let flow: Workflow;
  let dataSource: DataSource;
  const changes: MonitoringChange[] = [];
  const ids: string[] = [];

  const figures = async (path: string, token = api.adminToken) => {
    const response = await api.http.get(`/api/v1/monitoring/${path}`).set(bearer(token));
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const allFigures = async () => ({
    grid: await figures(`grids/${county.grids.home}`),
    street: await figures(`streets/S-${county.suffix}`),
    lead: await figures(`departments/${county.departments.lead}`),
    assist: await figures(`departments/${county.departments.assist}`),
    me: await figures('me', county.tokens.leader),
    csv: (await api.http.get(`/api/v1/monitoring/export.csv?scope=grid&code=${county.grids.home}`).set(bearer(api.adminToken))).text,
  });

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    flow = new Workflow(api.http, county);
    dataSource = api.app.get(DataSource);
    api.app.get(MonitoringUpdates).changes$.subscribe((change) => changes.push(change));

    // A grid task resolved and closed with a satisfied citizen.
    const task = await fileRequest(api.http, county.tokens.worker, requestBody(county));
    await flow.step(`requests/${task.id}/resolve`, county.tokens.worker, { note: 'Bulb replaced' });
    await flow.step(`requests/${task.id}/feedback`, county.tokens.worker, { resolved: true, satisfied: true });
    // A joint case worked to resolved, then reopened by an unsatisfied citizen.
    const reopened = await flow.resolvedJoint();
    await flow.step(`requests/${reopened.filed.id}/feedback`, county.tokens.worker, { resolved: false, satisfied: false });
    // A joint case whose assisting part is returned unclaimed.
    const returned = await flow.fileJoint();
    await flow.claim(returned.lead, county.tokens.leadStaff[1]);
    await flow.step(`assignments/${returned.assist}/return`, county.tokens.assistStaff, { reason: 'Not our matter at all' });
    // One in the other grid of the street.
    const other = await fileRequest(api.http, county.tokens.otherWorker, requestBody(county, { gridCode: county.grids.other }));
    ids.push(task.id, reopened.filed.id, returned.filed.id, other.id);
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it('projects every event of the filed requests, in order, and says so to live dashboards', async () => {
    await eventually(
      'the read models reach every request’s last event',
      async () => {
        const rows = (await dataSource.query(
          `SELECT r.id, r.last_sequence AS written, m.last_sequence AS projected
             FROM requests r LEFT JOIN mon_requests m ON m.request_id = r.id WHERE r.id = ANY($1)`,
          [ids],
        )) as { written: number; projected: number | null }[];
        expect(rows).toHaveLength(4);
        for (const row of rows) expect(row.projected).toBe(row.written);
      },
      { timeoutMs: 90_000, intervalMs: 300 },
    );
    const grid = await figures(`grids/${county.grids.home}`, county.tokens.leader);
    expect(grid.counts).toEqual({ filed: 3, open: 2, resolved: 1, overdue: 0, reopened: 1 });
    expect(grid.rates.resolution).toBe(0.5);
    expect(grid.rates.satisfaction).toBe(0.5);
    expect(grid.rates.response).toBe(1);
    expect(grid.claimTime.medianMinutes).toEqual(expect.any(Number));
    const assist = await figures(`departments/${county.departments.assist}`);
    expect(assist.counts.filed).toBe(2);
    expect(changes).toEqual(
      expect.arrayContaining([
        { kind: 'projected', gridCode: county.grids.home, requestId: ids[0], eventType: 'request.filed' },
        { kind: 'projected', gridCode: county.grids.other, requestId: ids[3], eventType: 'request.filed' },
      ]),
    );
  }, 120_000);

  /**
   * This county's daily figures that count something (the projector may leave rows summing to
   * zero; other suites' synthetic events are not in the event store, so not rebuilt).
   */
  const dailyFigures = async () => {
    const codes = [...Object.values(county.grids), ...Object.values(county.departments)];
    const rows = (await dataSource.query(
      `SELECT to_jsonb(t) AS row FROM mon_daily_figures t WHERE scope_code = ANY($1) ORDER BY scope_kind, scope_code, street_code, day`,
      [codes],
    )) as { row: Record<string, string | number> }[];
    return rows.map((r) => r.row).filter((row) => Object.values(row).some((value) => typeof value === 'number' && value !== 0));
  };

  it('gives the same figures after the read models are rebuilt from the event store', async () => {
    const before = await allFigures();
    const kept = await dailyFigures();
    expect(kept.filter((row) => row.scope_code === county.grids.home)).not.toHaveLength(0);
    expect(kept.filter((row) => row.scope_code === county.departments.assist)).not.toHaveLength(0);
    const result = await rebuildReadModels(dataSource);
    expect(result.requests).toBeGreaterThanOrEqual(4);
    const emptied = (await dataSource.query(`SELECT count(*)::int AS n FROM mon_requests WHERE request_id = ANY($1)`, [ids])) as { n: number }[];
    expect(emptied[0].n).toBe(4);
    const after = await allFigures();
    expect(after).toEqual(before);
    // What the projector kept event by event is what summing the rebuilt rows afresh gives.
    expect(await dailyFigures()).toEqual(kept);
    expect(after.grid.counts.filed).toBe(3);
  });
});
