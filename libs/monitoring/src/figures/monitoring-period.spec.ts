import { parsePeriod } from './monitoring-period';

describe('monitoring period', () => {
  const now = new Date('2026-11-27T17:00:00Z'); // 01:00 on 11-28 in the county

  it('defaults to the 30 county days up to today', () => {
    const period = parsePeriod(undefined, undefined, now);
    expect(period.to).toBe('2026-11-28');
    expect(period.from).toBe('2026-10-30');
    expect(period.days).toHaveLength(30);
    expect(period.end.toISOString()).toBe('2026-11-28T16:00:00.000Z');
  });

  it('includes both ends, from midnight to midnight at UTC+8', () => {
    const period = parsePeriod('2026-10-05', '2026-10-05', now);
    expect(period.start.toISOString()).toBe('2026-10-04T16:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-10-05T16:00:00.000Z');
    expect(period.days).toEqual(['2026-10-05']);
  });

  it('names the field at fault', () => {
    expect(() => parsePeriod('2026-02-30', undefined, now)).toThrow(/^from:/);
    expect(() => parsePeriod(undefined, 'yesterday', now)).toThrow(/^to:/);
    expect(() => parsePeriod('2026-10-06', '2026-10-05', now)).toThrow(/^from: must not be after to/);
    expect(() => parsePeriod('2025-10-01', '2026-10-02', now)).toThrow(/^to: .*366/);
    expect(parsePeriod('2025-10-02', '2026-10-02', now).days).toHaveLength(366);
  });

  // PostgreSQL has no year 0: a period reaching it failed in SQL with a 500.
  it('takes days from 1970-01-01 to 9999-12-31 only, naming the field', () => {
    expect(() => parsePeriod(undefined, '0001-01-02', now)).toThrow(/^to: must be a date .* from 1970-01-01 to 9999-12-31/);
    expect(() => parsePeriod('0000-01-01', '0000-01-02', now)).toThrow(/^from:/);
    expect(() => parsePeriod('1969-12-31', '1970-01-05', now)).toThrow(/^from:/);
    expect(() => parsePeriod(undefined, '1970-01-05', now)).toThrow(/^to: the period would start before 1970-01-01/);
    expect(parsePeriod('1970-01-01', '1970-01-05', now).days).toHaveLength(5);
    expect(parsePeriod('9999-12-31', '9999-12-31', now).end.toISOString()).toBe('9999-12-31T16:00:00.000Z');
  });
});
