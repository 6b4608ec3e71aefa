import { addWorkingDays, addWorkingMinutes, caseDeadlines, DEFAULT_CALENDAR, WorkingCalendar } from './deadlines';

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
});
