import { DomainError } from '@app/common';
import { CalendarSettings, MAX_LISTED_DATES, toWorkingCalendar } from './calendar-rules';
import { addWorkingDays, addWorkingMinutes, LONGEST_DEADLINE } from './deadlines';

const valid: CalendarSettings = {
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  holidays: ['2027-01-01'],
  makeUpWorkdays: ['2027-01-09'],
};

function refusal(settings: Partial<CalendarSettings>): DomainError {
  try {
    toWorkingCalendar({ ...valid, ...settings });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the calendar was accepted');
}

describe('calendar rules', () => {
  it('turns the saved calendar into minutes and date sets', () => {
    const calendar = toWorkingCalendar(valid);
    expect(calendar.periods).toEqual([
      { start: 540, end: 720 },
      { start: 810, end: 1050 },
    ]);
    expect(calendar.holidays.has('2027-01-01')).toBe(true);
    expect(calendar.makeUpWorkdays.has('2027-01-09')).toBe(true);
  });

  it('lets a period run to midnight', () => {
    const calendar = toWorkingCalendar({ ...valid, periods: [{ start: '00:00', end: '24:00' }] });
    expect(addWorkingMinutes(new Date('2026-11-25T23:00:00+08:00'), 120, calendar)).toEqual(new Date('2026-11-26T01:00:00+08:00'));
  });

  it.each([
    [{ periods: [] }, 'periods'],
    [{ periods: [{ start: '9:00', end: '12:00' }] }, 'periods[0].start'],
    [{ periods: [{ start: '09:00', end: '24:30' }] }, 'periods[0].end'],
    [{ periods: [{ start: '12:00', end: '09:00' }] }, 'periods[0]'],
    [{ periods: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }] }, 'periods[1]'],
    [{ periods: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }] }, 'periods[1]'],
    [{ holidays: ['2027-02-30'] }, 'holidays[0]'],
    [{ holidays: ['2027-01-01', '2027-1-2'] }, 'holidays[1]'],
    [{ holidays: ['2027-01-01', '2027-01-01'] }, 'holidays[1]'],
    // PostgreSQL has no year 0: it refused this date at the UPDATE, a 500.
    [{ holidays: ['0000-01-01'] }, 'holidays[0]'],
    [{ makeUpWorkdays: ['1969-12-31'] }, 'makeUpWorkdays[0]'],
    [{ makeUpWorkdays: ['2027-01-09', '2027-01-01'] }, 'makeUpWorkdays[1]'],
    [{ periods: [{ start: '09:00', end: '09:01' }] }, 'periods'],
    [{ periods: [{ start: '09:00', end: '09:30' }, { start: '14:00', end: '14:29' }] }, 'periods'],
  ])('refuses %j naming %s', (settings, field) => {
    const error = refusal(settings);
    expect(error.kind).toBe('invalid');
    expect(error.message.startsWith(`${field}:`)).toBe(true);
  });

  it('says why when a date is both a holiday and a make-up working day', () => {
    expect(refusal({ holidays: ['2027-01-09'] }).message).toContain('2027-01-09 is also in holidays');
  });

  // A one-minute working day with a category asking 240 working hours to claim made every filing
  // of the category a 500: the deadline lay beyond the ten years the arithmetic looks ahead.
  it('keeps the longest deadline the settings allow within reach on the thinnest calendar with the most holidays', () => {
    const from = new Date('2027-01-04T01:00:00Z'); // a Monday, 09:00 in the county
    const weekdays: string[] = [];
    for (let day = 0; weekdays.length < MAX_LISTED_DATES; day++) {
      const date = new Date(from.getTime() + day * 86_400_000);
      if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) weekdays.push(date.toISOString().slice(0, 10));
    }
    const thinnest = toWorkingCalendar({ periods: [{ start: '09:00', end: '10:00' }], holidays: weekdays, makeUpWorkdays: [] });
    expect(() => addWorkingMinutes(from, LONGEST_DEADLINE.workingHours * 60, thinnest)).not.toThrow();
    expect(() => addWorkingDays(from, LONGEST_DEADLINE.workingDays, thinnest)).not.toThrow();
  });
});
