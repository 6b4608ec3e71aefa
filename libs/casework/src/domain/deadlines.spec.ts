import fc from 'fast-check';
import {
  addWorkingDays,
  addWorkingMinutes,
  caseDeadlines,
  DEFAULT_CALENDAR,
  DEFAULT_DEADLINES,
  leadersDueAfter,
  WorkingCalendar,
  workingMinutesBetween,
} from './deadlines';

// Local county time is UTC+8; 2026-11-27 is a Friday.
const at = (local: string): Date => new Date(`${local}+08:00`);

describe('working-time deadlines', () => {
  it('counts working hours inside one morning', () => {
    expect(addWorkingMinutes(at('2026-11-25T09:30:00'), 120)).toEqual(at('2026-11-25T11:30:00'));
  });

  it('skips the lunch break', () => {
    expect(addWorkingMinutes(at('2026-11-25T11:00:00'), 120)).toEqual(at('2026-11-25T14:30:00'));
  });

  it('starts counting at opening time when filed at night', () => {
    expect(addWorkingMinutes(at('2026-11-25T22:00:00'), 60)).toEqual(at('2026-11-26T10:00:00'));
  });

  it('carries over a weekend', () => {
    expect(addWorkingMinutes(at('2026-11-27T16:30:00'), 120)).toEqual(at('2026-11-30T10:00:00'));
  });

  it('counts working days as full working days (7 working hours each)', () => {
    expect(addWorkingDays(at('2026-11-25T10:00:00'), 3)).toEqual(at('2026-11-30T10:00:00'));
  });

  it('skips a holiday and works a make-up day', () => {
    const calendar: WorkingCalendar = {
      ...DEFAULT_CALENDAR,
      holidays: new Set(['2026-11-30']),
      makeUpWorkdays: new Set(['2026-11-28']),
    };
    // Fri 16:30 + 2h: Fri 1h, Sat (make-up) 1h → Sat 10:00.
    expect(addWorkingMinutes(at('2026-11-27T16:30:00'), 120, calendar)).toEqual(at('2026-11-28T10:00:00'));
    // Sat 17:00 + 1h: Sun off, Mon holiday → Tue 09:30.
    expect(addWorkingMinutes(at('2026-11-28T17:00:00'), 60, calendar)).toEqual(at('2026-12-01T09:30:00'));
  });

  it('gives an emergency two clock hours, even at night', () => {
    const filed = at('2026-11-28T23:00:00');
    expect(caseDeadlines(filed, 'joint', 'critical').resolveBy).toEqual(at('2026-11-29T01:00:00'));
  });

  it('gives a joint case a claim deadline of two working hours and seven working days to resolve', () => {
    const deadlines = caseDeadlines(at('2026-11-25T09:00:00'), 'joint', 'normal');
    expect(deadlines.claimBy).toEqual(at('2026-11-25T11:00:00'));
    // Seven full working days from Wednesday's opening end at Thursday's closing, a week later.
    expect(deadlines.resolveBy).toEqual(at('2026-12-03T17:30:00'));
  });

  it('gives a grid task three working days and no claim deadline', () => {
    const deadlines = caseDeadlines(at('2026-11-25T09:00:00'), 'grid', 'high');
    expect(deadlines.claimBy).toBeNull();
    expect(deadlines.resolveBy).toEqual(at('2026-11-27T17:30:00'));
  });

  describe('on an admin-kept calendar with per-category settings', () => {
    // National Day week as the State Council lays it out: Thu 1 Oct to Wed 7 Oct 2026 off,
    // Sun 27 Sep and Sat 10 Oct worked instead (调休).
    const nationalDay: WorkingCalendar = {
      ...DEFAULT_CALENDAR,
      holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
      makeUpWorkdays: new Set(['2026-09-27', '2026-10-10']),
    };

    it('counts working days across a make-up Sunday, a holiday week and a make-up Saturday', () => {
      // Fri 25 Sep 10:00 + 3 working days: Fri (rest), Sun 27 (make-up), Mon 28, Tue 29 until 10:00.
      expect(addWorkingDays(at('2026-09-25T10:00:00'), 3, nationalDay)).toEqual(at('2026-09-29T10:00:00'));
      // Wed 30 Sep 10:00 + 2 working days: the rest of Wed, 1 to 7 Oct off, Thu 8, Fri 9 until 10:00;
      // a third runs on into the make-up Saturday.
      expect(addWorkingDays(at('2026-09-30T10:00:00'), 2, nationalDay)).toEqual(at('2026-10-09T10:00:00'));
      expect(addWorkingDays(at('2026-09-30T10:00:00'), 3, nationalDay)).toEqual(at('2026-10-10T10:00:00'));
    });

    it('uses the working hours the calendar gives', () => {
      const longDays: WorkingCalendar = { ...DEFAULT_CALENDAR, periods: [{ start: 8 * 60, end: 12 * 60 }, { start: 14 * 60, end: 18 * 60 }] };
      // Eight working hours a day: Wed 17:00 + 1 working day = Thu 17:00.
      expect(addWorkingDays(at('2026-11-25T17:00:00'), 1, longDays)).toEqual(at('2026-11-26T17:00:00'));
      expect(addWorkingMinutes(at('2026-11-25T11:30:00'), 60, longDays)).toEqual(at('2026-11-25T14:30:00'));
    });

    it("applies a category's own deadlines instead of the defaults", () => {
      const settings = { ...DEFAULT_DEADLINES, claimWorkingHours: 0.5, jointResolveWorkingDays: 1, emergencyClockHours: 4 };
      const joint = caseDeadlines(at('2026-11-27T16:30:00'), 'joint', 'normal', DEFAULT_CALENDAR, settings);
      expect(joint.claimBy).toEqual(at('2026-11-27T17:00:00'));
      // One working day from Friday 16:30 ends on Monday 16:30, over the weekend.
      expect(joint.resolveBy).toEqual(at('2026-11-30T16:30:00'));
      expect(caseDeadlines(at('2026-11-28T23:00:00'), 'grid', 'critical', DEFAULT_CALENDAR, settings).resolveBy).toEqual(
        at('2026-11-29T03:00:00'),
      );
    });

    it('never lets the claim deadline pass the resolve deadline', () => {
      const settings = { ...DEFAULT_DEADLINES, claimWorkingHours: 8 };
      const deadlines = caseDeadlines(at('2026-11-25T09:00:00'), 'joint', 'critical', DEFAULT_CALENDAR, settings);
      expect(deadlines.claimBy).toEqual(deadlines.resolveBy);
    });

    it('gives the leaders a still-overdue assignment one more claim period after the reminder, in working hours', () => {
      expect(leadersDueAfter(at('2026-11-27T17:00:00'), DEFAULT_DEADLINES)).toEqual(at('2026-11-30T10:30:00'));
      expect(leadersDueAfter(at('2026-09-30T17:00:00'), DEFAULT_DEADLINES, nationalDay)).toEqual(at('2026-10-08T10:30:00'));
    });
  });
});

describe('working minutes between two instants', () => {
  it('counts a morning and an afternoon, not the lunch break', () => {
    expect(workingMinutesBetween(at('2026-11-25T11:00:00'), at('2026-11-25T14:30:00'))).toBe(120);
  });

  it('counts nothing at night, over a weekend or backwards', () => {
    expect(workingMinutesBetween(at('2026-11-25T18:00:00'), at('2026-11-26T08:59:00'))).toBe(0);
    expect(workingMinutesBetween(at('2026-11-28T09:00:00'), at('2026-11-29T17:00:00'))).toBe(0);
    expect(workingMinutesBetween(at('2026-11-26T10:00:00'), at('2026-11-25T10:00:00'))).toBe(0);
  });

  it('skips a holiday and counts a make-up day', () => {
    const calendar: WorkingCalendar = { ...DEFAULT_CALENDAR, holidays: new Set(['2026-11-30']), makeUpWorkdays: new Set(['2026-11-29']) };
    // Fri 16:30-17:30 (60) + Sun make-up day (420) + Mon holiday (0) + Tue 09:00-10:00 (60)
    expect(workingMinutesBetween(at('2026-11-27T16:30:00'), at('2026-12-01T10:00:00'), calendar)).toBe(540);
  });

  it('is the inverse of addWorkingMinutes', () => {
    const calendar: WorkingCalendar = { ...DEFAULT_CALENDAR, holidays: new Set(['2026-12-01']) };
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2026-11-20T00:00:00Z'), max: Date.parse('2026-12-20T00:00:00Z') }),
        fc.integer({ min: 1, max: 5000 }),
        (start, minutes) => {
          const from = new Date(start);
          expect(workingMinutesBetween(from, addWorkingMinutes(from, minutes, calendar), calendar)).toBeCloseTo(minutes, 6);
        },
      ),
    );
  });
});
