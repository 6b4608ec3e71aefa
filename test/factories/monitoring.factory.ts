import { randomUUID } from 'node:crypto';
import { County } from './county.factory';

/** Synthetic request events for the monitoring projection, at known county times (UTC+8). */

export const at = (local: string): Date => new Date(`${local}+08:00`);

export interface SyntheticEvent {
  requestId: string;
  sequence: number;
  type: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/** Builds one request's events with consecutive sequences. */
export class EventScript {
  readonly requestId = randomUUID();
  readonly events: SyntheticEvent[] = [];

  add(type: string, local: string, payload: Record<string, unknown> = {}): this {
    this.events.push({ requestId: this.requestId, sequence: this.events.length + 1, type, occurredAt: at(local), payload });
    return this;
  }

  filed(local: string, gridCode: string, fields: { trackingNo?: string; categoryCode?: string; route?: 'grid' | 'joint'; dueAt: string }): this {
    return this.add('request.filed', local, {
      trackingNo: fields.trackingNo ?? `T${this.requestId.slice(0, 12)}`,
      gridCode,
      categoryCode: fields.categoryCode ?? 'monitoring-test',
      title: 'Broken street light',
      description: 'Synthetic',
      urgency: 'normal',
    }).add('request.routed', local, { route: fields.route ?? 'grid', dueAt: at(fields.dueAt).toISOString() });
  }

  assignment(local: string, id: string, departmentCode: string, role: 'lead' | 'assist', claimDueAt: string, dueAt: string): this {
    return this.add('assignment.created', local, {
      assignmentId: id,
      departmentCode,
      role,
      claimDueAt: at(claimDueAt).toISOString(),
      dueAt: at(dueAt).toISOString(),
    });
  }
}

/**
 * The known sequence the monitoring figures are checked against, on the office calendar
 * (09:00-12:00, 13:30-17:30) with Wednesday 2026-10-07 a holiday. Hand-computed working minutes:
 *
 * R1 grid task, filed Mon 10-05 10:00, resolved Tue 10-06 10:00: 120 + 240 + 60 = 420, on time;
 *    citizen resolved and satisfied.
 * R2 joint, filed Tue 10-06 16:30 (lead L, assist A). L claimed 17:00 (30 min, on time). A returned
 *    on the holiday unclaimed and rerouted: X created Thu 09:30, claimed 11:00 (90, on time) and
 *    resolved 14:00; L resolved Fri 10-09 10:00 and the request with it (60 + holiday 0 + 420 + 60 =
 *    540). The citizen says not resolved: reopened (L and X reopened, X's new claim deadline
 *    Mon 10-12 10:00); L resolves again Mon 10-12 10:00: 540 + 360 + 60 = 960 working minutes,
 *    on time (due 10-16). Then resolved but not satisfied; closed.
 * R3 grid task, filed Thu 10-08 09:00, due Fri 10-09 09:00, still open: overdue.
 * R4 grid task, filed Fri 10-09 09:00, due Tue 10-13 17:30, resolved Wed 10-14 09:30:
 *    420 + 420 + 420 + 30 = 1290, late; resolved and satisfied.
 * R5 in the other grid of the same street, filed Mon 10-05 09:00, due Thu 10-08, open: overdue.
 */
export function knownSequence(county: County, trackingNos: { r1: string }) {
  const home = county.grids.home;
  const { lead, assist, single } = county.departments;
  const L = randomUUID();
  const A = randomUUID();
  const X = randomUUID();

  const r1 = new EventScript()
    .filed('2026-10-05T10:00:00', home, { trackingNo: trackingNos.r1, categoryCode: county.categories.small, dueAt: '2026-10-08T17:30:00' })
    .add('request.work_started', '2026-10-05T11:00:00', { status: 'in_progress', from: 'open' })
    .add('request.resolved', '2026-10-06T10:00:00', { status: 'resolved', from: 'in_progress' })
    .add('request.feedback_recorded', '2026-10-06T15:00:00', { resolved: true, satisfied: true })
    .add('request.closed', '2026-10-06T15:00:00', { status: 'closed', from: 'resolved' });

  const r2 = new EventScript()
    .filed('2026-10-06T16:30:00', home, { categoryCode: county.categories.joint, route: 'joint', dueAt: '2026-10-16T16:30:00' })
    .assignment('2026-10-06T16:30:00', L, lead, 'lead', '2026-10-08T10:00:00', '2026-10-16T16:30:00')
    .assignment('2026-10-06T16:30:00', A, assist, 'assist', '2026-10-08T10:00:00', '2026-10-16T16:30:00')
    .add('assignment.claimed', '2026-10-06T17:00:00', { assignmentId: L, departmentCode: lead })
    .add('request.work_started', '2026-10-06T17:00:00', { status: 'in_progress', from: 'open' })
    .add('assignment.delivered', '2026-10-06T17:00:01', { assignmentId: L, departmentCode: lead })
    .add('assignment.returned', '2026-10-07T11:00:00', { assignmentId: A, departmentCode: assist, role: 'assist', reason: 'Not ours' })
    .add('assignment.rerouted', '2026-10-08T09:30:00', { assignmentId: A, fromDepartmentCode: assist, departmentCode: single, reroutedTo: X })
    .assignment('2026-10-08T09:30:00', X, single, 'assist', '2026-10-08T11:30:00', '2026-10-16T16:30:00')
    .add('assignment.claimed', '2026-10-08T11:00:00', { assignmentId: X, departmentCode: single })
    .add('assignment.resolved', '2026-10-08T14:00:00', { assignmentId: X, departmentCode: single, role: 'assist' })
    .add('assignment.resolved', '2026-10-09T10:00:00', { assignmentId: L, departmentCode: lead, role: 'lead' })
    .add('request.resolved', '2026-10-09T10:00:00', { status: 'resolved', from: 'in_progress' })
    .add('request.feedback_recorded', '2026-10-09T15:00:00', { resolved: false, satisfied: false })
    .add('request.reopened', '2026-10-09T15:00:00', { status: 'open', from: 'resolved', reopenCount: 1, dueAt: at('2026-10-16T15:00:00').toISOString() })
    .add('assignment.reopened', '2026-10-09T15:00:00', {
      assignmentId: L,
      departmentCode: lead,
      claimDueAt: at('2026-10-12T10:00:00').toISOString(),
      dueAt: at('2026-10-16T15:00:00').toISOString(),
    })
    .add('assignment.reopened', '2026-10-09T15:00:00', {
      assignmentId: X,
      departmentCode: single,
      claimDueAt: at('2026-10-12T10:00:00').toISOString(),
      dueAt: at('2026-10-16T15:00:00').toISOString(),
    })
    .add('assignment.claimed', '2026-10-09T16:00:00', { assignmentId: L, departmentCode: lead })
    .add('request.work_started', '2026-10-09T16:00:00', { status: 'in_progress', from: 'open' })
    .add('assignment.resolved', '2026-10-12T10:00:00', { assignmentId: L, departmentCode: lead, role: 'lead' })
    .add('request.resolved', '2026-10-12T10:00:00', { status: 'resolved', from: 'in_progress' })
    .add('request.feedback_recorded', '2026-10-12T15:00:00', { resolved: true, satisfied: false })
    .add('request.closed', '2026-10-12T15:00:00', { status: 'closed', from: 'resolved' });

  const r3 = new EventScript().filed('2026-10-08T09:00:00', home, { categoryCode: county.categories.small, dueAt: '2026-10-09T09:00:00' });

  const r4 = new EventScript()
    .filed('2026-10-09T09:00:00', home, { categoryCode: county.categories.small, dueAt: '2026-10-13T17:30:00' })
    .add('request.resolved', '2026-10-14T09:30:00', { status: 'resolved', from: 'open' })
    .add('request.feedback_recorded', '2026-10-14T11:00:00', { resolved: true, satisfied: true })
    .add('request.closed', '2026-10-14T11:00:00', { status: 'closed', from: 'resolved' });

  const r5 = new EventScript().filed('2026-10-05T09:00:00', county.grids.other, { categoryCode: county.categories.small, dueAt: '2026-10-08T09:00:00' });

  return { r1, r2, r3, r4, r5, assignments: { L, A, X } };
}

/** The office calendar with the holiday the known sequence needs. */
export const KNOWN_CALENDAR = {
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  holidays: ['2026-10-07'],
  makeUpWorkdays: [],
};
