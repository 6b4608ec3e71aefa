import type { QueueQuery } from '../api/assignments';

/** The queue's tabs, in the order they show: 待签收, 办理中, 已办结, 已退回. */
export const QUEUE_TABS = ['pending', 'in_progress', 'resolved', 'returned'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export type QueueSort = NonNullable<QueueQuery['sort']>;

/** What the person at the desk chose: a tab, filters, an order and a page. */
export interface QueueFilters {
  tab: QueueTab;
  keyword: string;
  overdueOnly: boolean;
  role: 'all' | 'lead' | 'assist';
  sort: QueueSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  /** Admins choose a department; staff always see their own. */
  department: string | null;
}

/** Each tab's natural order: what to claim first, what to finish first, what ended last. */
export function defaultSort(tab: QueueTab): Pick<QueueFilters, 'sort' | 'order'> {
  switch (tab) {
    case 'pending':
      return { sort: 'claimDue', order: 'asc' };
    case 'in_progress':
      return { sort: 'due', order: 'asc' };
    case 'resolved':
    case 'returned':
      return { sort: 'created', order: 'desc' };
  }
}

export function initialFilters(tab: QueueTab = 'pending'): QueueFilters {
  return { tab, keyword: '', overdueOnly: false, role: 'all', ...defaultSort(tab), page: 1, pageSize: 20, department: null };
}

/** The api's query for these filters: only what narrows the list is sent. */
export function toQueueQuery(filters: QueueFilters): QueueQuery {
  const query: QueueQuery = { tab: filters.tab, sort: filters.sort, order: filters.order, page: filters.page, pageSize: filters.pageSize };
  const keyword = filters.keyword.trim();
  if (keyword) query.q = keyword.slice(0, 100);
  if (filters.overdueOnly) query.overdue = true;
  if (filters.role !== 'all') query.role = filters.role;
  if (filters.department) query.department = filters.department;
  return query;
}

/** The table's sortable columns and the api's sort keys. */
const SORT_OF_COLUMN: Record<string, QueueSort> = { trackingNo: 'trackingNo', claimDue: 'claimDue', due: 'due', created: 'created' };

/**
 * A click on a column header (Element Plus's sort-change: the column's prop and ascending,
 * descending or null) as the queue's new order; back to the tab's own order when cleared.
 */
export function sortFromColumn(filters: QueueFilters, prop: string | null, order: 'ascending' | 'descending' | null): QueueFilters {
  const sort = prop ? SORT_OF_COLUMN[prop] : undefined;
  if (!sort || !order) return { ...filters, ...defaultSort(filters.tab), page: 1 };
  return { ...filters, sort, order: order === 'ascending' ? 'asc' : 'desc', page: 1 };
}

/** A switch to another tab keeps the filters and starts at its first page, in its own order. */
export function switchTab(filters: QueueFilters, tab: QueueTab): QueueFilters {
  return { ...filters, tab, ...defaultSort(tab), page: 1 };
}

/** Notices after which the department's queue may have changed. */
const QUEUE_CHANGING = new Set(['assignment_created', 'return_sent_back', 'reopened', 'extension_approved', 'extension_refused', 'escalated_to_leaders', 'reminder']);

export function changesQueue(kind: string): boolean {
  return QUEUE_CHANGING.has(kind);
}
