import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema for the working calendar, per-category deadlines, reminders and escalation. */
export class CalendarAndEscalation1764300100000 implements MigrationInterface {
  name = 'CalendarAndEscalation1764300100000';

  async up(q: QueryRunner): Promise<void> {
    // One county, one calendar: a single row, replaced whole by each PUT; its version lets every
    // replica see a change on its next filing without re-reading the whole calendar each time.
    await q.query(`
      CREATE TABLE working_calendar (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        periods jsonb NOT NULL,
        holidays date[] NOT NULL DEFAULT '{}',
        make_up_workdays date[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by varchar(60)
      )`);
    await q.query(`INSERT INTO working_calendar (periods) VALUES ('[{"start": "09:00", "end": "12:00"}, {"start": "13:30", "end": "17:30"}]')`);
    // A missing row or a null column means the default of PRODUCT.md section 3.
    await q.query(`
      CREATE TABLE category_deadlines (
        category_code varchar(40) PRIMARY KEY REFERENCES categories (code),
        claim_working_hours double precision CHECK (claim_working_hours >= 0),
        grid_resolve_working_days double precision CHECK (grid_resolve_working_days >= 0),
        joint_resolve_working_days double precision CHECK (joint_resolve_working_days >= 0),
        emergency_clock_hours double precision CHECK (emergency_clock_hours >= 0),
        leaders_after_working_hours double precision CHECK (leaders_after_working_hours >= 0),
        updated_at timestamptz NOT NULL,
        updated_by varchar(60) NOT NULL
      )`);
    // A watcher takes an overdue grid task for a while (a lease) before escalating it in the
    // escalation's own transaction; the other replicas leave it alone meanwhile.
    await q.query('ALTER TABLE requests ADD COLUMN overdue_taken_until timestamptz');
    await q.query(`CREATE INDEX requests_open_grid_due_idx ON requests (due_at) WHERE route = 'grid' AND status IN ('open', 'in_progress')`);
    // Marks of what the watcher did, written with the event: each breach is handled once.
    await q.query(`
      ALTER TABLE assignments
        ADD COLUMN claim_reminded_at timestamptz,
        ADD COLUMN resolve_reminded_at timestamptz,
        ADD COLUMN leaders_due_at timestamptz,
        ADD COLUMN leaders_alerted_at timestamptz`);
    await q.query(`CREATE INDEX assignments_open_claim_due_idx ON assignments (claim_due_at) WHERE status = 'unclaimed'`);
    await q.query(`CREATE INDEX assignments_open_due_idx ON assignments (due_at) WHERE status IN ('unclaimed', 'claimed')`);
    await q.query(`CREATE INDEX assignments_leaders_due_idx ON assignments (leaders_due_at) WHERE status IN ('unclaimed', 'claimed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX assignments_leaders_due_idx');
    await q.query('DROP INDEX assignments_open_due_idx');
    await q.query('DROP INDEX assignments_open_claim_due_idx');
    await q.query(`
      ALTER TABLE assignments
        DROP COLUMN leaders_alerted_at,
        DROP COLUMN leaders_due_at,
        DROP COLUMN resolve_reminded_at,
        DROP COLUMN claim_reminded_at`);
    await q.query('DROP INDEX requests_open_grid_due_idx');
    await q.query('ALTER TABLE requests DROP COLUMN overdue_taken_until');
    await q.query('DROP TABLE category_deadlines');
    await q.query('DROP TABLE working_calendar');
  }
}
