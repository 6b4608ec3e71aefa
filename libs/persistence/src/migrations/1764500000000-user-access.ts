import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access control on users and sign-in:
 * - `token_version` is carried in every token and checked on every call: raising it (a role or
 *   scope change, a disabled account, a new password) refuses the tokens issued before at once;
 * - `disabled_at` marks an account that may not sign in;
 * - usernames are unique whatever their case (the old case-sensitive constraint goes);
 * - `sign_in_attempts` counts each account's recent failed sign-ins, shared by every api
 *   replica, for the lockout that follows too many of them.
 */
export class UserAccess1764500000000 implements MigrationInterface {
  name = 'UserAccess1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // Refuse, naming them, usernames that differ only in case: an admin must rename one first.
    await q.query(`
      DO $$
      DECLARE clashes text;
      BEGIN
        SELECT string_agg(names, '; ') INTO clashes FROM (
          SELECT string_agg(username, ', ' ORDER BY username) AS names FROM users GROUP BY lower(username) HAVING count(*) > 1
        ) AS clash;
        IF clashes IS NOT NULL THEN
          RAISE EXCEPTION 'usernames must be unique whatever their case; rename one of each: %', clashes;
        END IF;
      END $$`);
    await q.query('CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username))');
    await q.query('ALTER TABLE users DROP CONSTRAINT users_username_key');
    await q.query(`
      ALTER TABLE users
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      CREATE TABLE sign_in_attempts (
        account varchar(60) PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sign_in_attempts');
    await q.query('ALTER TABLE users DROP COLUMN updated_at, DROP COLUMN disabled_at, DROP COLUMN token_version');
    await q.query('ALTER TABLE users ADD CONSTRAINT users_username_key UNIQUE (username)');
    await q.query('DROP INDEX users_username_lower_key');
  }
}
