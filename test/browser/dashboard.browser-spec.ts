import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { DeadlineWatcher } from '../../libs/casework/src/deadline-watch/deadline-watcher';
import { roundTheClockCalendar } from '../factories/calendar.factory';
import { County, createCounty, TEST_PASSWORD } from '../factories/county.factory';
import { fileRequest } from '../support/casework';
import { TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { freshProjectorGroup } from './projector-group';
import { bearer, startTestApi, TestApi } from '../support/test-api';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');

interface ChartSummary {
  type: string;
  labels: number;
  datasets: { label: string; points: number }[];
}

/** Issue 4 items 4 and 5: the leaders' dashboard, signed in as a leader, updating live. */
describe('the leaders’ dashboard in Chromium', () => {
  let api: TestApi;
  let county: County;
  let db: TestDatabase;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let calendarBefore: Record<string, unknown> | undefined;

  beforeAll(async () => {
    // The projector's consumer group is per database: this run's own, starting at the topic's end.
    process.env.MONITORING_PROJECTOR_GROUP = await freshProjectorGroup('monitoring-projector-browser');
    api = await startTestApi();
    db = new TestDatabase();
    county = await createCounty(api.http, api.adminToken, 1);
    // Something resolved already, so the resolution-time chart has a bar.
    const done = await fileRequest(api.http, county);
    const resolved = await api.http.post(`/api/v1/requests/${done.id}/resolve`).set(bearer(county.tokens.worker)).send({ note: 'lamp replaced' });
    expect(resolved.status).toBe(200);
    await eventually(
      'the projector has caught up with the filed request',
      async () => {
        const me = await api.http.get('/api/v1/monitoring/me').set(bearer(county.tokens.leader));
        expect(me.body?.total?.counts?.resolved).toBe(1);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    if (calendarBefore) {
      const { periods, holidays, makeUpWorkdays } = calendarBefore;
      await api.http.put('/api/v1/calendar').set(bearer(api.adminToken)).send({ periods, holidays, makeUpWorkdays });
    }
    await browser?.close();
    await db?.close();
    await api?.close();
  });

  const filedInHomeGrid = (): Promise<string> => page.locator(`#grids tbody tr[data-grid="${county.grids.home}"] td[data-count="filed"]`).innerText();
  /** What Chart.js itself holds for each canvas (its registry, Chart.getChart), run in the page. */
  const charts = (): Promise<Record<string, ChartSummary | null>> =>
    page.evaluate<Record<string, ChartSummary | null>>(`(() => {
      const summary = (id) => {
        const chart = window.Chart.getChart(id);
        if (!chart) return null;
        return {
          type: chart.config.type,
          labels: chart.data.labels.length,
          datasets: chart.data.datasets.map((d) => ({ label: d.label, points: d.data.length })),
        };
      };
      return { daily: summary('daily-chart'), histogram: summary('histogram-chart') };
    })()`);

  it('serves the page outside /api/v1 without a token, with Chart.js from the package', async () => {
    const html = await fetch(`${baseUrl}/dashboard`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const chart = await fetch(`${baseUrl}/dashboard/assets/chart.umd.js`);
    expect(chart.status).toBe(200);
    expect(await chart.text()).toMatch(/Chart\.js v4/);
    expect((await fetch(`${baseUrl}/dashboard/assets/nothing.js`)).status).toBe(404);
  });

  it('streams only with a valid token, given as ?access_token=', async () => {
    expect((await fetch(`${baseUrl}/api/v1/monitoring/stream`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/api/v1/monitoring/stream?access_token=not.a.token`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/api/v1/monitoring/stream?access_token=${county.tokens.worker}`)).status).toBe(403);
    // Only the stream takes a token in the query.
    expect((await fetch(`${baseUrl}/api/v1/monitoring/me?access_token=${county.tokens.leader}`)).status).toBe(401);
    const controller = new AbortController();
    const stream = await fetch(`${baseUrl}/api/v1/monitoring/stream?access_token=${county.tokens.leader}`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    controller.abort();
  });

  it('signs a leader in and shows their grids, both charts and the overdue list', async () => {
    await page.goto(`${baseUrl}/dashboard`);
    await page.fill('#username', county.users.leader);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector(`#grids tbody tr[data-grid="${county.grids.home}"]`);
    // The leader's grid only, never the other leader's.
    expect(await page.locator('#grids tbody tr').count()).toBe(1);
    expect(await filedInHomeGrid()).toBe('1');
    await page.waitForSelector('#live[data-state="on"]');
    const drawn = await charts();
    expect(drawn.daily).toEqual({ type: 'bar', labels: 30, datasets: [expect.objectContaining({ points: 30 }), expect.objectContaining({ points: 30 })] });
    expect(drawn.histogram?.labels).toBeGreaterThan(0);
    expect(drawn.histogram?.datasets[0].points).toBe(drawn.histogram?.labels);
    // Nothing of this county is near or past its deadline yet.
    expect(await page.locator('#overdue tbody').innerText()).toContain('Nothing is overdue or near its deadline.');
    expect(await page.evaluate<string | null>(`sessionStorage.getItem('governance.dashboard.token')`)).toBeTruthy();
  });

  it('updates without a reload when a grid worker files a request', async () => {
    const loadedAt = await page.evaluate<number>('performance.timeOrigin');
    await fileRequest(api.http, county);
    await eventually('the filed count shows the new request', async () => expect(await filedInHomeGrid()).toBe('2'), { timeoutMs: 20_000 });
    // The same document: no navigation happened.
    expect(await page.evaluate<number>('performance.timeOrigin')).toBe(loadedAt);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });

  describe('alerts to the grid\'s leaders', () => {
    const alertEvents = (requestId: string): Promise<{ type: string; data: Record<string, unknown> }[]> =>
      db.query(`SELECT type, data FROM request_events WHERE request_id = $1 AND type LIKE 'request.deadline_%' ORDER BY sequence`, [requestId]);
    const onLeadersTopic = async (requestId: string): Promise<string[]> =>
      (
        await db.query<{ type: string }>(
          `SELECT payload::jsonb->>'type' AS type FROM outbox WHERE topic = 'governance.leaders.v1' AND payload::jsonb->>'requestId' = $1 ORDER BY id`,
          [requestId],
        )
      ).map((row) => row.type);
    let watcher: DeadlineWatcher;

    beforeAll(async () => {
      calendarBefore = (await api.http.get('/api/v1/calendar').set(bearer(api.adminToken))).body as Record<string, unknown>;
      // Working all day around today: "the next 2 working hours" are the next 2 hours.
      expect((await api.http.put('/api/v1/calendar').set(bearer(api.adminToken)).send(roundTheClockCalendar([-1, 0, 1, 2]))).status).toBe(200);
      watcher = api.app.get(DeadlineWatcher);
    });

    it('shows the near alert as it arrives and sends it once, even from two watchers at once', async () => {
      const near = await fileRequest(api.http, county);
      await db.query(`UPDATE requests SET due_at = now() + interval '30 minutes' WHERE id = $1`, [near.id]);
      // Two passes at the same time stand for two replicas: SKIP LOCKED and the marks keep it single
      // (counted on this request's events below: other test files' matters may fall due too).
      await Promise.all([watcher.watchOnce(), watcher.watchOnce()]);
      await page.waitForSelector('#alerts li[data-alert="near"]');
      expect(await page.locator('#alerts li[data-alert="near"]').innerText()).toContain(near.trackingNo);
      await watcher.watchOnce();
      expect(await alertEvents(near.id)).toEqual([
        {
          type: 'request.deadline_near',
          data: { gridCode: county.grids.home, trackingNo: near.trackingNo, leaders: [county.users.leader], dueAt: expect.any(String), subject: 'request' },
        },
      ]);
      expect(await onLeadersTopic(near.id)).toEqual(['request.deadline_near']);

      // The deadline passes: one breach alert more, on the page too.
      await db.query(`UPDATE requests SET due_at = now() - interval '1 minute' WHERE id = $1`, [near.id]);
      await Promise.all([watcher.watchOnce(), watcher.watchOnce()]);
      await page.waitForSelector('#alerts li[data-alert="breach"]');
      expect((await alertEvents(near.id)).map((e) => e.type)).toEqual(['request.deadline_near', 'request.deadline_breached']);
      expect(await onLeadersTopic(near.id)).toEqual(['request.deadline_near', 'request.deadline_breached']);
    });

    it("alerts each department's assignment of a joint case, naming the department and never the reporter", async () => {
      const joint = await fileRequest(api.http, county, { major: true, reporter: { name: 'Wang Fang', phone: '13800000000' } });
      expect(joint.assignments).toHaveLength(2);
      // Claim deadlines far off, so only the near resolve deadline matters here.
      await db.query(
        `UPDATE assignments SET claim_due_at = now() + interval '1 day', due_at = now() + interval '1 hour' WHERE request_id = $1`,
        [joint.id],
      );
      await watcher.watchOnce();
      const events = await alertEvents(joint.id);
      expect(events.map((e) => [e.type, e.data.subject, e.data.departmentCode]).sort()).toEqual(
        [
          ['request.deadline_near', 'assignment', county.departments.assist],
          ['request.deadline_near', 'assignment', county.departments.lead],
        ].sort(),
      );
      expect(JSON.stringify(events)).not.toMatch(/Wang Fang|13800000000/);
    });
  });

  it('is readable on a phone', async () => {
    // Every request filed so far, counted live (the alerts' requests too) before the picture is taken.
    await eventually('the table counts all four requests', async () => expect(await filedInHomeGrid()).toBe('4'), { timeoutMs: 20_000 });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    // The page itself does not scroll sideways; the wide table scrolls inside its box.
    const widths = await page.evaluate<{ page: number; view: number }>(`({ page: document.documentElement.scrollWidth, view: window.innerWidth })`);
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
  });
});
