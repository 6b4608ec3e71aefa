import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the outbox relay last published, whichever replica held the relay lock: readiness and
 * metrics tell a relay that drains a long backlog from one that has stopped.
 */
export class OutboxRelayState1764600000000 implements MigrationInterface {
  name = 'OutboxRelayState1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_relay_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_published_at timestamptz
      )`);
    await q.query(`INSERT INTO outbox_relay_state (id, last_published_at) VALUES (1, (SELECT max(published_at) FROM outbox))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox_relay_state');
  }
}
