import type { RequestListItem } from '../../shared/api/requests';

/**
 * Overdue first (the longest overdue at the top), then the soonest due: the server's `sort=due`
 * order, kept when the list is merged or refreshed on the phone.
 */
export function sortByDeadline(items: RequestListItem[], now: number = Date.now()): RequestListItem[] {
  const left = (item: RequestListItem) => (typeof item.workingMinutesLeft === 'number' ? item.workingMinutesLeft : (new Date(item.dueAt).getTime() - now) / 60_000);
  return [...items].sort((a, b) => left(a) - left(b));
}
