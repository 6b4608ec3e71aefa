import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos attached to requests (上报, 处置, 吹哨). The bytes live outside the database (MediaStorage);
 * a row exists only once both files are stored, so a half-uploaded photo never appears attached.
 * An upload retried with the same Idempotency-Key by the same user finds its row instead of
 * attaching a second photo.
 */
export class Media1764700100000 implements MigrationInterface {
  name = 'Media1764700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES requests (id),
        stage varchar(10) NOT NULL CHECK (stage IN ('report', 'handling', 'whistle')),
        content_type varchar(40) NOT NULL,
        uploaded_type varchar(40) NOT NULL,
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        bytes integer NOT NULL CHECK (bytes > 0),
        storage_key varchar(200) NOT NULL,
        thumbnail_key varchar(200) NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        uploaded_by_name varchar(60) NOT NULL,
        idempotency_key varchar(100),
        fingerprint char(64) NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT media_uploaded_by_idempotency_key UNIQUE (uploaded_by, idempotency_key)
      )`);
    await q.query('CREATE INDEX media_request_stage_idx ON media (request_id, stage, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE media');
  }
}
