import { EntityManager } from 'typeorm';
import { MonAssignmentRow, MonRequestRow, ProjectedEvent, RequestProjectionState } from './request-projection';

/** Reads and writes the mon_* rows of requests; the only SQL the projection needs. */

const REQUEST_COLUMNS: ReadonlyArray<[keyof MonRequestRow, string]> = [
  ['requestId', 'request_id'],
  ['trackingNo', 'tracking_no'],
  ['title', 'title'],
  ['gridCode', 'grid_code'],
  ['streetCode', 'street_code'],
  ['categoryCode', 'category_code'],
  ['route', 'route'],
  ['status', 'status'],
  ['urgency', 'urgency'],
  ['filedAt', 'filed_at'],
  ['dueAt', 'due_at'],
  ['resolvedAt', 'resolved_at'],
  ['closedAt', 'closed_at'],
  ['feedbackAt', 'feedback_at'],
  ['reopenCount', 'reopen_count'],
  ['citizenResolved', 'citizen_resolved'],
  ['citizenSatisfied', 'citizen_satisfied'],
  ['resolveWorkingMinutes', 'resolve_working_minutes'],
  ['resolvedOnTime', 'resolved_on_time'],
  ['lastSequence', 'last_sequence'],
  ['updatedAt', 'updated_at'],
];

const ASSIGNMENT_COLUMNS: ReadonlyArray<[keyof MonAssignmentRow, string]> = [
  ['assignmentId', 'assignment_id'],
  ['requestId', 'request_id'],
  ['gridCode', 'grid_code'],
  ['streetCode', 'street_code'],
  ['departmentCode', 'department_code'],
  ['role', 'role'],
  ['status', 'status'],
  ['createdAt', 'created_at'],
  ['claimDueAt', 'claim_due_at'],
  ['dueAt', 'due_at'],
  ['claimedAt', 'claimed_at'],
  ['resolvedAt', 'resolved_at'],
  ['claimWorkingMinutes', 'claim_working_minutes'],
  ['claimedOnTime', 'claimed_on_time'],
  ['resolveWorkingMinutes', 'resolve_working_minutes'],
  ['resolvedOnTime', 'resolved_on_time'],
  ['returned', 'returned'],
  ['returnCount', 'return_count'],
  ['reroutedTo', 'rerouted_to'],
  ['reopenCount', 'reopen_count'],
  ['updatedAt', 'updated_at'],
];

function fromRow<T>(columns: ReadonlyArray<[keyof T, string]>, row: Record<string, unknown>): T {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const [field, column] of columns) out[field] = row[column];
  return out as T;
}

/** A multi-row upsert; a row already further on (a concurrent writer) is left alone. */
async function upsert<T>(
  manager: EntityManager,
  table: string,
  key: string,
  columns: ReadonlyArray<[keyof T, string]>,
  rows: readonly T[],
  guard?: string,
): Promise<void> {
  // PostgreSQL allows 65535 parameters per statement.
  const perStatement = Math.floor(60_000 / columns.length);
  for (let offset = 0; offset < rows.length; offset += perStatement) {
    const batch = rows.slice(offset, offset + perStatement);
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${columns.map(([field]) => `$${params.push(row[field])}`).join(', ')})`);
    const names = columns.map(([, column]) => column);
    await manager.query(
      `INSERT INTO ${table} (${names.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (${key}) DO UPDATE SET ${names
         .filter((n) => n !== key)
         .map((n) => `${n} = EXCLUDED.${n}`)
         .join(', ')}${guard ? ` WHERE ${guard}` : ''}`,
      params,
    );
  }
}

export class ProjectionStore {
  /** The state of one request, locked against a concurrent projector of the same request. */
  static async load(manager: EntityManager, requestId: string): Promise<RequestProjectionState> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [requestId]);
    const [request] = (await manager.query(`SELECT * FROM mon_requests WHERE request_id = $1`, [requestId])) as Record<string, unknown>[];
    const assignments = (await manager.query(`SELECT * FROM mon_assignments WHERE request_id = $1`, [requestId])) as Record<string, unknown>[];
    return {
      request: request ? fromRow<MonRequestRow>(REQUEST_COLUMNS, request) : null,
      assignments: new Map(assignments.map((a) => [a.assignment_id as string, fromRow<MonAssignmentRow>(ASSIGNMENT_COLUMNS, a)])),
    };
  }

  static async save(manager: EntityManager, states: readonly RequestProjectionState[]): Promise<void> {
    const requests = states.flatMap((s) => (s.request ? [s.request] : []));
    const assignments = states.flatMap((s) => [...s.assignments.values()]);
    if (requests.length > 0) {
      await upsert(manager, 'mon_requests', 'request_id', REQUEST_COLUMNS, requests, 'mon_requests.last_sequence <= EXCLUDED.last_sequence');
    }
    if (assignments.length > 0) await upsert(manager, 'mon_assignments', 'assignment_id', ASSIGNMENT_COLUMNS, assignments);
  }

  /**
   * What the requests' rows contribute to mon_daily_figures now: read before they change and
   * handed to applyDailyDelta after, which adds the difference.
   */
  static async dailyParts(manager: EntityManager, requestIds: readonly string[]): Promise<DailyParts> {
    const [row] = (await manager.query(`SELECT coalesce(jsonb_agg(p), '[]'::jsonb) AS parts FROM mon_daily_parts($1::uuid[]) p`, [requestIds])) as {
      parts: DailyParts;
    }[];
    return row.parts;
  }

  static async applyDailyDelta(manager: EntityManager, requestIds: readonly string[], before: DailyParts): Promise<void> {
    await manager.query(`SELECT mon_apply_daily_delta($1::uuid[], $2::jsonb)`, [requestIds, JSON.stringify(before)]);
  }

  /** Refills mon_daily_figures from all the mon_* rows (after a rebuild). */
  static async refreshDailyFigures(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT mon_refresh_daily_figures()`);
  }

  /** Events of a request from the event store, after `afterSequence` and up to `upTo`. */
  static async storedEvents(manager: EntityManager, requestId: string, afterSequence: number, upTo: number): Promise<ProjectedEvent[]> {
    const rows = (await manager.query(
      `SELECT request_id, sequence, type, occurred_at, data FROM request_events
        WHERE request_id = $1 AND sequence > $2 AND sequence <= $3 ORDER BY sequence`,
      [requestId, afterSequence, upTo],
    )) as StoredEventRow[];
    return rows.map(toProjectedEvent);
  }

  static async streetsByGrid(manager: EntityManager, gridCodes?: readonly string[]): Promise<Map<string, string | null>> {
    const rows = (await (gridCodes
      ? manager.query(`SELECT code, street_code FROM grids WHERE code = ANY($1)`, [gridCodes])
      : manager.query(`SELECT code, street_code FROM grids`))) as { code: string; street_code: string | null }[];
    return new Map(rows.map((r) => [r.code, r.street_code]));
  }
}

/** Rows of mon_daily_parts as JSON, only ever handed back to the database. */
export type DailyParts = unknown[];

export interface StoredEventRow {
  request_id: string;
  sequence: number;
  type: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

export function toProjectedEvent(row: StoredEventRow): ProjectedEvent {
  return { requestId: row.request_id, sequence: row.sequence, type: row.type, occurredAt: row.occurred_at, payload: row.data ?? {} };
}
