import { APP_CONFIG, AppConfig, DomainError } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { afterFailure, AttemptRecord, lockedFor, LockoutPolicy } from '../domain/sign-in-lockout';

interface AttemptRow {
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
  now: Date;
}

type Outcome<T> = { signedIn: T } | { refused: unknown };

/** The failure that counts towards the lockout; other refusals (a disabled account) do not. */
const COUNTED = 'AUTH.BAD_CREDENTIALS';

/**
 * Each account's failed sign-ins, kept in PostgreSQL (sign_in_attempts) so every api replica
 * counts the same ones and a lock holds on all of them. Accounts are keyed by the lower-cased
 * username as typed, known or not, so the lockout tells nobody which usernames exist. An attempt
 * holds its account's row lock while the password is checked: attempts on one account go one at
 * a time, so parallel guesses are all counted and parallel right answers all get in.
 */
@Injectable()
export class AccountLockout {
  private readonly logger = new Logger(AccountLockout.name);
  private readonly policy: LockoutPolicy;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = { maxFailures: config.signInMaxFailures, lockoutSeconds: config.signInLockoutSeconds };
  }

  /**
   * Runs `signIn` unless the account is locked (429 with Retry-After); a wrong password counts towards
   * the lock. `signIn` reads through the attempt's own transaction: a second connection taken while
   * this one is held could wait for ever once concurrent sign-ins hold the whole pool.
   */
  async attempt<T>(username: string, signIn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const account = username.toLowerCase();
    const outcome = await this.unitOfWork.run(async (manager): Promise<Outcome<T>> => {
      await manager.query(
        'INSERT INTO sign_in_attempts (account, failures, window_started_at) VALUES ($1, 0, now()) ON CONFLICT (account) DO NOTHING',
        [account],
      );
      const [row] = (await manager.query(
        'SELECT failures, window_started_at, locked_until, now() AS now FROM sign_in_attempts WHERE account = $1 FOR UPDATE',
        [account],
      )) as AttemptRow[];
      const record: AttemptRecord = { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until };
      const retryAfter = lockedFor(record, row.now);
      if (retryAfter !== null) {
        throw DomainError.tooManyRequests('AUTH.LOCKED_OUT', `too many failed sign-ins for this account; try again in ${retryAfter} s`, retryAfter);
      }
      try {
        const signedIn = await signIn(manager);
        await manager.query('DELETE FROM sign_in_attempts WHERE account = $1', [account]);
        return { signedIn };
      } catch (error) {
        if (!(error instanceof DomainError && error.code === COUNTED)) throw error;
        const next = afterFailure(record, row.now, this.policy);
        await manager.query('UPDATE sign_in_attempts SET failures = $2, window_started_at = $3, locked_until = $4 WHERE account = $1', [
          account,
          next.failures,
          next.windowStartedAt,
          next.lockedUntil,
        ]);
        // Committed with the count: the refusal leaves after the transaction.
        return { refused: error };
      }
    });
    if ('refused' in outcome) {
      void this.forgetStale();
      throw outcome.refused;
    }
    return outcome.signedIn;
  }

  /** Records of accounts nobody tried for two lockout times are of no more use; rows in use are skipped, never waited for. */
  private async forgetStale(): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM sign_in_attempts WHERE account IN (
           SELECT account FROM sign_in_attempts
            WHERE window_started_at < now() - make_interval(secs => $1) AND (locked_until IS NULL OR locked_until < now())
            LIMIT 100 FOR UPDATE SKIP LOCKED)`,
        [2 * this.policy.lockoutSeconds],
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'could not forget stale sign-in records');
    }
  }
}
