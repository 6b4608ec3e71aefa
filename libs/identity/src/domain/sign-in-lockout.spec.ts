import fc from 'fast-check';
import { afterFailure, AttemptRecord, lockedFor, LockoutPolicy } from './sign-in-lockout';

const policy: LockoutPolicy = { maxFailures: 5, lockoutSeconds: 900 };
const t0 = new Date('2026-11-27T01:00:00Z');
const after = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

/** Tries `count` wrong passwords, one per `everySeconds`; says which were let through to the check. */
function guesses(count: number, everySeconds: number, start: AttemptRecord | null = null): { checked: boolean[]; record: AttemptRecord | null } {
  let record = start;
  const checked: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const now = after(i * everySeconds);
    const locked = lockedFor(record, now) !== null;
    checked.push(!locked);
    if (!locked) record = afterFailure(record, now, policy);
  }
  return { checked, record };
}

describe('the sign-in lockout of an account', () => {
  it('checks five wrong passwords, then locks for the lockout time, saying how long', () => {
    const { checked, record } = guesses(7, 1);
    expect(checked).toEqual([true, true, true, true, true, false, false]);
    expect(record).toEqual({ failures: 5, windowStartedAt: t0, lockedUntil: after(904) });
    expect(lockedFor(record, after(5))).toBe(899);
    expect(lockedFor(record, after(604))).toBe(300);
  });

  it('ends the lock by itself and counts afresh', () => {
    const { record } = guesses(5, 1);
    expect(lockedFor(record, after(903))).toBe(1);
    expect(lockedFor(record, after(904))).toBeNull();
    expect(afterFailure(record, after(904), policy)).toEqual({ failures: 1, windowStartedAt: after(904), lockedUntil: null });
  });

  it('forgets failures older than the window', () => {
    const { record } = guesses(4, 1);
    expect(afterFailure(record, after(903), policy)).toEqual({ failures: 1, windowStartedAt: after(903), lockedUntil: null });
  });

  // Windows are fixed (from their first failure), so any span of the window's length holds at most two windows' worth.
  it('never checks more than twice maxFailures wrong passwords within any span of the lockout time, however they are spaced', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), (gaps) => {
        let record: AttemptRecord | null = null;
        let now = t0.getTime();
        const checkedAt: number[] = [];
        for (const gap of gaps) {
          now += gap * 1000;
          if (lockedFor(record, new Date(now)) !== null) continue;
          checkedAt.push(now);
          record = afterFailure(record, new Date(now), policy);
        }
        for (const start of checkedAt) {
          const inWindow = checkedAt.filter((at) => at >= start && at < start + policy.lockoutSeconds * 1000);
          expect(inWindow.length).toBeLessThanOrEqual(2 * policy.maxFailures);
        }
      }),
    );
  });
});
