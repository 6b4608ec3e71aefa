import type { ClaimedFirst } from '../api/assignments';
import { countyDateTime } from '../../shared/format/county-time';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A user as the users list gives it; `displayName` when the api has one. */
export interface KnownUser {
  username: string;
  displayName?: string | null;
}

/** Who claimed first, by name when the users list (readable by admins) has one, else the username given. */
export function claimantName(claimedBy: string, users: readonly KnownUser[] | null): string {
  const known = users?.find((user) => user.username === claimedBy);
  return known?.displayName?.trim() || claimedBy;
}

/** The lost race in the reader's words: who claimed it first, and when in the county's time. */
export function claimLostMessage(first: ClaimedFirst, users: readonly KnownUser[] | null, t: Translate): string {
  const who = claimantName(first.claimedBy, users);
  const time = first.claimedAt ? countyDateTime(first.claimedAt) : '';
  return time ? t('desk.case.claimLost', { who, time }) : t('desk.case.claimLostNoTime', { who });
}
