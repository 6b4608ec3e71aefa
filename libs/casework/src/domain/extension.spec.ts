import { extendedDueAt } from './extension';

describe('extendedDueAt', () => {
  // Friday 16:00 in the county: the working day ends at 17:30.
  const dueAt = new Date('2026-11-27T16:00:00+08:00');
  const before = new Date('2026-11-27T10:00:00+08:00');

  it('takes a requested due time as it is', () => {
    const requested = new Date('2026-12-01T12:00:00+08:00');
    expect(extendedDueAt(before, dueAt, { requestedDueAt: requested })).toEqual(requested);
  });

  it('counts extra working hours on the calendar, over the weekend', () => {
    // 1.5 hours left on Friday, then 9:00-9:30 on Monday.
    expect(extendedDueAt(before, dueAt, { extraWorkingHours: 2 })).toEqual(new Date('2026-11-30T09:30:00+08:00'));
  });

  it('refuses an ask made at or after the due time with a conflict naming it', () => {
    expect(() => extendedDueAt(dueAt, dueAt, { extraWorkingHours: 1 })).toThrow(
      expect.objectContaining({ kind: 'conflict', message: 'cannot ask for an extension: the assignment was due at 2026-11-27T16:00:00.000+08:00' }),
    );
  });

  it('refuses an ask that names both forms, neither, or an earlier due time', () => {
    const later = new Date('2026-12-01T12:00:00+08:00');
    expect(() => extendedDueAt(before, dueAt, {})).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => extendedDueAt(before, dueAt, { requestedDueAt: later, extraWorkingHours: 1 })).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => extendedDueAt(before, dueAt, { requestedDueAt: dueAt })).toThrow('requestedDueAt: must be later');
  });

  // It was saved, and every answer showed the due time as "+010000-01-01T07:59:59.000+08:00".
  it('refuses a due time past 9999-12-31 in the county, taking the last second before it', () => {
    expect(() => extendedDueAt(before, dueAt, { requestedDueAt: new Date('9999-12-31T23:59:59Z') })).toThrow(
      'requestedDueAt: must fall on a day from 1970-01-01 to 9999-12-31',
    );
    const last = new Date('9999-12-31T23:59:59+08:00');
    expect(extendedDueAt(before, dueAt, { requestedDueAt: last })).toEqual(last);
  });
});
