import { EntityManager } from 'typeorm';
import { RoutingPolicy, recentCountNeeded } from '../domain/routing-policy';

/**
 * Open requests of the category in the grid filed within the policy's window, counted only as far
 * as the policy's rules can tell apart: that stays cheap however many are open. Callers hold the
 * grid-and-category lock (lockGridCategory) so concurrent filings count each other exactly.
 */
export async function countRecentSameCategory(
  manager: EntityManager,
  gridId: string,
  categoryCode: string,
  policy: RoutingPolicy,
): Promise<number> {
  const needed = recentCountNeeded(policy);
  if (needed === 0) return 0;
  const [{ count }] = (await manager.query(
    `SELECT count(*)::int AS count FROM (
       SELECT 1 FROM requests
        WHERE grid_id = $1 AND category_code = $2 AND status IN ('open', 'in_progress')
          AND created_at > now() - make_interval(hours => $3)
        LIMIT $4) AS recent`,
    [gridId, categoryCode, policy.windowHours, needed],
  )) as { count: number }[];
  return count;
}

/** Serialises filings and escalations of one category in one grid, so a cluster is counted exactly. */
export async function lockGridCategory(manager: EntityManager, gridId: string, categoryCode: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cluster:${gridId}:${categoryCode}`]);
}
