import { departmentNoticeKind, gridNoticeKind, NOTICE_KINDS, noticeData, retryDelayMs } from './notice-kinds';

describe('notices: which event reaches whom', () => {
  it('puts whistles, 催办 reminders and new assignments on the department’s desk', () => {
    expect(departmentNoticeKind('request.whistle_blown')).toBe('whistle_summons');
    expect(departmentNoticeKind('assignment.reminded')).toBe('reminder');
    expect(departmentNoticeKind('assignment.created')).toBe('assignment_created');
    // Its own return (退单) is not news to the department.
    expect(departmentNoticeKind('assignment.returned')).toBeNull();
  });

  it('tells the grid of returns and their decisions, reopenings and arrivals on site', () => {
    expect(gridNoticeKind({ type: 'assignment.returned' })).toBe('assignment_returned');
    expect(gridNoticeKind({ type: 'assignment.rerouted' })).toBe('return_rerouted');
    expect(gridNoticeKind({ type: 'request.reopened' })).toBe('reopened');
    expect(gridNoticeKind({ type: 'request.whistle_arrival', actor: 'staff.market' })).toBe('whistle_arrival');
    expect(gridNoticeKind({ type: 'request.filed', actor: 'worker' })).toBeNull();
  });

  it('tells the grid of a resolution only on a joint case, and of an escalation only by the clock', () => {
    expect(gridNoticeKind({ type: 'request.resolved', route: 'joint' })).toBe('resolved');
    expect(gridNoticeKind({ type: 'request.resolved', actor: 'worker', route: 'grid' })).toBeNull();
    expect(gridNoticeKind({ type: 'request.escalated' })).toBe('escalated');
    expect(gridNoticeKind({ type: 'request.escalated', actor: 'worker' })).toBeNull();
  });

  it('lists every kind once, for the app’s translations', () => {
    expect(new Set(NOTICE_KINDS).size).toBe(NOTICE_KINDS.length);
    expect(NOTICE_KINDS).toEqual(expect.arrayContaining(['whistle_summons', 'reminder', 'assignment_created', 'reopened', 'return_sent_back']));
  });

  it('keeps the event’s payload but its routing decision', () => {
    expect(noticeData({ route: 'joint', decision: { rules: ['x'] }, dueAt: 'd' })).toEqual({ route: 'joint', dueAt: 'd' });
  });

  it('retries outbound deliveries with a doubling delay, capped at ten minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, 1000)).toBe(600_000);
  });
});
