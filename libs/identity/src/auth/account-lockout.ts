import { APP_CONFIG, AppConfig, DomainError } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttemptRecord, decideAttempt, LockoutPolicy } from '../domain/sign-in-lockout';

interface AttemptRow {
  attempts: number;
  window_started_at: Date;
  locked_until: Date | null;
  now: Date;
}

/**
 * Each account's sign-in attempts, kept in PostgreSQL (sign_in_attempts) so every api replica
 * counts the same ones and a lock holds on all of them. Accounts are keyed by the lower-cased
 * username as typed, known or not, so the lockout tells nobody which usernames exist.
 */
@Injectable()
export class AccountLockout {
  private readonly policy: LockoutPolicy;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = { maxFailures: config.signInMaxFailures, lockoutSeconds: config.signInLockoutSeconds };
  }

  /** Takes a slot for one attempt, or refuses with 429 and Retry-After while the account is locked. */
  async reserve(username: string): Promise<void> {
    const account = username.toLowerCase();
    const decision = await this.unitOfWork.run(async (manager) => {
      // Records of accounts nobody tried for two lockout times are of no more use.
      await manager.query(
        `DELETE FROM sign_in_attempts WHERE window_started_at < now() - make_interval(secs => $1)
            AND (locked_until IS NULL OR locked_until < now())`,
        [2 * this.policy.lockoutSeconds],
      );
      // The row lock orders concurrent attempts on one account across replicas.
      await manager.query(
        'INSERT INTO sign_in_attempts (account, attempts, window_started_at) VALUES ($1, 0, now()) ON CONFLICT (account) DO NOTHING',
        [account],
      );
      const [row] = (await manager.query(
        'SELECT attempts, window_started_at, locked_until, now() AS now FROM sign_in_attempts WHERE account = $1 FOR UPDATE',
        [account],
      )) as AttemptRow[];
      const stored: AttemptRecord = { attempts: row.attempts, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until };
      const decided = decideAttempt(stored, row.now, this.policy);
      await manager.query('UPDATE sign_in_attempts SET attempts = $2, window_started_at = $3, locked_until = $4 WHERE account = $1', [
        account,
        decided.record.attempts,
        decided.record.windowStartedAt,
        decided.record.lockedUntil,
      ]);
      return decided;
    });
    if (!decision.allowed) {
      throw DomainError.tooManyRequests(
        'AUTH.LOCKED_OUT',
        `too many failed sign-ins for this account; try again in ${decision.retryAfterSeconds} s`,
        decision.retryAfterSeconds,
      );
    }
  }

  /** A successful sign-in clears the account's count. */
  async succeeded(username: string): Promise<void> {
    await this.dataSource.query('DELETE FROM sign_in_attempts WHERE account = $1', [username.toLowerCase()]);
  }
}
