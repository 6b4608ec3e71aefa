import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (操作日志): who changed what among users, reference data, routing policy,
 * calendar and deadlines, and who read a reporter's contact details; when, and under which
 * correlation id. Rows are only ever added: a trigger refuses UPDATE, DELETE and TRUNCATE, so
 * not even a bug in the service can rewrite the history. (Purging old entries is an operator's
 * deliberate act: ALTER TABLE audit_log DISABLE TRIGGER ..., in a session of their own.)
 */
export class AuditLog1764500100000 implements MigrationInterface {
  name = 'AuditLog1764500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_username varchar(60),
        actor_role varchar(20),
        action varchar(60) NOT NULL,
        target_type varchar(40) NOT NULL,
        target_id varchar(100) NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        correlation_id varchar(100) NOT NULL
      )`);
    await q.query('CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at)');
    await q.query('CREATE INDEX audit_log_actor_idx ON audit_log (lower(actor_username), id)');
    await q.query('CREATE INDEX audit_log_action_idx ON audit_log (action, id)');
    await q.query('CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, id)');
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP FUNCTION audit_log_append_only()');
  }
}
