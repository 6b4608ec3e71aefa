import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the queues of the field app and the desk: a grid's open requests by deadline
 * (GET /requests?mine=true&sort=due), a department's assignments of one status by either deadline
 * (GET /assignments?tab=…&sort=claimDue|due), and what waits for a decision
 * (GET /assignments/decisions).
 */
export class QueueIndexes1764700000000 implements MigrationInterface {
  name = 'QueueIndexes1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX requests_grid_active_due_idx ON requests (grid_code, due_at) WHERE status IN ('open', 'in_progress')`);
    await q.query('CREATE INDEX assignments_department_status_due_idx ON assignments (department_code, status, due_at)');
    await q.query('CREATE INDEX assignments_department_status_claim_due_idx ON assignments (department_code, status, claim_due_at)');
    await q.query(`CREATE INDEX assignments_undecided_return_idx ON assignments (returned_at) WHERE status = 'returned' AND rerouted_to IS NULL`);
    await q.query(`CREATE INDEX assignment_extensions_pending_idx ON assignment_extensions (created_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'assignment_extensions_pending_idx',
      'assignments_undecided_return_idx',
      'assignments_department_status_claim_due_idx',
      'assignments_department_status_due_idx',
      'requests_grid_active_due_idx',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
  }
}
