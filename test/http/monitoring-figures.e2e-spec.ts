import { ProjectionStore, RequestsProjector } from '@app/monitoring';
import { DataSource } from 'typeorm';
import { County, createCounty } from '../factories/county.factory';
import { createUser } from '../factories/http-helpers';
import { KNOWN_CALENDAR, knownSequence, SyntheticEvent } from '../factories/monitoring.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

const PERIOD = 'from=2026-10-05&to=2026-10-14';

describe('leaders’ monitoring: figures from a known event sequence', () => {
  let api: TestApi;
  let county: County;
  let projector: RequestsProjector;
  let dataSource: DataSource;
  let savedCalendar: Record<string, unknown>;
  let seq: ReturnType<typeof knownSequence>;
  const r1TrackingNo = '=1+2,"q"';

  const get = (path: string, token: string) => api.http.get(`/api/v1/${path}`).set(bearer(token));
  const feed = (events: readonly SyntheticEvent[]) =>
    dataSource.transaction(async (manager) => projector.applyAll(manager, await ProjectionStore.load(manager, events[0].requestId), events));

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    projector = api.app.get(RequestsProjector);
    dataSource = api.app.get(DataSource);
    savedCalendar = (await get('calendar', api.adminToken)).body;
    const put = await api.http.put('/api/v1/calendar').set(bearer(api.adminToken)).send(KNOWN_CALENDAR);
    expect(put.status).toBe(200);
    seq = knownSequence(county, { r1: r1TrackingNo });
    for (const script of [seq.r1, seq.r2, seq.r3, seq.r4, seq.r5]) await feed(script.events);
  });
  afterAll(async () => {
    const { periods, holidays, makeUpWorkdays } = savedCalendar as { periods: unknown; holidays: unknown; makeUpWorkdays: unknown };
    await api.http.put('/api/v1/calendar').set(bearer(api.adminToken)).send({ periods, holidays, makeUpWorkdays });
    await api.close();
  });

  const homeFigures = () => ({
    period: { from: '2026-10-05', to: '2026-10-14' },
    counts: { filed: 4, open: 1, resolved: 3, overdue: 1, reopened: 1 },
    rates: { response: 2 / 3, resolution: 1, satisfaction: 2 / 3 },
    // claims of 30 (L) and 90 (X) working minutes, nearest rank: the 1st and the 2nd of 2;
    // A was returned unclaimed after its deadline
    claimTime: { medianMinutes: 30, p90Minutes: 90 },
    // 420, 960 (with the holiday skipped) and 1290: the 2nd and the 3rd of 3
    resolveTime: { medianMinutes: 960, p90Minutes: 1290 },
    onTimeShare: 2 / 3,
  });

  it('gives a leader every figure of their grid as computed by hand', async () => {
    const response = await get(`monitoring/grids/${county.grids.home}?${PERIOD}`, county.tokens.leader);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.scope).toEqual({ kind: 'grid', code: county.grids.home });
    const expected = homeFigures();
    expect(body.period).toEqual(expected.period);
    expect(body.counts).toEqual(expected.counts);
    expect(body.rates.response).toBeCloseTo(expected.rates.response, 10);
    expect(body.rates.resolution).toBe(1);
    expect(body.rates.satisfaction).toBeCloseTo(expected.rates.satisfaction, 10);
    expect(body.claimTime).toEqual(expected.claimTime);
    expect(body.resolveTime).toEqual(expected.resolveTime);
    expect(body.onTimeShare).toBeCloseTo(expected.onTimeShare, 10);
    expect(body.daily).toHaveLength(10);
    const nonZero = body.daily.filter((d: { filed: number; resolved: number }) => d.filed > 0 || d.resolved > 0);
    expect(nonZero).toEqual([
      { day: '2026-10-05', filed: 1, resolved: 0 },
      { day: '2026-10-06', filed: 1, resolved: 1 },
      { day: '2026-10-08', filed: 1, resolved: 0 },
      { day: '2026-10-09', filed: 1, resolved: 0 },
      { day: '2026-10-12', filed: 0, resolved: 1 },
      { day: '2026-10-14', filed: 0, resolved: 1 },
    ]);
    const buckets = body.resolveTimeHistogram.filter((b: { count: number }) => b.count > 0);
    expect(buckets).toEqual([
      { fromMinutes: 420, toMinutes: 840, count: 1 },
      { fromMinutes: 840, toMinutes: 1260, count: 1 },
      { fromMinutes: 1260, toMinutes: 2100, count: 1 },
    ]);
    expect(body.resolveTimeHistogram[body.resolveTimeHistogram.length - 1]).toEqual({ fromMinutes: 4200, toMinutes: null, count: 0 });
  });

  it('counts nothing twice when the same events are delivered again', async () => {
    for (const script of [seq.r1, seq.r2, seq.r4]) expect(await feed(script.events)).toBe(false);
    const response = await get(`monitoring/grids/${county.grids.home}?${PERIOD}`, api.adminToken);
    expect(response.body.counts).toEqual(homeFigures().counts);
    expect(response.body.resolveTime).toEqual(homeFigures().resolveTime);
  });

  it('gives the figures of a street over all its grids to the admin, not to a leader of only some', async () => {
    const street = `S-${county.suffix}`;
    const admin = await get(`monitoring/streets/${street}?${PERIOD}`, api.adminToken);
    expect(admin.status).toBe(200);
    expect(admin.body.scope).toEqual({ kind: 'street', code: street });
    expect(admin.body.counts).toEqual({ filed: 5, open: 2, resolved: 3, overdue: 2, reopened: 1 });
    expect(admin.body.daily.find((d: { day: string }) => d.day === '2026-10-05')).toEqual({ day: '2026-10-05', filed: 2, resolved: 0 });
    const leader = await get(`monitoring/streets/${street}?${PERIOD}`, county.tokens.leader);
    expect(leader.status).toBe(403);
  });

  it('gives a department its assignments’ figures: a reopened lead part, its first claim kept', async () => {
    const response = await get(`monitoring/departments/${county.departments.lead}?${PERIOD}`, county.tokens.leadStaff[0]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      scope: { kind: 'department', code: county.departments.lead },
      counts: { filed: 1, open: 0, resolved: 1, overdue: 0, reopened: 1 },
      rates: { response: 1, resolution: 1, satisfaction: 0 },
      claimTime: { medianMinutes: 30, p90Minutes: 30 },
      resolveTime: { medianMinutes: 960, p90Minutes: 960 },
      onTimeShare: 1,
    });
    const rerouted = await get(`monitoring/departments/${county.departments.single}?${PERIOD}`, api.adminToken);
    expect(rerouted.body.counts).toEqual({ filed: 1, open: 1, resolved: 0, overdue: 1, reopened: 1 });
    expect(rerouted.body.claimTime).toEqual({ medianMinutes: 90, p90Minutes: 90 });
    const returned = await get(`monitoring/departments/${county.departments.assist}?${PERIOD}`, county.tokens.assistStaff);
    expect(returned.body.counts).toEqual({ filed: 1, open: 0, resolved: 0, overdue: 0, reopened: 0 });
    expect(returned.body.rates.response).toBe(0);
    expect(returned.body.claimTime).toEqual({ medianMinutes: null, p90Minutes: null });
  });

  it('answers a leader’s own grids each and in total', async () => {
    const response = await get(`monitoring/me?${PERIOD}`, county.tokens.leader);
    expect(response.status).toBe(200);
    expect(response.body.period).toEqual({ from: '2026-10-05', to: '2026-10-14' });
    expect(response.body.grids.map((g: { scope: unknown }) => g.scope)).toEqual([{ kind: 'grid', code: county.grids.home }]);
    expect(response.body.grids[0].counts).toEqual(homeFigures().counts);
    expect(response.body.total.scope).toEqual({ kind: 'leader', code: county.users.leader });
    expect(response.body.total.counts).toEqual(homeFigures().counts);
    expect(response.body.total.resolveTime).toEqual(homeFigures().resolveTime);
  });

  it('lists what is past its deadline in the leader’s grids, most urgent first', async () => {
    const response = await get(`monitoring/overdue`, county.tokens.leader);
    expect(response.status).toBe(200);
    expect(response.body.items.map((i: Record<string, unknown>) => [i.kind, i.requestId, i.assignmentId, i.deadline, i.overdue])).toEqual([
      ['request', seq.r3.requestId, null, 'resolve', true],
      ['assignment', seq.r2.requestId, seq.assignments.X, 'claim', true],
    ]);
    expect(response.body.items[1]).toMatchObject({ departmentCode: county.departments.single, gridCode: county.grids.home, dueAt: '2026-10-12T10:00:00.000+08:00' });
    const other = await get(`monitoring/overdue?gridCode=${county.grids.other}`, api.adminToken);
    expect(other.body.items.map((i: { requestId: string }) => i.requestId)).toEqual([seq.r5.requestId]);
    expect((await get(`monitoring/overdue?gridCode=${county.grids.other}`, county.tokens.leader)).status).toBe(403);
  });

  describe('scope and input', () => {
    it('refuses a leader another grid (403) and lets the admin see it', async () => {
      expect((await get(`monitoring/grids/${county.grids.other}?${PERIOD}`, county.tokens.leader)).status).toBe(403);
      const admin = await get(`monitoring/grids/${county.grids.other}?${PERIOD}`, api.adminToken);
      expect(admin.status).toBe(200);
      expect(admin.body.counts).toEqual({ filed: 1, open: 1, resolved: 0, overdue: 1, reopened: 0 });
      expect(admin.body.rates).toEqual({ response: null, resolution: null, satisfaction: null });
      expect(admin.body.onTimeShare).toBeNull();
    });

    it('refuses grid workers, staff of another department and non-leaders asking for “me”', async () => {
      expect((await get(`monitoring/grids/${county.grids.home}`, county.tokens.worker)).status).toBe(403);
      expect((await get(`monitoring/overdue`, county.tokens.worker)).status).toBe(403);
      expect((await get(`monitoring/departments/${county.departments.lead}`, county.tokens.assistStaff)).status).toBe(403);
      expect((await get(`monitoring/departments/${county.departments.lead}`, county.tokens.leader)).status).toBe(403);
      expect((await get(`monitoring/me`, api.adminToken)).status).toBe(403);
    });

    it('answers 404 for an unknown grid and 400 naming the field for a bad period', async () => {
      expect((await get(`monitoring/grids/G-nowhere-${county.suffix}`, api.adminToken)).status).toBe(404);
      const bad = await get(`monitoring/grids/${county.grids.home}?from=2026-13-01`, api.adminToken);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.message)).toContain('from');
      const reversed = await get(`monitoring/grids/${county.grids.home}?from=2026-10-10&to=2026-10-01`, api.adminToken);
      expect(reversed.status).toBe(400);
      expect(JSON.stringify(reversed.body.message)).toContain('from');
      const long = await get(`monitoring/grids/${county.grids.home}?from=2025-01-01&to=2026-10-01`, api.adminToken);
      expect(long.status).toBe(400);
      expect(JSON.stringify(long.body.message)).toContain('366');
    });

    it('defaults to the last 30 days up to today', async () => {
      const response = await get(`monitoring/grids/${county.grids.home}`, county.tokens.leader);
      expect(response.status).toBe(200);
      expect(response.body.daily).toHaveLength(30);
      expect(response.body.period.to).toBe(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
      expect(response.body.counts.filed).toBe(0);
    });
  });

  describe('CSV export', () => {
    it('gives one row per request behind the grid figure, escaped against formula injection', async () => {
      const response = await get(`monitoring/export.csv?scope=grid&code=${county.grids.home}&${PERIOD}`, county.tokens.leader);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'tracking_no,grid_code,category_code,route,status,filed_at,due_at,resolved_at,overdue,reopen_count,resolve_working_minutes,citizen_resolved,citizen_satisfied',
      );
      expect(lines).toHaveLength(5);
      expect(lines[1]).toBe(
        `"'=1+2,""q""",${county.grids.home},${county.categories.small},grid,closed,2026-10-05T10:00:00.000+08:00,2026-10-08T17:30:00.000+08:00,2026-10-06T10:00:00.000+08:00,false,0,420,true,true`,
      );
      expect(lines[2]).toMatch(new RegExp(`^T${seq.r2.requestId.slice(0, 12)},${county.grids.home},${county.categories.joint},joint,closed,.*,false,1,960,true,false$`));
      expect(lines[3]).toMatch(/,grid,open,2026-10-08T09:00:00.000\+08:00,2026-10-09T09:00:00.000\+08:00,,true,0,,,$/);
      expect(lines[4]).toMatch(/,closed,.*,false,0,1290,true,true$/);
      expect(response.text).not.toContain('Broken street light');
    });

    it('keeps the figure’s scope: a leader’s own grids, 403 for another grid or a street not all theirs', async () => {
      const mine = await get(`monitoring/export.csv?scope=me&${PERIOD}`, county.tokens.leader);
      expect(mine.status).toBe(200);
      expect(mine.text.trimEnd().split('\r\n')).toHaveLength(5);
      expect((await get(`monitoring/export.csv?scope=grid&code=${county.grids.other}&${PERIOD}`, county.tokens.leader)).status).toBe(403);
      expect((await get(`monitoring/export.csv?scope=street&code=S-${county.suffix}&${PERIOD}`, county.tokens.leader)).status).toBe(403);
      const dept = await get(`monitoring/export.csv?scope=department&code=${county.departments.single}&${PERIOD}`, county.tokens.singleStaff);
      expect(dept.text.trimEnd().split('\r\n')).toHaveLength(2);
      // A department's export follows its figure: the requests of its assignments created in the
      // period, here R2, filed two days before it.
      const later = 'from=2026-10-08&to=2026-10-14';
      const figure = await get(`monitoring/departments/${county.departments.single}?${later}`, county.tokens.singleStaff);
      expect(figure.body.counts.filed).toBe(1);
      const behind = await get(`monitoring/export.csv?scope=department&code=${county.departments.single}&${later}`, county.tokens.singleStaff);
      expect(behind.text.trimEnd().split('\r\n')).toEqual([expect.any(String), expect.stringMatching(new RegExp(`^T${seq.r2.requestId.slice(0, 12)},`))]);
      const noCode = await get(`monitoring/export.csv?scope=grid`, api.adminToken);
      expect(noCode.status).toBe(400);
      expect(JSON.stringify(noCode.body.message)).toContain('code');
    });
  });

  it('lets a leader of several grids see their total over them', async () => {
    const token = await createUser(api.http, api.adminToken, {
      username: `leader3-${county.suffix}`,
      role: 'leader',
      gridCodes: [county.grids.home, county.grids.other],
    });
    const response = await get(`monitoring/me?${PERIOD}`, token);
    expect(response.body.grids).toHaveLength(2);
    expect(response.body.total.counts).toEqual({ filed: 5, open: 2, resolved: 3, overdue: 2, reopened: 1 });
    const street = await get(`monitoring/streets/S-${county.suffix}?${PERIOD}`, token);
    expect(street.status).toBe(200);
  });
});
