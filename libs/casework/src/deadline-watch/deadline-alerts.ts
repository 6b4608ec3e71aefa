import { toOffsetIso } from '@app/common';
import { LEADERS_TOPIC } from '@app/messaging';
import { UnitOfWork } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EntityManager } from 'typeorm';
import { DeadlineClock } from '../calendar/deadline-clock';
import { addWorkingMinutes, WorkingCalendar } from '../domain/deadlines';
import { EVENT_TYPES } from '../domain/event-types';
import { PendingEvent, RequestTimeline } from '../timeline/request-timeline';
import { LeadersAlerted } from './leaders-alerted.event';

/** The "near deadline" window: the last working hours before a deadline (issue 4 item 5). */
export const NEAR_WINDOW_WORKING_MINUTES = 120;
const MAX_REQUESTS_PER_PASS = 200;

export type DeadlineAlert = 'near' | 'breach';

export interface AlertMarks {
  dueAt: Date;
  nearAlertedDueAt: Date | null;
  breachAlertedDueAt: Date | null;
}

/**
 * Which alert an open item is due for, if any. Each mark holds the deadline its alert was about,
 * so each alert goes once per deadline; a moved deadline (an extension) is announced afresh.
 * A breach found without its near alert gets only the breach: the near one would be stale news.
 */
export function deadlineAlertDue(item: AlertMarks, now: Date, nearLimit: Date): DeadlineAlert | null {
  const due = item.dueAt.getTime();
  if (due <= now.getTime()) return item.breachAlertedDueAt?.getTime() === due ? null : 'breach';
  if (due <= nearLimit.getTime()) return item.nearAlertedDueAt?.getTime() === due ? null : 'near';
  return null;
}

/**
 * The latest deadline that is within the near window at `now`: NEAR_WINDOW working minutes on,
 * pushed over a break to the next working instant (a deadline in the break is as near).
 */
export function nearLimitAt(now: Date, calendar: WorkingCalendar): Date {
  return addWorkingMinutes(addWorkingMinutes(now, NEAR_WINDOW_WORKING_MINUTES, calendar), 0, calendar);
}

/**
 * The SQL filter before deadlineAlertDue for a table aliased `t`: open, due by the near limit ($1),
 * an alert not yet sent for this deadline. Matches the partial indexes.
 */
const ALERT_PENDING = (t: string, open: string): string => `${t}.status IN (${open}) AND ${t}.due_at <= $1
   AND (${t}.near_alerted_due_at IS DISTINCT FROM ${t}.due_at OR ${t}.breach_alerted_due_at IS DISTINCT FROM ${t}.due_at)`;
const REQUEST_PENDING = ALERT_PENDING('q', `'open', 'in_progress'`);
const ASSIGNMENT_PENDING = ALERT_PENDING('a', `'unclaimed', 'claimed'`);

interface LockedRequest {
  id: string;
  grid_id: string;
  grid_code: string;
  tracking_no: string;
  status: string;
  due_at: Date;
  near_alerted_due_at: Date | null;
  breach_alerted_due_at: Date | null;
}

interface AssignmentRow {
  id: string;
  department_code: string;
  due_at: Date;
  near_alerted_due_at: Date | null;
  breach_alerted_due_at: Date | null;
}

const marksOf = (row: { due_at: Date; near_alerted_due_at: Date | null; breach_alerted_due_at: Date | null }): AlertMarks => ({
  dueAt: row.due_at,
  nearAlertedDueAt: row.near_alerted_due_at,
  breachAlertedDueAt: row.breach_alerted_due_at,
});

/**
 * Tells a grid's leaders (领导挂点), on governance.leaders.v1, when an open request or an
 * unresolved assignment enters the near-deadline window and again when it breaches its deadline.
 * Safe in several replicas like the reminders: each request is taken with FOR UPDATE SKIP LOCKED,
 * its items judged again under the lock, and the marks written with the events in one
 * transaction. After the commit, a LeadersAlerted event tells this process's live dashboards.
 */
@Injectable()
export class DeadlineAlerts {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
    private readonly clock: DeadlineClock,
    private readonly eventBus: EventBus,
  ) {}

  /** Sends the alerts due at `now`; answers how many. */
  async sendDue(now: Date): Promise<number> {
    let sent = 0;
    const seen: string[] = [];
    for (let i = 0; i < MAX_REQUESTS_PER_PASS; i++) {
      const alerts = await this.unitOfWork.run(async (manager) => {
        // The calendar is the county's; any category code reads it (the deadlines are not needed here).
        const { calendar } = await this.clock.settingsFor(manager, '');
        const nearLimit = nearLimitAt(now, calendar);
        const [request] = (await manager.query(
          `SELECT r.id, r.grid_id, r.grid_code, r.tracking_no, r.status, r.due_at, r.near_alerted_due_at, r.breach_alerted_due_at
             FROM requests r
            WHERE r.id IN (SELECT q.id FROM requests q WHERE ${REQUEST_PENDING}
                           UNION SELECT a.request_id FROM assignments a WHERE ${ASSIGNMENT_PENDING})
              AND r.id <> ALL($2::uuid[])
            LIMIT 1
              FOR UPDATE SKIP LOCKED`,
          [nearLimit, seen],
        )) as LockedRequest[];
        if (!request) return null;
        seen.push(request.id);
        return this.alertRequest(manager, request, now, nearLimit);
      });
      if (!alerts) break;
      sent += alerts.length;
      for (const alert of alerts) this.eventBus.publish(alert);
    }
    return sent;
  }

  private async alertRequest(manager: EntityManager, request: LockedRequest, now: Date, nearLimit: Date): Promise<LeadersAlerted[]> {
    const due: { alert: DeadlineAlert; dueAt: Date; assignment?: AssignmentRow }[] = [];
    if (request.status === 'open' || request.status === 'in_progress') {
      const alert = deadlineAlertDue(marksOf(request), now, nearLimit);
      if (alert) {
        await manager.query(`UPDATE requests SET ${alert}_alerted_due_at = due_at WHERE id = $1`, [request.id]);
        due.push({ alert, dueAt: request.due_at });
      }
    }
    const assignments = (await manager.query(
      `SELECT id, department_code, due_at, near_alerted_due_at, breach_alerted_due_at FROM assignments
        WHERE request_id = $1 AND status IN ('unclaimed', 'claimed') ORDER BY role DESC, department_code`,
      [request.id],
    )) as AssignmentRow[];
    for (const assignment of assignments) {
      const alert = deadlineAlertDue(marksOf(assignment), now, nearLimit);
      if (!alert) continue;
      await manager.query(`UPDATE assignments SET ${alert}_alerted_due_at = due_at WHERE id = $1`, [assignment.id]);
      due.push({ alert, dueAt: assignment.due_at, assignment });
    }
    if (due.length === 0) return [];
    const leaders = await leadersOf(manager, request.grid_code);
    const events = due.map<PendingEvent>(({ alert, dueAt, assignment }) => ({
      type: alert === 'near' ? EVENT_TYPES.requestDeadlineNear : EVENT_TYPES.requestDeadlineBreached,
      // Never personal data: what is due, where, by when, and who is told.
      payload: {
        gridCode: request.grid_code,
        trackingNo: request.tracking_no,
        leaders,
        dueAt: toOffsetIso(dueAt),
        // What is due: the request itself, or one department's assignment.
        ...(assignment
          ? { subject: 'assignment', assignmentId: assignment.id, departmentCode: assignment.department_code }
          : { subject: 'request' }),
      },
      alsoTo: [LEADERS_TOPIC],
    }));
    await this.timeline.append(manager, { id: request.id, gridId: request.grid_id }, events, now);
    return due.map(
      ({ alert, dueAt, assignment }) =>
        new LeadersAlerted(request.id, request.grid_code, request.tracking_no, alert, toOffsetIso(dueAt), assignment?.department_code ?? null),
    );
  }
}

/** The leaders assigned to the grid (领导挂点), by username. */
async function leadersOf(manager: EntityManager, gridCode: string): Promise<string[]> {
  const rows = (await manager.query(`SELECT username FROM users WHERE role = 'leader' AND $1 = ANY(grid_codes) ORDER BY username`, [
    gridCode,
  ])) as { username: string }[];
  return rows.map((row) => row.username);
}
