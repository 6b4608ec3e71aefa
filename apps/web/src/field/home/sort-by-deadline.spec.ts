import { describe, expect, it } from 'vitest';
import type { RequestListItem } from '../../shared/api/requests';
import { sortByDeadline } from './sort-by-deadline';

const item = (id: string, workingMinutesLeft: number | undefined, dueAt = '2026-12-02T09:00:00Z') => ({ id, workingMinutesLeft, dueAt }) as RequestListItem;

describe('my matters by deadline', () => {
  it('puts the longest overdue first, then the soonest due', () => {
    const sorted = sortByDeadline([item('later', 600), item('overdue-a-bit', -5), item('soon', 30), item('overdue-long', -900)]);
    expect(sorted.map((i) => i.id)).toEqual(['overdue-long', 'overdue-a-bit', 'soon', 'later']);
  });

  it('falls back to the deadline itself when the working time is not given', () => {
    const now = Date.parse('2026-12-02T08:00:00Z');
    const sorted = sortByDeadline([item('tomorrow', undefined, '2026-12-03T08:00:00Z'), item('past', undefined, '2026-12-01T08:00:00Z')], now);
    expect(sorted.map((i) => i.id)).toEqual(['past', 'tomorrow']);
  });
});
