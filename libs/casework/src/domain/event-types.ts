/** Lifecycle event types; every one lands on the request's timeline and on governance.requests.v1. */
export const EVENT_TYPES = {
  requestFiled: 'request.filed',
  requestRouted: 'request.routed',
  requestWorkStarted: 'request.work_started',
  requestResolved: 'request.resolved',
  assignmentCreated: 'assignment.created',
  assignmentDelivered: 'assignment.delivered',
  assignmentClaimed: 'assignment.claimed',
  assignmentResolved: 'assignment.resolved',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];
