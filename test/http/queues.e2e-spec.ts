import { roundTheClockCalendar } from '../factories/calendar.factory';
import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { Workflow } from '../factories/workflow.factory';
import { TestDatabase } from '../support/database';
import { bearer, startTestApi, TestApi } from '../support/test-api';

/** Matches any of `values` (jest has no built-in for it). */
const oneOf = (...values: number[]) => ({
  $$typeof: Symbol.for('jest.asymmetricMatcher'),
  asymmetricMatch: (actual: unknown) => values.includes(actual as number),
  toAsymmetricMatcher: () => `oneOf(${values.join(', ')})`,
});
/** Working minutes equal clock minutes on a round-the-clock calendar; the seconds a test takes may move one minute. */
const about = (minutes: number) => oneOf(minutes, minutes - 1);

describe('queues: the grid worker’s matters and the department’s desk, by working time left', () => {
  let api: TestApi;
  let county: County;
  let flow: Workflow;
  let db: TestDatabase;
  let calendarBefore: { periods: unknown; holidays: unknown; makeUpWorkdays: unknown };

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    flow = new Workflow(api.http, county);
    db = new TestDatabase();
    calendarBefore = (await api.http.get('/api/v1/calendar').set(bearer(api.adminToken))).body;
    // Every day around today works all day: a deadline three hours away is 180 working minutes away.
    const calendar = await api.http
      .put('/api/v1/calendar')
      .set(bearer(api.adminToken))
      .send(roundTheClockCalendar([-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(calendar.status).toBe(200);
  });
  afterAll(async () => {
    // The calendar is the county's, shared by every test file: leave it as it was.
    const { periods, holidays, makeUpWorkdays } = calendarBefore;
    await api.http.put('/api/v1/calendar').set(bearer(api.adminToken)).send({ periods, holidays, makeUpWorkdays });
    await db.close();
    await api.close();
  });

  const get = (path: string, token: string) => api.http.get(`/api/v1/${path}`).set(bearer(token));
  const dueIn = (table: 'requests' | 'assignments', id: string, column: 'due_at' | 'claim_due_at', minutes: number) =>
    db.query(`UPDATE ${table} SET ${column} = now() + make_interval(mins => $2) WHERE id = $1`, [id, minutes]);

  describe('GET /requests for the field app', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const category = await createSmallCategory(api.http, api.adminToken, county);
      const file = async (title: string, address: string): Promise<string> =>
        (await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: category, title, location: { lat: 40.14, lng: 117.12, address } }))).id;
      ids.soon = await file('Soon due', 'Binhe Road 1');
      ids.overdue = await file('Overdue', 'Binhe Road 2');
      // A third open one of the category would turn joint (same-category cluster): a category of its own.
      const later = await createSmallCategory(api.http, api.adminToken, county);
      ids.later = (await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: later, title: 'Later', location: { lat: 40.14, lng: 117.12 } }))).id;
      await dueIn('requests', ids.soon, 'due_at', 60);
      await dueIn('requests', ids.overdue, 'due_at', -120);
      await dueIn('requests', ids.later, 'due_at', 180);
      const resolvedCategory = await createSmallCategory(api.http, api.adminToken, county);
      ids.resolved = (await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: resolvedCategory, title: 'Done' }))).id;
      await flow.step(`requests/${ids.resolved}/resolve`, county.tokens.worker, { note: 'Fixed' });
      await dueIn('requests', ids.resolved, 'due_at', -600);
    });

    it('puts my grids’ open matters overdue first, then the soonest due, with the working time left and the address', async () => {
      const response = await get('requests?mine=true&sort=due&status=open&status=in_progress', county.tokens.worker);
      expect(response.status).toBe(200);
      const mine = response.body.items.filter((r: { id: string }) => Object.values(ids).includes(r.id));
      expect(mine.map((r: { title: string }) => r.title)).toEqual(['Overdue', 'Soon due', 'Later']);
      expect(mine[0]).toMatchObject({ overdue: true, workingMinutesLeft: about(-120), address: 'Binhe Road 2' });
      expect(mine[1]).toMatchObject({ overdue: false, workingMinutesLeft: about(60), address: 'Binhe Road 1' });
      expect(mine[2]).toMatchObject({ overdue: false, workingMinutesLeft: about(180), address: null });
      expect(response.body.total).toBe(3);
    });

    it('lists resolved matters after the running ones with no time left to count', async () => {
      const response = await get('requests?mine=true&sort=due', county.tokens.worker);
      const titles = response.body.items.map((r: { title: string }) => r.title);
      expect(titles.slice(0, 3)).toEqual(['Overdue', 'Soon due', 'Later']);
      expect(response.body.items.find((r: { id: string }) => r.id === ids.resolved)).toMatchObject({ status: 'resolved', workingMinutesLeft: null, overdue: false });
    });

    it('takes one status as well as several', async () => {
      const response = await get('requests?status=resolved', county.tokens.worker);
      expect(response.body.items.map((r: { id: string }) => r.id)).toEqual([ids.resolved]);
    });

    it('gives another grid’s worker none of them, mine or not', async () => {
      const response = await get('requests?mine=true&sort=due', county.tokens.otherWorker);
      expect(response.body.items.filter((r: { id: string }) => Object.values(ids).includes(r.id))).toEqual([]);
    });

    it('refuses mine=true from an admin, an unknown status and an unknown sort, naming the field', async () => {
      const mine = await get('requests?mine=true', api.adminToken);
      expectError(mine, 400, 'mine');
      expect(mine.body.code).toBe('CASEWORK.MINE_WITHOUT_SCOPE');
      expectError(await get('requests?status=open&status=lost', county.tokens.worker), 400, 'status');
      expectError(await get('requests?sort=urgency', county.tokens.worker), 400, 'sort');
      expectError(await get('requests?mine=yes', county.tokens.worker), 400, 'mine');
    });

    it('gives staff with mine=true what their department was assigned, not what a whistle only summoned it to', async () => {
      const { filed } = await flow.fileJoint();
      await flow.step(`requests/${ids.soon}/whistle`, county.tokens.worker, { departments: [county.departments.assist] }, 201);
      const all = await get('requests', county.tokens.assistStaff);
      const allIds = all.body.items.map((r: { id: string }) => r.id);
      expect(allIds).toEqual(expect.arrayContaining([filed.id, ids.soon]));
      const mine = await get('requests?mine=true', county.tokens.assistStaff);
      const mineIds = mine.body.items.map((r: { id: string }) => r.id);
      expect(mineIds).toContain(filed.id);
      expect(mineIds).not.toContain(ids.soon);
    });
  });

  describe('GET /assignments for the desk', () => {
    let first: { filed: Record<string, any>; lead: string; assist: string };
    let second: { filed: Record<string, any>; lead: string; assist: string };
    let third: { filed: Record<string, any>; lead: string; assist: string };

    beforeAll(async () => {
      first = await flow.fileJoint({ title: 'Spoiled meat at the east gate', location: { lat: 40.14, lng: 117.12, address: 'East gate, Binhe market' } });
      second = await flow.fileJoint({ title: 'Expired milk in the corner shop' });
      third = await flow.fileJoint({ title: 'Unlicensed stall selling fish' });
      await dueIn('assignments', first.lead, 'claim_due_at', -30);
      await dueIn('assignments', second.lead, 'claim_due_at', 90);
      await dueIn('assignments', third.lead, 'claim_due_at', 45);
      await flow.claim(third.lead, county.tokens.leadStaff[0]);
      await dueIn('assignments', third.lead, 'due_at', 240);
    });

    const queue = async (query: string, token = county.tokens.leadStaff[1]): Promise<Array<Record<string, any>>> => {
      const response = await get(`assignments?${query}${query ? '&' : ''}pageSize=100`, token);
      if (response.status !== 200) throw new Error(`GET assignments?${query}: ${response.status} ${JSON.stringify(response.body)}`);
      // Only this block's cases: the department's queue also holds the other tests' joint cases.
      const ours = [first, second, third].map((c) => c.filed.id);
      return response.body.items.filter((a: { requestId: string }) => ours.includes(a.requestId));
    };

    it('shows the 待签收 tab with both clocks, the address and an overdue mark', async () => {
      const pending = await queue('tab=pending&sort=claimDue');
      expect(pending.map((a) => a.requestId)).toEqual([first.filed.id, second.filed.id]);
      expect(pending[0]).toMatchObject({
        status: 'unclaimed',
        role: 'lead',
        requestStatus: 'open',
        address: 'East gate, Binhe market',
        claimWorkingMinutesLeft: about(-30),
        resolveWorkingMinutesLeft: expect.any(Number),
        overdue: true,
      });
      expect(pending[1]).toMatchObject({ claimWorkingMinutesLeft: about(90), overdue: false });
    });

    it('shows the 办理中 tab with the resolve clock only', async () => {
      const inProgress = await queue('tab=in_progress');
      expect(inProgress.map((a) => a.requestId)).toEqual([third.filed.id]);
      expect(inProgress[0]).toMatchObject({ status: 'claimed', claimWorkingMinutesLeft: null, resolveWorkingMinutesLeft: about(240), overdue: false });
    });

    it('sorts either way and filters overdue ones', async () => {
      expect((await queue('tab=pending&sort=claimDue&order=desc')).map((a) => a.requestId)).toEqual([second.filed.id, first.filed.id]);
      expect((await queue('overdue=true')).map((a) => a.requestId)).toEqual([first.filed.id]);
      expect((await queue('overdue=false&tab=pending')).map((a) => a.requestId)).toEqual([second.filed.id]);
      const byNumber = await queue('sort=trackingNo');
      const numbers = byNumber.map((a) => a.trackingNo);
      expect(numbers).toEqual([...numbers].sort());
    });

    it('finds a matter by its tracking number or by words of its title', async () => {
      expect((await queue(`q=${encodeURIComponent(second.filed.trackingNo)}`)).map((a) => a.requestId)).toEqual([second.filed.id]);
      expect((await queue(`q=${encodeURIComponent(second.filed.trackingNo.slice(0, 12).toLowerCase())}`)).map((a) => a.requestId)).toContain(second.filed.id);
      expect((await queue('q=corner%20SHOP')).map((a) => a.requestId)).toEqual([second.filed.id]);
      expect(await queue('q=100%25')).toEqual([]);
    });

    it('tells 主办 from 协办', async () => {
      const assisting = await queue('role=assist', county.tokens.assistStaff);
      expect(assisting.map((a) => a.requestId)).toEqual(expect.arrayContaining([first.filed.id, second.filed.id, third.filed.id]));
      expect(assisting.every((a) => a.role === 'assist')).toBe(true);
      expect(await queue('role=lead', county.tokens.assistStaff)).toEqual([]);
    });

    it('refuses an unknown tab, sort or order, naming it', async () => {
      expectError(await get('assignments?tab=waiting', county.tokens.leadStaff[1]), 400, 'tab');
      expectError(await get('assignments?sort=title', county.tokens.leadStaff[1]), 400, 'sort');
      expectError(await get('assignments?order=up', county.tokens.leadStaff[1]), 400, 'order');
      expectError(await get('assignments?overdue=1', county.tokens.leadStaff[1]), 400, 'overdue');
    });
  });

  describe('GET /assignments/decisions', () => {
    let returned: { filed: Record<string, any>; lead: string; assist: string };
    let extended: { filed: Record<string, any>; lead: string; assist: string };

    beforeAll(async () => {
      returned = await flow.fileJoint();
      await flow.step(`assignments/${returned.assist}/return`, county.tokens.assistStaff, { reason: 'Not a matter for city cleaning' });
      extended = await flow.fileJoint();
      await flow.claim(extended.assist, county.tokens.assistStaff);
      await flow.step(`assignments/${extended.assist}/extend`, county.tokens.assistStaff, { reason: 'Waiting for the lab', extraWorkingHours: 5 }, 201);
    });

    const decisions = async (token: string): Promise<Array<Record<string, any>>> => {
      const response = await get('assignments/decisions?pageSize=100', token);
      if (response.status !== 200) throw new Error(`GET decisions: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.items.filter((d: { requestId: string }) => [returned.filed.id, extended.filed.id].includes(d.requestId));
    };

    it('shows an admin the return and the extension waiting, with the working time the extension adds', async () => {
      const items = await decisions(api.adminToken);
      expect(items).toEqual([
        expect.objectContaining({
          kind: 'return',
          assignmentId: returned.assist,
          departmentCode: county.departments.assist,
          requestedBy: county.users.assistStaff,
          reason: 'Not a matter for city cleaning',
          extensionId: null,
          extraWorkingMinutes: null,
        }),
        expect.objectContaining({
          kind: 'extension',
          assignmentId: extended.assist,
          reason: 'Waiting for the lab',
          extensionId: expect.any(String),
          extraWorkingMinutes: 300,
          movesRequestDueAt: true,
        }),
      ]);
    });

    it('shows staff of the lead department the extension they may decide, and the asker nothing', async () => {
      expect((await decisions(county.tokens.leadStaff[0])).map((d) => d.kind)).toEqual(['extension']);
      expect(await decisions(county.tokens.assistStaff)).toEqual([]);
    });

    it('drops a decision once it is taken', async () => {
      await flow.step(`assignments/${extended.assist}/extension-decision`, county.tokens.leadStaff[0], { approve: true });
      await flow.step(`assignments/${returned.assist}/return-decision`, api.adminToken, { action: 'send_back' });
      expect(await decisions(api.adminToken)).toEqual([]);
    });

    it('is not for grid workers or leaders', async () => {
      expectError(await get('assignments/decisions', county.tokens.worker), 403);
      expectError(await get('assignments/decisions', county.tokens.leader), 403);
    });
  });
});
