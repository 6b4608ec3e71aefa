import { describe, expect, it } from 'vitest';
import { changesQueue, initialFilters, sortFromColumn, switchTab, toQueueQuery } from './queue-filters';

describe('the queue filters', () => {
  it('asks for the tab in its own order, the first page, and nothing that does not narrow the list', () => {
    expect(toQueueQuery(initialFilters())).toEqual({ tab: 'pending', sort: 'claimDue', order: 'asc', page: 1, pageSize: 20 });
  });

  it('sends the keyword trimmed, overdue only and 主办/协办 when chosen', () => {
    const query = toQueueQuery({ ...initialFilters('in_progress'), keyword: '  BH-2026 ', overdueOnly: true, role: 'assist' });
    expect(query).toEqual({ tab: 'in_progress', sort: 'due', order: 'asc', page: 1, pageSize: 20, q: 'BH-2026', overdue: true, role: 'assist' });
  });

  it('names the department for an admin who chose one', () => {
    expect(toQueueQuery({ ...initialFilters(), department: 'market' }).department).toBe('market');
  });

  it('turns a column header click into the api order and starts at page one', () => {
    const sorted = sortFromColumn({ ...initialFilters(), page: 3 }, 'trackingNo', 'descending');
    expect(sorted).toMatchObject({ sort: 'trackingNo', order: 'desc', page: 1 });
    expect(sortFromColumn(sorted, 'trackingNo', null)).toMatchObject({ sort: 'claimDue', order: 'asc' });
    expect(sortFromColumn(sorted, 'title', 'ascending')).toMatchObject({ sort: 'claimDue', order: 'asc' });
  });

  it('keeps the filters across tabs, each tab in its own order', () => {
    const next = switchTab({ ...initialFilters(), keyword: '路灯', overdueOnly: true, page: 2 }, 'resolved');
    expect(next).toMatchObject({ tab: 'resolved', keyword: '路灯', overdueOnly: true, page: 1, sort: 'created', order: 'desc' });
  });

  it('refreshes the list for the notices that change it, not for others', () => {
    expect(changesQueue('assignment_created')).toBe(true);
    expect(changesQueue('return_sent_back')).toBe(true);
    expect(changesQueue('whistle_summons')).toBe(false);
  });
});
