import { countyDate, HOUR_MS, officeCalendar, roundTheClockCalendar } from '../factories/calendar.factory';
import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

const DEADLINE_FIELDS = ['claimWorkingHours', 'gridResolveWorkingDays', 'jointResolveWorkingDays', 'emergencyClockHours', 'leadersAfterWorkingHours'];

describe('the working calendar and category deadlines over HTTP', () => {
  let api: TestApi;
  let county: County;
  let original: Record<string, unknown>;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    original = (await api.http.get('/api/v1/calendar').set(bearer(api.adminToken))).body;
  });
  afterAll(async () => {
    // The calendar is the county's, shared by every test file: leave it as it was.
    const { periods, holidays, makeUpWorkdays } = original;
    await api.http.put('/api/v1/calendar').set(bearer(api.adminToken)).send({ periods, holidays, makeUpWorkdays });
    await api.close();
  });

  const getCalendar = (token: string) => api.http.get('/api/v1/calendar').set(bearer(token));
  const putCalendar = (body: object, token = api.adminToken) => api.http.put('/api/v1/calendar').set(bearer(token)).send(body);
  const getDeadlines = (code: string, token = api.adminToken) => api.http.get(`/api/v1/categories/${code}/deadlines`).set(bearer(token));
  const putDeadlines = (code: string, body: object, token = api.adminToken) =>
    api.http.put(`/api/v1/categories/${code}/deadlines`).set(bearer(token)).send(body);
  const ms = (iso: string): number => new Date(iso).getTime();

  describe('GET and PUT /calendar', () => {
    it('shows any signed-in user the working hours of PRODUCT.md section 3 by default', async () => {
      for (const token of [county.tokens.worker, county.tokens.leadStaff[0], county.tokens.leader]) {
        const response = await getCalendar(token);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ ...officeCalendar(), utcOffset: '+08:00', version: expect.any(Number) });
      }
    });

    it('answers 401 without a token', async () => {
      expect((await api.http.get('/api/v1/calendar')).status).toBe(401);
    });

    it('lets an admin replace it and shows the change to everyone, dates in order', async () => {
      const before = (await getCalendar(api.adminToken)).body;
      const body = { ...officeCalendar(), holidays: ['2027-01-02', '2027-01-01'], makeUpWorkdays: ['2027-01-09'] };
      const response = await putCalendar(body);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        periods: body.periods,
        holidays: ['2027-01-01', '2027-01-02'],
        makeUpWorkdays: ['2027-01-09'],
        version: before.version + 1,
        updatedBy: 'admin',
      });
      expect((await getCalendar(county.tokens.worker)).body).toEqual(response.body);
    });

    it.each([
      ['a grid worker', 'worker'],
      ['a leader', 'leader'],
      ['department staff', 'assistStaff'],
    ] as const)('answers 403 to %s and changes nothing', async (_who, key) => {
      const before = (await getCalendar(api.adminToken)).body;
      expectError(await putCalendar(roundTheClockCalendar([0]), county.tokens[key]), 403);
      expect((await getCalendar(api.adminToken)).body).toEqual(before);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['no periods', { periods: [] }, 'periods'],
      ['a period that is not an object', { periods: ['09:00-12:00'] }, 'periods'],
      ['a time that is not HH:MM', { periods: [{ start: '9am', end: '12:00' }] }, 'periods[0].start'],
      ['an hour past 24:00', { periods: [{ start: '09:00', end: '25:00' }] }, 'periods[0].end'],
      ['a period ending before it starts', { periods: [{ start: '12:00', end: '09:00' }] }, 'periods[0]'],
      ['overlapping periods', { periods: [{ start: '09:00', end: '12:00' }, { start: '11:30', end: '17:30' }] }, 'periods[1]'],
      ['periods out of order', { periods: [{ start: '13:30', end: '17:30' }, { start: '09:00', end: '12:00' }] }, 'periods[1]'],
      ['a date that is not YYYY-MM-DD', { holidays: ['1 Oct 2026'] }, 'holidays'],
      ['a date that does not exist', { holidays: ['2026-02-30'] }, 'holidays[0]'],
      ['a date listed twice', { makeUpWorkdays: ['2026-09-27', '2026-09-27'] }, 'makeUpWorkdays[1]'],
      ['a date both a holiday and a make-up day', { holidays: ['2026-10-01'], makeUpWorkdays: ['2026-10-01'] }, 'makeUpWorkdays[0]'],
      ['holidays missing', { holidays: undefined }, 'holidays'],
      ['a property the contract does not know', { timeZone: 'Asia/Shanghai' }, 'timeZone'],
    ])('refuses %s with a 400 naming the field, and changes nothing', async (_case, overrides, field) => {
      const before = (await getCalendar(api.adminToken)).body;
      expectError(await putCalendar({ ...officeCalendar(), ...overrides }), 400, field);
      expect((await getCalendar(api.adminToken)).body).toEqual(before);
    });
  });

  describe('GET and PUT /categories/:code/deadlines', () => {
    let category: string;

    beforeAll(async () => {
      category = await createSmallCategory(api.http, api.adminToken, county);
    });

    it('shows the defaults of PRODUCT.md section 3 until an admin sets them', async () => {
      const response = await getDeadlines(category, county.tokens.worker);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        categoryCode: category,
        claimWorkingHours: 2,
        gridResolveWorkingDays: 3,
        jointResolveWorkingDays: 7,
        emergencyClockHours: 2,
        leadersAfterWorkingHours: 2,
        defaults: DEADLINE_FIELDS,
        updatedAt: null,
      });
    });

    it('keeps what the admin sets and the defaults for the rest; a second PUT replaces the first', async () => {
      const first = await putDeadlines(category, { claimWorkingHours: 1.5, gridResolveWorkingDays: 5 });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ claimWorkingHours: 1.5, gridResolveWorkingDays: 5, jointResolveWorkingDays: 7 });
      expect(first.body.defaults).toEqual(['jointResolveWorkingDays', 'emergencyClockHours', 'leadersAfterWorkingHours']);
      expect(first.body.updatedAt).toEqual(expect.any(String));

      const second = await putDeadlines(category, { emergencyClockHours: 4 });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ claimWorkingHours: 2, gridResolveWorkingDays: 3, emergencyClockHours: 4 });
      expect((await getDeadlines(category, county.tokens.leader)).body).toEqual(second.body);
    });

    it('answers 403 to anyone but an admin, and changes nothing', async () => {
      const before = (await getDeadlines(category)).body;
      for (const token of [county.tokens.worker, county.tokens.leader, county.tokens.singleStaff]) {
        expectError(await putDeadlines(category, { gridResolveWorkingDays: 1 }, token), 403);
      }
      expect((await getDeadlines(category)).body).toEqual(before);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a negative deadline', { claimWorkingHours: -1 }, 'claimWorkingHours'],
      ['a deadline as a string', { gridResolveWorkingDays: '3' }, 'gridResolveWorkingDays'],
      ['more than a year of working days', { jointResolveWorkingDays: 400 }, 'jointResolveWorkingDays'],
      ['a property the contract does not know', { resolveWithinDays: 3 }, 'resolveWithinDays'],
    ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
      const before = (await getDeadlines(category)).body;
      expectError(await putDeadlines(category, body), 400, field);
      expect((await getDeadlines(category)).body).toEqual(before);
    });

    it('answers 404 for a category that does not exist', async () => {
      expectError(await putDeadlines(`none-${county.suffix}`, { claimWorkingHours: 1 }), 404, `none-${county.suffix}`);
      expectError(await getDeadlines(`none-${county.suffix}`), 404);
    });
  });

  describe("a filing's deadlines", () => {
    const fileGridTask = async (categoryCode: string, overrides: Record<string, unknown> = {}) => {
      const filed = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode, ...overrides }));
      expect(filed.route).toBe('grid');
      return filed;
    };

    it('counts working days on the calendar: a holiday tomorrow moves a one-day grid task to the day after', async () => {
      const category = await createSmallCategory(api.http, api.adminToken, county);
      expect((await putDeadlines(category, { gridResolveWorkingDays: 1 })).status).toBe(200);
      // Today and the day after tomorrow work all day; tomorrow is a holiday.
      expect((await putCalendar(roundTheClockCalendar([0, 2, 3], [1]))).status).toBe(200);
      const filed = await fileGridTask(category);
      expect(countyDate(0, new Date(filed.createdAt))).toBe(countyDate(0));
      expect(ms(filed.dueAt) - ms(filed.createdAt)).toBe(48 * HOUR_MS);
      // The timeline's routing event carries the same deadline.
      const view = await api.http.get(`/api/v1/requests/${filed.id}`).set(bearer(county.tokens.worker));
      expect(view.body.dueAt).toBe(filed.dueAt);
    });

    it('uses a calendar change from the very next filing', async () => {
      const category = await createSmallCategory(api.http, api.adminToken, county);
      expect((await putDeadlines(category, { gridResolveWorkingDays: 1 })).status).toBe(200);
      expect((await putCalendar(roundTheClockCalendar([0, 2], [1]))).status).toBe(200);
      const before = await fileGridTask(category);
      expect(ms(before.dueAt) - ms(before.createdAt)).toBe(48 * HOUR_MS);

      // Tomorrow works after all (调休): the next filing is due a day earlier.
      expect((await putCalendar(roundTheClockCalendar([0, 1, 2]))).status).toBe(200);
      const after = await fileGridTask(category);
      expect(ms(after.dueAt) - ms(after.createdAt)).toBe(24 * HOUR_MS);
      // Requests filed before keep their deadline.
      const earlier = await api.http.get(`/api/v1/requests/${before.id}`).set(bearer(county.tokens.worker));
      expect(earlier.body.dueAt).toBe(before.dueAt);
    });

    it("gives a joint case's assignments the category's claim deadline and the case its resolve deadline", async () => {
      expect((await putCalendar(roundTheClockCalendar([0, 2, 3, 4], [1]))).status).toBe(200);
      expect((await putDeadlines(county.categories.joint, { claimWorkingHours: 3, jointResolveWorkingDays: 2 })).status).toBe(200);
      const filed = await fileRequest(api.http, county.tokens.worker, requestBody(county, { major: true }));
      expect(filed.route).toBe('joint');
      const filedAt = ms(filed.createdAt);
      // Two working days of 24 hours from today, tomorrow off: the rest of today, all of day 2, day 3 up to the same hour.
      expect(ms(filed.dueAt) - filedAt).toBe(72 * HOUR_MS);
      expect(filed.assignments).toHaveLength(2);
      // Three working hours; past the county's midnight they continue on day 2, tomorrow being off.
      const midnight = nextCountyMidnight(filedAt);
      const claimWait = filedAt + 3 * HOUR_MS <= midnight ? 3 * HOUR_MS : 3 * HOUR_MS + 24 * HOUR_MS;
      for (const assignment of filed.assignments) {
        expect(ms(assignment.claimDueAt) - filedAt).toBe(claimWait);
        expect(assignment.dueAt).toBe(filed.dueAt);
      }
    });

    it("gives an emergency the category's clock hours, whatever the calendar says", async () => {
      const category = await createSmallCategory(api.http, api.adminToken, county);
      expect((await putDeadlines(category, { emergencyClockHours: 5 })).status).toBe(200);
      // No working time at all for days: the emergency does not wait for it.
      expect((await putCalendar({ ...roundTheClockCalendar([5]), holidays: [0, 1, 2, 3, 4].map((d) => countyDate(d)) })).status).toBe(200);
      const filed = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: category, urgency: 'critical' }));
      expect(ms(filed.dueAt) - ms(filed.createdAt)).toBe(5 * HOUR_MS);
    });
  });
});

/** The first midnight in county time (UTC+8) after `instant`. */
function nextCountyMidnight(instant: number): number {
  const offset = 8 * HOUR_MS;
  const local = instant + offset;
  return local - (local % (24 * HOUR_MS)) + 24 * HOUR_MS - offset;
}
