import { describe, expect, it } from 'vitest';
import { countyDate, countyDateTime, countyShortDateTime } from './county-time';

describe('times in the county’s zone (UTC+8)', () => {
  it('shows an instant as Beijing time whatever zone it is written in', () => {
    expect(countyDateTime('2026-12-02T09:30:00Z')).toBe('2026-12-02 17:30');
    expect(countyDateTime('2026-12-02T17:30:00+08:00')).toBe('2026-12-02 17:30');
    expect(countyShortDateTime('2026-12-31T16:05:00Z')).toBe('01-01 00:05');
  });

  it('puts a late evening UTC instant on the next county day', () => {
    expect(countyDate('2026-12-31T20:00:00Z')).toBe('2027-01-01');
  });

  it('shows nothing for a time it cannot read', () => {
    expect(countyDateTime('not a time')).toBe('');
  });
});
