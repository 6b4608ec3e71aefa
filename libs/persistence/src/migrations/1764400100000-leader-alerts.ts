import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks that keep each near-deadline and breach alert to leaders single. Each mark holds the
 * deadline the alert was about, written with the alert event: an alert is due while the mark
 * differs from the current due_at, so an extension that moves the deadline alerts again.
 * The partial indexes hold only open items with an alert still to send.
 */
export class LeaderAlerts1764400100000 implements MigrationInterface {
  name = 'LeaderAlerts1764400100000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['requests', 'assignments']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN near_alerted_due_at timestamptz, ADD COLUMN breach_alerted_due_at timestamptz`);
      // What was already past its deadline before alerts existed is not announced as news.
      await q.query(`UPDATE ${table} SET near_alerted_due_at = due_at, breach_alerted_due_at = due_at WHERE due_at <= now()`);
    }
    await q.query(`
      CREATE INDEX requests_alert_due_idx ON requests (due_at)
       WHERE status IN ('open', 'in_progress')
         AND (near_alerted_due_at IS DISTINCT FROM due_at OR breach_alerted_due_at IS DISTINCT FROM due_at)`);
    await q.query(`
      CREATE INDEX assignments_alert_due_idx ON assignments (due_at)
       WHERE status IN ('unclaimed', 'claimed')
         AND (near_alerted_due_at IS DISTINCT FROM due_at OR breach_alerted_due_at IS DISTINCT FROM due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX assignments_alert_due_idx');
    await q.query('DROP INDEX requests_alert_due_idx');
    for (const table of ['assignments', 'requests']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN breach_alerted_due_at, DROP COLUMN near_alerted_due_at`);
    }
  }
}
