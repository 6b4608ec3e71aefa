import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema for whistles, returns, extensions, replies and citizen feedback. */
export class WhistleReturnsFeedback1764300200000 implements MigrationInterface {
  name = 'WhistleReturnsFeedback1764300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE whistles (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES requests (id),
        blown_by varchar(60) NOT NULL,
        deadline_at timestamptz NOT NULL,
        note text,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX whistles_request_idx ON whistles (request_id, created_at)`);
    await q.query(`
      CREATE TABLE whistle_summons (
        whistle_id uuid NOT NULL REFERENCES whistles (id),
        department_code varchar(40) NOT NULL REFERENCES departments (code),
        arrived_at timestamptz,
        arrived_by varchar(60),
        PRIMARY KEY (whistle_id, department_code),
        CHECK ((arrived_at IS NULL) = (arrived_by IS NULL))
      )`);
    // The return awaiting an admin's decision is the one on a returned assignment not yet rerouted.
    await q.query(`
      ALTER TABLE assignments
        ADD COLUMN return_reason text,
        ADD COLUMN returned_at timestamptz,
        ADD COLUMN returned_by_name varchar(60),
        ADD COLUMN rerouted_to uuid REFERENCES assignments (id)`);
    await q.query(`
      CREATE TABLE assignment_extensions (
        id uuid PRIMARY KEY,
        assignment_id uuid NOT NULL REFERENCES assignments (id),
        status varchar(10) NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
        previous_due_at timestamptz NOT NULL,
        requested_due_at timestamptz NOT NULL CHECK (requested_due_at > previous_due_at),
        reason text NOT NULL,
        requested_by uuid NOT NULL REFERENCES users (id),
        requested_by_name varchar(60) NOT NULL,
        decided_by_name varchar(60),
        decision_note text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX assignment_extensions_one_pending_key ON assignment_extensions (assignment_id) WHERE status = 'pending'`);
    await q.query(`ALTER TABLE requests ADD COLUMN reopen_count integer NOT NULL DEFAULT 0, ADD COLUMN closed_at timestamptz`);
    await q.query(`
      CREATE TABLE request_feedback (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES requests (id),
        resolved boolean NOT NULL,
        satisfied boolean NOT NULL,
        comment text,
        recorded_by varchar(60) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX request_feedback_request_idx ON request_feedback (request_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE request_feedback');
    await q.query('ALTER TABLE requests DROP COLUMN closed_at, DROP COLUMN reopen_count');
    await q.query('DROP TABLE assignment_extensions');
    await q.query('ALTER TABLE assignments DROP COLUMN rerouted_to, DROP COLUMN returned_by_name, DROP COLUMN returned_at, DROP COLUMN return_reason');
    await q.query('DROP TABLE whistle_summons');
    await q.query('DROP TABLE whistles');
  }
}
