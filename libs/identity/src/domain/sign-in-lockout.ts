/**
 * The lockout of one account after too many failed sign-ins, decided purely from its record.
 * Attempts on one account are checked one at a time (AccountLockout holds the record's row lock
 * while the password is checked), so parallel guesses are counted exactly and parallel sign-ins
 * with the right password all succeed.
 */
export interface AttemptRecord {
  /** Failed sign-ins since the window started. */
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  /** Failures allowed in a window; the last of them locks the account. */
  maxFailures: number;
  /** How long the lock lasts, and how long a window counts failures. */
  lockoutSeconds: number;
}

/** Seconds until the account may try again, or null when it may now. */
export function lockedFor(record: AttemptRecord | null, now: Date): number | null {
  if (!record?.lockedUntil || record.lockedUntil <= now) return null;
  return Math.max(1, Math.ceil((record.lockedUntil.getTime() - now.getTime()) / 1000));
}

/** The record after a failed sign-in: counted in its window, locking the account at the limit. */
export function afterFailure(record: AttemptRecord | null, now: Date, policy: LockoutPolicy): AttemptRecord {
  const lockoutMs = policy.lockoutSeconds * 1000;
  // No record, a lock that has ended by itself, or a window that has run out: count afresh.
  const fresh = !record || record.lockedUntil !== null || now.getTime() - record.windowStartedAt.getTime() >= lockoutMs;
  const counted = fresh ? { failures: 1, windowStartedAt: now } : { failures: record.failures + 1, windowStartedAt: record.windowStartedAt };
  return { ...counted, lockedUntil: counted.failures >= policy.maxFailures ? new Date(now.getTime() + lockoutMs) : null };
}
