import type { AssignmentStatus } from './lifecycle';

/**
 * What the deadline watcher does about one assignment, decided from its deadlines and the marks
 * of what was already done. Pure, so that every replica reaches the same answer; the marks make
 * each step happen once: a breach is reminded (催办) once, and a breach still open a set time
 * after its reminder goes to the grid's leaders once.
 */
export type Breach = 'claim' | 'resolve';

export interface WatchedAssignment {
  status: AssignmentStatus;
  claimDueAt: Date;
  dueAt: Date;
  claimRemindedAt: Date | null;
  resolveRemindedAt: Date | null;
  leadersDueAt: Date | null;
  leadersAlertedAt: Date | null;
}

export type OverdueAction = { kind: 'remind'; breach: Breach } | { kind: 'alert_leaders'; breach: Breach };

/** The deadline an assignment has missed, the resolve deadline first; null while it is on time or done. */
export function breachOf(a: Pick<WatchedAssignment, 'status' | 'claimDueAt' | 'dueAt'>, now: Date): Breach | null {
  if (a.status !== 'unclaimed' && a.status !== 'claimed') return null;
  if (a.dueAt <= now) return 'resolve';
  if (a.status === 'unclaimed' && a.claimDueAt <= now) return 'claim';
  return null;
}

export function overdueAction(a: WatchedAssignment, now: Date): OverdueAction | null {
  const breach = breachOf(a, now);
  if (breach === null) return null;
  const deadline = breach === 'resolve' ? a.dueAt : a.claimDueAt;
  const remindedAt = breach === 'resolve' ? a.resolveRemindedAt : a.claimRemindedAt;
  // A reminder from before the deadline (an extension moved it) does not cover this breach.
  if (remindedAt === null || remindedAt < deadline) return { kind: 'remind', breach };
  const leadersDue = a.leadersDueAt !== null && a.leadersDueAt <= now;
  const alreadyAlerted = a.leadersAlertedAt !== null && a.leadersDueAt !== null && a.leadersAlertedAt >= a.leadersDueAt;
  if (leadersDue && !alreadyAlerted) return { kind: 'alert_leaders', breach };
  return null;
}
