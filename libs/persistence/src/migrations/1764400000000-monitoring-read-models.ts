import { MigrationInterface, QueryRunner } from 'typeorm';

/** Columns the figures read, carried in the (scope, day) indexes for index-only scans. */
const REQUEST_FIGURES =
  'INCLUDE (status, due_at, resolved_at, reopen_count, citizen_resolved, citizen_satisfied, resolved_on_time, resolve_working_minutes)';
const ASSIGNMENT_FIGURES =
  'INCLUDE (request_id, status, due_at, claim_due_at, claimed_at, claimed_on_time, claim_working_minutes, resolved_at, resolved_on_time, resolve_working_minutes, reopen_count)';

/**
 * Schema for the monitoring read models (projections of the request events on
 * governance.requests.v1). Only the monitoring projector writes these tables and only the
 * monitoring queries read them; `npm run monitoring:rebuild` truncates and refills them from
 * request_events.
 *
 * mon_requests: one row per request. mon_assignments: one row per department assignment,
 * carrying its request's grid and street so department, grid and street figures need no join.
 * Times are timestamptz; *_working_minutes are working minutes on the admin calendar at
 * projection time. The (scope, day) indexes carry the figure columns so a period's figures come
 * from an index-only scan. last_sequence is the request's last event applied, so a replay or a
 * duplicate delivery never counts twice.
 */
export class MonitoringReadModels1764400000000 implements MigrationInterface {
  name = 'MonitoringReadModels1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mon_requests (
        request_id uuid PRIMARY KEY,
        tracking_no varchar(20) NOT NULL,
        title varchar(200) NOT NULL,
        grid_code varchar(40) NOT NULL,
        street_code varchar(40),
        category_code varchar(40) NOT NULL,
        route varchar(10) NOT NULL,
        status varchar(20) NOT NULL,
        urgency varchar(10) NOT NULL,
        filed_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        resolved_at timestamptz,
        closed_at timestamptz,
        feedback_at timestamptz,
        reopen_count integer NOT NULL DEFAULT 0,
        citizen_resolved boolean,
        citizen_satisfied boolean,
        resolve_working_minutes integer,
        resolved_on_time boolean,
        last_sequence integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX mon_requests_grid_filed_idx ON mon_requests (grid_code, filed_at) ${REQUEST_FIGURES}`);
    await q.query(`CREATE INDEX mon_requests_street_filed_idx ON mon_requests (street_code, filed_at) ${REQUEST_FIGURES}`);
    // A department's feedback: its assignments' requests' verdicts, read from the index alone.
    await q.query(`CREATE INDEX mon_requests_feedback_idx ON mon_requests (request_id) INCLUDE (citizen_resolved, citizen_satisfied)`);
    await q.query(`CREATE INDEX mon_requests_grid_resolved_idx ON mon_requests (grid_code, resolved_at) WHERE resolved_at IS NOT NULL`);
    await q.query(`CREATE INDEX mon_requests_street_resolved_idx ON mon_requests (street_code, resolved_at) WHERE resolved_at IS NOT NULL`);
    await q.query(`CREATE INDEX mon_requests_open_due_idx ON mon_requests (due_at) WHERE status IN ('open', 'in_progress')`);
    await q.query(`CREATE INDEX mon_requests_grid_open_due_idx ON mon_requests (grid_code, due_at) WHERE status IN ('open', 'in_progress')`);
    await q.query(`
      CREATE TABLE mon_assignments (
        assignment_id uuid PRIMARY KEY,
        request_id uuid NOT NULL,
        grid_code varchar(40) NOT NULL,
        street_code varchar(40),
        department_code varchar(40) NOT NULL,
        role varchar(10) NOT NULL,
        status varchar(20) NOT NULL,
        created_at timestamptz NOT NULL,
        claim_due_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        claimed_at timestamptz,
        resolved_at timestamptz,
        claim_working_minutes integer,
        claimed_on_time boolean,
        resolve_working_minutes integer,
        resolved_on_time boolean,
        returned boolean NOT NULL DEFAULT false,
        return_count integer NOT NULL DEFAULT 0,
        rerouted_to uuid,
        reopen_count integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX mon_assignments_request_idx ON mon_assignments (request_id)`);
    await q.query(`CREATE INDEX mon_assignments_department_created_idx ON mon_assignments (department_code, created_at) ${ASSIGNMENT_FIGURES}`);
    await q.query(`CREATE INDEX mon_assignments_grid_created_idx ON mon_assignments (grid_code, created_at) ${ASSIGNMENT_FIGURES}`);
    await q.query(`CREATE INDEX mon_assignments_street_created_idx ON mon_assignments (street_code, created_at) ${ASSIGNMENT_FIGURES}`);
    await q.query(
      `CREATE INDEX mon_assignments_department_resolved_idx ON mon_assignments (department_code, resolved_at) WHERE resolved_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX mon_assignments_open_due_idx ON mon_assignments (due_at) WHERE status IN ('unclaimed', 'claimed')`);
    await q.query(`CREATE INDEX mon_assignments_unclaimed_claim_due_idx ON mon_assignments (claim_due_at) WHERE status = 'unclaimed'`);
    await q.query(
      `CREATE INDEX mon_assignments_grid_open_due_idx ON mon_assignments (grid_code, due_at) WHERE status IN ('unclaimed', 'claimed')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mon_assignments`);
    await q.query(`DROP TABLE mon_requests`);
  }
}
