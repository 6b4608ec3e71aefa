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
});
