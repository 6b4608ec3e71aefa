import fc from 'fast-check';
import { addWorkingMinutes, DEFAULT_CALENDAR, WorkingCalendar } from './deadlines';
import { assignmentTimeLeft, requestTimeLeft, workingMinutesLeft } from './time-left';

// Local county time is UTC+8; 2026-11-27 is a Friday.
const at = (local: string): Date => new Date(`${local}+08:00`);

describe('working time left before a deadline', () => {
  it('counts only working minutes ahead: Friday 16:30 to Monday 10:00 is two working hours', () => {
    expect(workingMinutesLeft(at('2026-11-27T16:30:00'), at('2026-11-30T10:00:00'))).toBe(120);
  });

  it('is negative by the working time past the deadline', () => {
    expect(workingMinutesLeft(at('2026-11-30T10:00:00'), at('2026-11-27T16:30:00'))).toBe(-120);
  });

  it('is 0, not -0, for a deadline that passed outside working hours', () => {
    expect(Object.is(workingMinutesLeft(at('2026-11-28T12:00:00'), at('2026-11-27T17:30:00')), 0)).toBe(true);
  });

  it('skips the holidays of the calendar', () => {
    const calendar: WorkingCalendar = { ...DEFAULT_CALENDAR, holidays: new Set(['2026-11-30']) };
    expect(workingMinutesLeft(at('2026-11-27T16:30:00'), at('2026-12-01T10:00:00'), calendar)).toBe(120);
  });

  it('gives back the working minutes addWorkingMinutes added', () => {
    fc.assert(
      fc.property(fc.date({ min: at('2026-01-01T00:00:00'), max: at('2027-12-31T00:00:00'), noInvalidDate: true }), fc.integer({ min: 1, max: 20_000 }), (from, minutes) => {
        const due = addWorkingMinutes(from, minutes);
        expect(workingMinutesLeft(from, due)).toBe(minutes);
      }),
    );
  });

  it('runs a request’s deadline only while it is open or in progress', () => {
    const now = at('2026-11-30T10:00:00');
    expect(requestTimeLeft({ status: 'open', urgency: 'normal', dueAt: at('2026-11-27T16:30:00') }, now)).toEqual({ workingMinutesLeft: -120, overdue: true });
    expect(requestTimeLeft({ status: 'in_progress', urgency: 'normal', dueAt: at('2026-11-30T11:00:00') }, now)).toEqual({ workingMinutesLeft: 60, overdue: false });
    expect(requestTimeLeft({ status: 'resolved', urgency: 'normal', dueAt: at('2026-11-27T16:30:00') }, now)).toEqual({ workingMinutesLeft: null, overdue: false });
  });

  it('gives an unclaimed assignment both clocks, a claimed one the resolve clock, a finished one none', () => {
    const now = at('2026-11-30T10:00:00');
    const deadlines = { claimDueAt: at('2026-11-30T09:30:00'), dueAt: at('2026-12-01T10:00:00') };
    expect(assignmentTimeLeft({ status: 'unclaimed', ...deadlines }, 'normal', now)).toEqual({
      claimWorkingMinutesLeft: -30,
      resolveWorkingMinutesLeft: 420,
      overdue: true,
    });
    expect(assignmentTimeLeft({ status: 'claimed', ...deadlines }, 'normal', now)).toEqual({
      claimWorkingMinutesLeft: null,
      resolveWorkingMinutesLeft: 420,
      overdue: false,
    });
    expect(assignmentTimeLeft({ status: 'resolved', ...deadlines }, 'normal', now)).toEqual({
      claimWorkingMinutesLeft: null,
      resolveWorkingMinutesLeft: null,
      overdue: false,
    });
  });

  it('counts an emergency’s minutes on the clock, at night too, as its deadline runs', () => {
    // Friday 19:00: outside office hours, two clock hours before the emergency's deadline.
    const now = at('2026-11-27T19:00:00');
    expect(requestTimeLeft({ status: 'open', urgency: 'critical', dueAt: at('2026-11-27T21:00:00') }, now)).toEqual({ workingMinutesLeft: 120, overdue: false });
    expect(requestTimeLeft({ status: 'open', urgency: 'normal', dueAt: at('2026-11-27T21:00:00') }, now)).toEqual({ workingMinutesLeft: 0, overdue: false });
    expect(requestTimeLeft({ status: 'open', urgency: 'critical', dueAt: at('2026-11-27T18:29:30') }, now)).toEqual({ workingMinutesLeft: -31, overdue: true });
    expect(assignmentTimeLeft({ status: 'unclaimed', claimDueAt: at('2026-11-27T20:00:00'), dueAt: at('2026-11-27T21:00:00') }, 'critical', now)).toEqual({
      claimWorkingMinutesLeft: 60,
      resolveWorkingMinutesLeft: 120,
      overdue: false,
    });
  });
});
