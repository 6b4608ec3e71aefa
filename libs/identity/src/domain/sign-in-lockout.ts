/**
 * The lockout of one account after too many failed sign-ins, decided purely from its record.
 * Every attempt takes a slot before its password is checked, so parallel guesses cannot slip
 * past the count; a successful sign-in deletes the record (see AccountLockout).
 */
export interface AttemptRecord {
  /** Attempts since the window started that have not ended in a successful sign-in. */
  attempts: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  /** Failed attempts allowed in a window; the next one locks the account. */
  maxFailures: number;
  /** How long the lock lasts, and how long a window counts failures. */
  lockoutSeconds: number;
}

export type AttemptDecision = { allowed: true; record: AttemptRecord } | { allowed: false; record: AttemptRecord; retryAfterSeconds: number };

export function decideAttempt(record: AttemptRecord | null, now: Date, policy: LockoutPolicy): AttemptDecision {
  const lockoutMs = policy.lockoutSeconds * 1000;
  if (record?.lockedUntil && record.lockedUntil > now) {
    return { allowed: false, record, retryAfterSeconds: secondsUntil(record.lockedUntil, now) };
  }
  // No record, a lock that has ended by itself, or a window that has run out: count afresh.
  if (!record || record.lockedUntil || now.getTime() - record.windowStartedAt.getTime() >= lockoutMs) {
    return { allowed: true, record: { attempts: 1, windowStartedAt: now, lockedUntil: null } };
  }
  const attempts = record.attempts + 1;
  if (attempts > policy.maxFailures) {
    const lockedUntil = new Date(now.getTime() + lockoutMs);
    return { allowed: false, record: { ...record, attempts, lockedUntil }, retryAfterSeconds: secondsUntil(lockedUntil, now) };
  }
  return { allowed: true, record: { ...record, attempts } };
}

function secondsUntil(time: Date, now: Date): number {
  return Math.max(1, Math.ceil((time.getTime() - now.getTime()) / 1000));
}
