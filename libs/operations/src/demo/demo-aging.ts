import { EntityManager } from 'typeorm';

/** Keys of event payloads (and notices) that hold a time, as toOffsetIso wrote them. */
const TIME_KEYS = ['dueAt', 'claimDueAt', 'deadlineAt', 'requestedDueAt', 'arrivedAt', 'leadersDueAt', 'requestDueAt', 'remindedAt'];

/** Every time column of a request's rows, by table; the request's own key column first. */
const TIME_COLUMNS: Array<{ table: string; key: string; columns: string[] }> = [
  { table: 'requests', key: 'id', columns: ['created_at', 'updated_at', 'due_at', 'resolved_at', 'closed_at', 'near_alerted_due_at', 'breach_alerted_due_at'] },
  {
    table: 'assignments',
    key: 'request_id',
    columns: [
      'created_at',
      'claim_due_at',
      'due_at',
      'claimed_at',
      'resolved_at',
      'delivered_at',
      'returned_at',
      'claim_reminded_at',
      'resolve_reminded_at',
      'leaders_due_at',
      'leaders_alerted_at',
      'near_alerted_due_at',
      'breach_alerted_due_at',
    ],
  },
  { table: 'whistles', key: 'request_id', columns: ['created_at', 'deadline_at'] },
  { table: 'request_feedback', key: 'request_id', columns: ['created_at'] },
  { table: 'media', key: 'request_id', columns: ['created_at'] },
  { table: 'notices', key: 'request_id', columns: ['created_at'] },
];

/** A jsonb object with its time-valued keys moved back by the interval $2, written as toOffsetIso does (UTC+8). */
function shiftedJson(column: string): string {
  return `COALESCE((SELECT jsonb_object_agg(key, CASE WHEN key = ANY($3::text[]) AND jsonb_typeof(value) = 'string'
             THEN to_jsonb(to_char(((value #>> '{}')::timestamptz - $2::interval) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS.MS') || '+08:00')
             ELSE value END) FROM jsonb_each(${column})), '{}'::jsonb)`;
}

/**
 * Moves a sample matter back in time by `minutes`: every time of its rows and of its events
 * (occurred_at and the times in their payloads) alike, so its timeline, deadlines and notices
 * still agree with each other. The matters are filed and worked through the ordinary commands,
 * whose handlers read the clock themselves (a clock to inject would reach into every one of them
 * for the demo alone): moving what happened so far back before each next step makes the steps
 * follow each other hours apart, and a last move puts the filing whole weeks back. The
 * monitoring read models are rebuilt from the moved events afterwards.
 */
export async function ageMatter(manager: EntityManager, requestId: string, minutes: number): Promise<void> {
  if (minutes <= 0) return;
  const interval = `${Math.round(minutes)} minutes`;
  for (const { table, key, columns } of TIME_COLUMNS) {
    const sets = columns.map((c) => `${c} = ${c} - $2::interval`).join(', ');
    if (table === 'notices') {
      await manager.query(`UPDATE notices SET ${sets}, data = ${shiftedJson('data')} WHERE ${key} = $1`, [requestId, interval, TIME_KEYS]);
    } else {
      await manager.query(`UPDATE ${table} SET ${sets} WHERE ${key} = $1`, [requestId, interval]);
    }
  }
  await manager.query(
    `UPDATE whistle_summons SET arrived_at = arrived_at - $2::interval WHERE whistle_id IN (SELECT id FROM whistles WHERE request_id = $1)`,
    [requestId, interval],
  );
  await manager.query(
    `UPDATE assignment_extensions SET created_at = created_at - $2::interval, decided_at = decided_at - $2::interval,
            previous_due_at = previous_due_at - $2::interval, requested_due_at = requested_due_at - $2::interval
      WHERE assignment_id IN (SELECT id FROM assignments WHERE request_id = $1)`,
    [requestId, interval],
  );
  await manager.query(`UPDATE request_events SET occurred_at = occurred_at - $2::interval, data = ${shiftedJson('data')} WHERE request_id = $1`, [
    requestId,
    interval,
    TIME_KEYS,
  ]);
}
