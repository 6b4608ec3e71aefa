import { DEFAULT_CALENDAR } from '../domain/deadlines';
import { AlertMarks, deadlineAlertDue, nearLimitAt } from './deadline-alerts';

// Local times are UTC+8: 09:00-12:00 and 13:30-17:30 on weekdays. 2026-11-25 is a Wednesday.
const at = (local: string): Date => new Date(`${local}+08:00`);
const item = (dueAt: Date, near: Date | null = null, breach: Date | null = null): AlertMarks => ({
  dueAt,
  nearAlertedDueAt: near,
  breachAlertedDueAt: breach,
});

describe('nearLimitAt: the latest deadline within the next 2 working hours', () => {
  it('is two hours on inside one working period', () => {
    expect(nearLimitAt(at('2026-11-25T09:30:00'), DEFAULT_CALENDAR)).toEqual(at('2026-11-25T11:30:00'));
  });

  it('skips the lunch break', () => {
    // 11:00 → one hour before lunch, one after it.
    expect(nearLimitAt(at('2026-11-25T11:00:00'), DEFAULT_CALENDAR)).toEqual(at('2026-11-25T14:30:00'));
  });

  it('runs over the weekend and reaches a deadline at the start of the next working period', () => {
    // Friday 15:30 → exactly at 17:30 the window is used up; Monday 09:00 has no working time before it.
    expect(nearLimitAt(at('2026-11-27T15:30:00'), DEFAULT_CALENDAR)).toEqual(at('2026-11-30T09:00:00'));
  });
});

describe('deadlineAlertDue', () => {
  const now = at('2026-11-25T10:00:00');
  const nearLimit = nearLimitAt(now, DEFAULT_CALENDAR);

  it('says nothing while the deadline is further off than the window', () => {
    expect(deadlineAlertDue(item(at('2026-11-25T14:00:00')), now, nearLimit)).toBeNull();
  });

  it('alerts near once per deadline', () => {
    const due = at('2026-11-25T11:30:00');
    expect(deadlineAlertDue(item(due), now, nearLimit)).toBe('near');
    expect(deadlineAlertDue(item(due, due), now, nearLimit)).toBeNull();
  });

  it('alerts the breach once, even after a near alert', () => {
    const due = at('2026-11-25T09:59:00');
    expect(deadlineAlertDue(item(due, due), now, nearLimit)).toBe('breach');
    expect(deadlineAlertDue(item(due, due, due), now, nearLimit)).toBeNull();
  });

  it('alerts a breach found without its near alert only as a breach', () => {
    expect(deadlineAlertDue(item(at('2026-11-25T09:00:00')), now, nearLimit)).toBe('breach');
  });

  it('alerts afresh when an extension moved the deadline', () => {
    const old = at('2026-11-25T09:30:00');
    expect(deadlineAlertDue(item(at('2026-11-25T11:00:00'), old, old), now, nearLimit)).toBe('near');
  });
});
