import fc from 'fast-check';
import { AttemptRecord, decideAttempt, LockoutPolicy } from './sign-in-lockout';

const policy: LockoutPolicy = { maxFailures: 5, lockoutSeconds: 900 };
const t0 = new Date('2026-11-27T01:00:00Z');
const after = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

/** Runs attempts that all fail, one per `everySeconds`, and says which were allowed. */
function failures(count: number, everySeconds: number, start: AttemptRecord | null = null): { allowed: boolean[]; record: AttemptRecord | null } {
  let record = start;
  const allowed: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const decision = decideAttempt(record, after(i * everySeconds), policy);
    allowed.push(decision.allowed);
    record = decision.record;
  }
  return { allowed, record };
}

describe('the sign-in lockout of an account', () => {
  it('allows the first five failures, then locks for the lockout time, saying how long', () => {
    const { allowed, record } = failures(5, 1);
    expect(allowed).toEqual([true, true, true, true, true]);
    const sixth = decideAttempt(record, after(5), policy);
    expect(sixth).toEqual({ allowed: false, record: expect.objectContaining({ lockedUntil: after(905) }), retryAfterSeconds: 900 });
    const later = decideAttempt(sixth.record, after(605), policy);
    expect(later).toMatchObject({ allowed: false, retryAfterSeconds: 300 });
  });

  it('ends the lock by itself and counts afresh', () => {
    const { record } = failures(6, 1);
    expect(decideAttempt(record, after(904), policy).allowed).toBe(false);
    const freed = decideAttempt(record, after(905), policy);
    expect(freed).toEqual({ allowed: true, record: { attempts: 1, windowStartedAt: after(905), lockedUntil: null } });
  });

  it('forgets failures older than the window', () => {
    const { record } = failures(5, 1);
    expect(decideAttempt(record, after(904), policy)).toMatchObject({ allowed: true, record: { attempts: 1 } });
  });

  // Windows are fixed (from their first attempt), so any span of the window's length holds at most two windows' worth.
  it('never allows more than twice maxFailures attempts within any span of the lockout time, however they are spaced', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), (gaps) => {
        let record: AttemptRecord | null = null;
        let now = t0.getTime();
        const allowedAt: number[] = [];
        for (const gap of gaps) {
          now += gap * 1000;
          const decision = decideAttempt(record, new Date(now), policy);
          if (decision.allowed) allowedAt.push(now);
          record = decision.record;
        }
        for (const start of allowedAt) {
          const inWindow = allowedAt.filter((at) => at >= start && at < start + policy.lockoutSeconds * 1000);
          expect(inWindow.length).toBeLessThanOrEqual(2 * policy.maxFailures);
        }
      }),
    );
  });
});
