/**
 * Notices: what reaches a person about a matter, derived from the request events. Pure: which
 * event becomes which notice, for whom, and how an outbound delivery is retried.
 */

/** On a department's desk (and sent on to it: SMS, 企业微信, 钉钉 through the outbound port). */
export const DEPARTMENT_NOTICE_KINDS = {
  'assignment.created': 'assignment_created',
  'assignment.reminded': 'reminder',
  'request.whistle_blown': 'whistle_summons',
  'assignment.sent_back': 'return_sent_back',
  'assignment.reopened': 'reopened',
  'assignment.extension_requested': 'extension_requested',
  'assignment.extension_approved': 'extension_approved',
  'assignment.extension_refused': 'extension_refused',
  'assignment.escalated_to_leaders': 'escalated_to_leaders',
  'request.message_posted': 'case_message',
} as const;

/** On the field app of the grid's workers (and its leaders). */
export const GRID_NOTICE_KINDS = {
  'assignment.returned': 'assignment_returned',
  'assignment.rerouted': 'return_rerouted',
  'assignment.sent_back': 'return_sent_back',
  'request.reopened': 'reopened',
  'request.whistle_arrival': 'whistle_arrival',
  'request.resolved': 'resolved',
  'request.escalated': 'escalated',
} as const;

export type DepartmentNoticeKind = (typeof DEPARTMENT_NOTICE_KINDS)[keyof typeof DEPARTMENT_NOTICE_KINDS];
export type GridNoticeKind = (typeof GRID_NOTICE_KINDS)[keyof typeof GRID_NOTICE_KINDS];
export type NoticeKind = DepartmentNoticeKind | GridNoticeKind;

export const NOTICE_KINDS: readonly NoticeKind[] = [...new Set<NoticeKind>([...Object.values(DEPARTMENT_NOTICE_KINDS), ...Object.values(GRID_NOTICE_KINDS)])];

export function departmentNoticeKind(eventType: string): DepartmentNoticeKind | null {
  return (DEPARTMENT_NOTICE_KINDS as Record<string, DepartmentNoticeKind>)[eventType] ?? null;
}

/**
 * The grid's notice of an event, or null. What grid workers did themselves is not news to them:
 * a resolution tells the grid only on a joint case (the departments' answer, time for 回访), and an
 * escalation only when the clock did it (an overdue grid task).
 */
export function gridNoticeKind(event: { type: string; actor?: string; route?: string }): GridNoticeKind | null {
  const kind = (GRID_NOTICE_KINDS as Record<string, GridNoticeKind>)[event.type] ?? null;
  if (kind === 'resolved' && event.route !== 'joint') return null;
  if (kind === 'escalated' && event.actor !== undefined) return null;
  return kind;
}

/** What a notice carries of its event: the payload less the routing decision (long, and on the request already). */
export function noticeData(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => key !== 'decision'));
}

/** Outbound retries: the first after `baseMs`, each next twice as long, never more than ten minutes apart. */
export function retryDelayMs(attemptsMade: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attemptsMade - 1), 600_000);
}
