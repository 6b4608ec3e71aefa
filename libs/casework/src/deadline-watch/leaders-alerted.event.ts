/**
 * In-process notice, after the commit, that a grid's leaders were alerted of a deadline (near or
 * breached); the alert itself left as an event on governance.leaders.v1. Live dashboards listen.
 */
export class LeadersAlerted {
  constructor(
    readonly requestId: string,
    readonly gridCode: string,
    readonly trackingNo: string,
    readonly alert: 'near' | 'breach',
    readonly dueAt: string,
    /** The department whose assignment is due; null when the request itself is. */
    readonly departmentCode: string | null,
  ) {}
}
