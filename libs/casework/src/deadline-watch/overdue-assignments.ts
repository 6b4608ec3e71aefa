import { toOffsetIso } from '@app/common';
import { departmentTopic, LEADERS_TOPIC } from '@app/messaging';
import { UnitOfWork } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeadlineClock } from '../calendar/deadline-clock';
import { EVENT_TYPES } from '../domain/event-types';
import type { AssignmentStatus } from '../domain/lifecycle';
import { Breach, overdueAction, WatchedAssignment } from '../domain/overdue';
import { PendingEvent, RequestTimeline } from '../timeline/request-timeline';

const MAX_REQUESTS_PER_PASS = 200;

/**
 * The SQL twin of overdueAction (domain/overdue.ts): assignments with a breach not yet reminded,
 * or reminded and still open when the leaders are due. $1 is the watcher's `now`.
 */
const NEEDS_ACTION = `a.status IN ('unclaimed', 'claimed') AND (
     (a.due_at <= $1 AND (a.resolve_reminded_at IS NULL OR a.resolve_reminded_at < a.due_at))
  OR (a.status = 'unclaimed' AND a.due_at > $1 AND a.claim_due_at <= $1
      AND (a.claim_reminded_at IS NULL OR a.claim_reminded_at < a.claim_due_at))
  OR ((a.due_at <= $1 OR (a.status = 'unclaimed' AND a.claim_due_at <= $1))
      AND a.leaders_due_at <= $1 AND (a.leaders_alerted_at IS NULL OR a.leaders_alerted_at < a.leaders_due_at)))`;

interface LockedRequest {
  id: string;
  grid_id: string;
  grid_code: string;
  category_code: string;
  tracking_no: string;
}

interface AssignmentRow {
  id: string;
  department_code: string;
  status: AssignmentStatus;
  claim_due_at: Date;
  due_at: Date;
  claim_reminded_at: Date | null;
  resolve_reminded_at: Date | null;
  leaders_due_at: Date | null;
  leaders_alerted_at: Date | null;
}

function watched(row: AssignmentRow): WatchedAssignment {
  return {
    status: row.status,
    claimDueAt: row.claim_due_at,
    dueAt: row.due_at,
    claimRemindedAt: row.claim_reminded_at,
    resolveRemindedAt: row.resolve_reminded_at,
    leadersDueAt: row.leaders_due_at,
    leadersAlertedAt: row.leaders_alerted_at,
  };
}

/**
 * 催办 and 领导挂点 by the clock: an assignment past its claim or resolve deadline gets a reminder on
 * its department's topic; one still overdue when the leaders are due goes to the grid's leaders on
 * governance.leaders.v1. Safe in several replicas: each request is taken with FOR UPDATE SKIP LOCKED
 * (the lock every command takes first), its assignments are judged again under that lock, and the
 * marks of what was done are written with the events, in one transaction.
 */
@Injectable()
export class OverdueAssignments {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
    private readonly clock: DeadlineClock,
  ) {}

  async handleDue(now: Date): Promise<{ reminded: number; leadersAlerted: number }> {
    const totals = { reminded: 0, leadersAlerted: 0 };
    // Bounds the pass even if a request were taken whose assignments need nothing after all.
    const seen: string[] = [];
    for (let i = 0; i < MAX_REQUESTS_PER_PASS; i++) {
      const done = await this.unitOfWork.run(async (manager) => {
        const [request] = (await manager.query(
          `SELECT r.id, r.grid_id, r.grid_code, r.category_code, r.tracking_no FROM requests r
            WHERE r.id IN (SELECT a.request_id FROM assignments a WHERE ${NEEDS_ACTION})
              AND r.id <> ALL($2::uuid[])
            LIMIT 1
              FOR UPDATE SKIP LOCKED`,
          [now, seen],
        )) as LockedRequest[];
        if (!request) return null;
        seen.push(request.id);
        return this.handleRequest(manager, request, now);
      });
      if (!done) break;
      totals.reminded += done.reminded;
      totals.leadersAlerted += done.leadersAlerted;
    }
    return totals;
  }

  private async handleRequest(
    manager: EntityManager,
    request: LockedRequest,
    now: Date,
  ): Promise<{ reminded: number; leadersAlerted: number }> {
    const assignments = (await manager.query(
      `SELECT id, department_code, status, claim_due_at, due_at, claim_reminded_at, resolve_reminded_at, leaders_due_at, leaders_alerted_at
         FROM assignments WHERE request_id = $1 ORDER BY role DESC, department_code`,
      [request.id],
    )) as AssignmentRow[];
    const events: PendingEvent[] = [];
    let leaders: string[] | null = null;
    const done = { reminded: 0, leadersAlerted: 0 };
    for (const assignment of assignments) {
      const action = overdueAction(watched(assignment), now);
      if (!action) continue;
      const missed = { breach: action.breach, dueAt: toOffsetIso(deadlineOf(assignment, action.breach)) };
      if (action.kind === 'remind') {
        const leadersDueAt = await this.clock.leadersDueAfter(manager, request.category_code, now);
        await manager.query(
          `UPDATE assignments SET ${action.breach === 'claim' ? 'claim_reminded_at' : 'resolve_reminded_at'} = $2, leaders_due_at = $3 WHERE id = $1`,
          [assignment.id, now, leadersDueAt],
        );
        events.push({
          type: EVENT_TYPES.assignmentReminded,
          payload: {
            assignmentId: assignment.id,
            departmentCode: assignment.department_code,
            trackingNo: request.tracking_no,
            gridCode: request.grid_code,
            ...missed,
            leadersDueAt: toOffsetIso(leadersDueAt),
          },
          alsoTo: [departmentTopic(assignment.department_code)],
        });
        done.reminded += 1;
      } else {
        leaders ??= await leadersOf(manager, request.grid_code);
        await manager.query('UPDATE assignments SET leaders_alerted_at = $2 WHERE id = $1', [assignment.id, now]);
        const remindedAt = action.breach === 'claim' ? assignment.claim_reminded_at : assignment.resolve_reminded_at;
        events.push({
          type: EVENT_TYPES.assignmentEscalatedToLeaders,
          payload: {
            assignmentId: assignment.id,
            departmentCode: assignment.department_code,
            trackingNo: request.tracking_no,
            gridCode: request.grid_code,
            leaders,
            ...missed,
            remindedAt: remindedAt ? toOffsetIso(remindedAt) : null,
          },
          alsoTo: [LEADERS_TOPIC, departmentTopic(assignment.department_code)],
        });
        done.leadersAlerted += 1;
      }
    }
    await this.timeline.append(manager, { id: request.id, gridId: request.grid_id }, events, now);
    return done;
  }
}

function deadlineOf(assignment: AssignmentRow, breach: Breach): Date {
  return breach === 'claim' ? assignment.claim_due_at : assignment.due_at;
}

/** The leaders assigned to the grid (领导挂点), by username. */
async function leadersOf(manager: EntityManager, gridCode: string): Promise<string[]> {
  const rows = (await manager.query(`SELECT username FROM users WHERE role = 'leader' AND $1 = ANY(grid_codes) ORDER BY username`, [
    gridCode,
  ])) as { username: string }[];
  return rows.map((row) => row.username);
}
