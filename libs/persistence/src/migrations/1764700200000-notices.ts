import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices that reach people: a department's (whistle summons, 催办 reminders, new assignments, …),
 * recorded by its handler in the inbox's transaction, and a grid's (returns, reopenings, arrivals
 * on site, …), recorded with the event itself. One notice per event and recipient; read marks per
 * user. Outbound deliveries (a log line by default, a signed webhook where configured) wait in
 * `notice_deliveries` until sent or dead-lettered, so none is lost in a restart.
 */
export class Notices1764700200000 implements MigrationInterface {
  name = 'Notices1764700200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notices (
        id uuid PRIMARY KEY,
        position bigserial NOT NULL,
        recipient_kind varchar(12) NOT NULL CHECK (recipient_kind IN ('department', 'grid')),
        recipient_code varchar(40) NOT NULL,
        kind varchar(40) NOT NULL,
        request_id uuid NOT NULL REFERENCES requests (id),
        tracking_no varchar(20) NOT NULL,
        title varchar(200) NOT NULL,
        data jsonb NOT NULL,
        source_event_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT notices_event_recipient_key UNIQUE (source_event_id, recipient_kind, recipient_code)
      )`);
    await q.query('CREATE INDEX notices_recipient_idx ON notices (recipient_kind, recipient_code, position DESC)');
    await q.query('CREATE INDEX notices_created_idx ON notices (created_at)');
    await q.query(`
      CREATE TABLE notice_reads (
        notice_id uuid NOT NULL REFERENCES notices (id),
        user_id uuid NOT NULL REFERENCES users (id),
        read_at timestamptz NOT NULL,
        PRIMARY KEY (notice_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE notice_deliveries (
        id bigserial PRIMARY KEY,
        notice_id uuid NOT NULL REFERENCES notices (id),
        channel varchar(20) NOT NULL CHECK (channel IN ('log', 'webhook')),
        target varchar(500) NOT NULL,
        status varchar(12) NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX notice_deliveries_due_idx ON notice_deliveries (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notice_deliveries');
    await q.query('DROP TABLE notice_reads');
    await q.query('DROP TABLE notices');
  }
}
