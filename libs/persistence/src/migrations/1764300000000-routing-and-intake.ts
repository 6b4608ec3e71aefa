import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The routing policy's version 1: PRODUCT.md section 3's defaults as rules. Frozen here on purpose:
 * later versions are saved by admins, and this one must stay what version 1 was.
 */
const VERSION_1_RULES = [
  {
    id: 'multi-department',
    description: 'The category needs two or more departments',
    when: { departmentsAtLeast: 2 },
    outcome: { route: 'joint' },
  },
  {
    id: 'safety-risk',
    description: 'A safety risk is reported (food safety above all)',
    when: { safetyRisk: true },
    outcome: { route: 'joint' },
  },
  {
    id: 'mass-impact',
    description: '50 or more people are affected',
    when: { affectedPeopleAtLeast: 50 },
    outcome: { route: 'joint' },
  },
  {
    id: 'critical-urgency',
    description: 'Urgency is critical',
    when: { urgencyIn: ['critical'] },
    outcome: { route: 'joint' },
  },
  {
    id: 'same-category-cluster',
    description: '3 or more open requests of the category in the grid within the window, this one included',
    when: { recentSameCategoryAtLeast: 3 },
    outcome: { route: 'joint' },
  },
];

/** Schema for the routing policy as data, duplicates and links, grid boundaries. */
export class RoutingAndIntake1764300000000 implements MigrationInterface {
  name = 'RoutingAndIntake1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE routing_policies (
        version integer PRIMARY KEY CHECK (version >= 1),
        rules jsonb NOT NULL,
        window_hours integer NOT NULL CHECK (window_hours >= 1),
        duplicate_radius_meters integer NOT NULL CHECK (duplicate_radius_meters >= 0),
        cluster_threshold integer NOT NULL CHECK (cluster_threshold >= 2),
        created_by varchar(60) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `INSERT INTO routing_policies (version, rules, window_hours, duplicate_radius_meters, cluster_threshold, created_by)
       VALUES (1, $1, 24, 200, 3, 'system')`,
      [JSON.stringify(VERSION_1_RULES)],
    );
    // A duplicate points at its original; the original counts its duplicates (its reports less one).
    await q.query(`
      ALTER TABLE requests
        ADD COLUMN duplicate_of uuid REFERENCES requests (id),
        ADD COLUMN duplicate_count integer NOT NULL DEFAULT 0 CHECK (duplicate_count >= 0)`);
    // Likely duplicates by radius: open requests of one category, newest first.
    await q.query(`CREATE INDEX requests_category_open_idx ON requests (category_code, created_at DESC) WHERE status IN ('open', 'in_progress')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX requests_category_open_idx');
    await q.query('ALTER TABLE requests DROP COLUMN duplicate_count, DROP COLUMN duplicate_of');
    await q.query('DROP TABLE routing_policies');
  }
}
