import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Topics and consumer positions for a process that runs without Kafka (the embedded default): the
 * log survives a restart, so an event published before a crash is still handled after it. Empty
 * where Kafka carries the events.
 */
export class EmbeddedTopics1764600100000 implements MigrationInterface {
  name = 'EmbeddedTopics1764600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE embedded_topic_messages (
        position bigserial PRIMARY KEY,
        topic varchar(255) NOT NULL,
        message_key varchar(255),
        value text,
        headers jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX embedded_topic_messages_topic_idx ON embedded_topic_messages (topic, position)');
    await q.query(`
      CREATE TABLE embedded_consumer_offsets (
        group_id varchar(255) NOT NULL,
        topic varchar(255) NOT NULL,
        position bigint NOT NULL,
        PRIMARY KEY (group_id, topic)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE embedded_consumer_offsets');
    await q.query('DROP TABLE embedded_topic_messages');
  }
}
