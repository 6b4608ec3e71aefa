import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference data, identity, requests with their timeline and assignments, outbox and inbox. */
export class InitialSchema1764230400000 implements MigrationInterface {
  name = 'InitialSchema1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grids (
        id uuid PRIMARY KEY,
        code varchar(40) NOT NULL CONSTRAINT grids_code_key UNIQUE,
        name varchar(200) NOT NULL,
        street_code varchar(40),
        boundary jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY,
        code varchar(40) NOT NULL CONSTRAINT departments_code_key UNIQUE,
        name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY,
        code varchar(40) NOT NULL CONSTRAINT categories_code_key UNIQUE,
        name varchar(200) NOT NULL,
        lead_department_code varchar(40) NOT NULL REFERENCES departments (code),
        assisting_department_codes varchar(40)[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username varchar(60) NOT NULL CONSTRAINT users_username_key UNIQUE,
        password_hash varchar(200) NOT NULL,
        role varchar(20) NOT NULL CHECK (role IN ('admin', 'grid_worker', 'dept_staff', 'leader')),
        grid_codes varchar(40)[] NOT NULL DEFAULT '{}',
        department_code varchar(40) REFERENCES departments (code),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE requests (
        id uuid PRIMARY KEY,
        tracking_no varchar(20) NOT NULL CONSTRAINT requests_tracking_no_key UNIQUE,
        grid_id uuid NOT NULL REFERENCES grids (id),
        grid_code varchar(40) NOT NULL,
        category_code varchar(40) NOT NULL REFERENCES categories (code),
        title varchar(200) NOT NULL,
        description text NOT NULL,
        location jsonb,
        reporter jsonb,
        safety_risk boolean NOT NULL,
        affected_people integer NOT NULL,
        urgency varchar(10) NOT NULL,
        route varchar(10) NOT NULL CHECK (route IN ('grid', 'joint')),
        status varchar(20) NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
        decision jsonb NOT NULL,
        due_at timestamptz NOT NULL,
        filed_by uuid NOT NULL REFERENCES users (id),
        resolution_note text,
        resolved_at timestamptz,
        last_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX requests_grid_category_open_idx ON requests (grid_id, category_code, created_at) WHERE status IN ('open', 'in_progress')`);
    await q.query(`CREATE INDEX requests_grid_created_idx ON requests (grid_code, created_at DESC)`);
    await q.query(`CREATE INDEX requests_created_idx ON requests (created_at DESC)`);
    await q.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES requests (id),
        department_code varchar(40) NOT NULL REFERENCES departments (code),
        role varchar(10) NOT NULL CHECK (role IN ('lead', 'assist')),
        status varchar(20) NOT NULL CHECK (status IN ('unclaimed', 'claimed', 'resolved', 'returned')),
        claim_due_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        claimed_by uuid REFERENCES users (id),
        claimed_by_name varchar(60),
        claimed_at timestamptz,
        resolved_at timestamptz,
        resolution_note text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT assignments_request_department_key UNIQUE (request_id, department_code)
      )`);
    await q.query(`CREATE INDEX assignments_department_status_idx ON assignments (department_code, status, created_at)`);
    await q.query(`
      CREATE TABLE request_events (
        request_id uuid NOT NULL REFERENCES requests (id),
        sequence integer NOT NULL,
        event_id uuid NOT NULL CONSTRAINT request_events_event_id_key UNIQUE,
        type varchar(60) NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor varchar(60),
        data jsonb NOT NULL,
        PRIMARY KEY (request_id, sequence)
      )`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key varchar(100) NOT NULL,
        fingerprint char(64) NOT NULL,
        status_code smallint,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL,
        topic varchar(255) NOT NULL,
        message_key varchar(100) NOT NULL,
        headers jsonb NOT NULL,
        payload text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL`);
    await q.query(`
      CREATE TABLE inbox (
        consumer varchar(200) NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['inbox', 'outbox', 'idempotency_keys', 'request_events', 'assignments', 'requests', 'users', 'categories', 'departments', 'grids']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
