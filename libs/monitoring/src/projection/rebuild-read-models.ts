import { DeadlineClock } from '@app/casework';
import { DataSource } from 'typeorm';
import { ProjectionStore, StoredEventRow, toProjectedEvent } from './projection-store';
import { projectionContext } from './requests-projector';
import { applyEvent, emptyState, RequestProjectionState } from './request-projection';

const EVENTS_PER_READ = 20_000;
const REQUESTS_PER_WRITE = 2_000;

export interface RebuildResult {
  requests: number;
  events: number;
}

/**
 * Empties the read models and replays the event store (request_events, by request and sequence)
 * through the same fold the live projector uses, then sums the daily figures afresh, all in one
 * transaction: readers see the old figures until the new ones are complete, and the live
 * projector waits, then finds every event applied.
 */
export async function rebuildReadModels(dataSource: DataSource, clock = new DeadlineClock()): Promise<RebuildResult> {
  return dataSource.transaction(async (manager) => {
    await manager.query('TRUNCATE mon_assignments, mon_requests');
    const ctx = await projectionContext(manager, clock, [], await ProjectionStore.streetsByGrid(manager));
    let cursor: [string, number] = ['00000000-0000-0000-0000-000000000000', 0];
    let current: RequestProjectionState | null = null;
    let currentId = '';
    let pending: RequestProjectionState[] = [];
    const result: RebuildResult = { requests: 0, events: 0 };
    const finish = async (force: boolean): Promise<void> => {
      if (pending.length >= REQUESTS_PER_WRITE || (force && pending.length > 0)) {
        await ProjectionStore.save(manager, pending);
        pending = [];
      }
    };
    for (;;) {
      const rows = (await manager.query(
        `SELECT request_id, sequence, type, occurred_at, data FROM request_events
          WHERE (request_id, sequence) > ($1::uuid, $2::int) ORDER BY request_id, sequence LIMIT ${EVENTS_PER_READ}`,
        cursor,
      )) as StoredEventRow[];
      for (const row of rows) {
        if (row.request_id !== currentId) {
          if (current) pending.push(current);
          await finish(false);
          current = emptyState();
          currentId = row.request_id;
          result.requests += 1;
        }
        const state = current as RequestProjectionState;
        const outcome = applyEvent(state, toProjectedEvent(row), ctx);
        if (outcome === 'gap') throw new Error(`request ${row.request_id}: event ${row.sequence} follows a gap in the event store`);
        result.events += 1;
      }
      if (rows.length < EVENTS_PER_READ) break;
      const lastRow = rows[rows.length - 1];
      cursor = [lastRow.request_id, lastRow.sequence];
    }
    if (current) pending.push(current);
    await finish(true);
    await ProjectionStore.refreshDailyFigures(manager);
    return result;
  });
}
