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
  assignmentReminded: 'assignment.reminded',
  assignmentEscalatedToLeaders: 'assignment.escalated_to_leaders',
  requestDeadlineNear: 'request.deadline_near',
  requestDeadlineBreached: 'request.deadline_breached',
  requestWhistleBlown: 'request.whistle_blown',
  requestWhistleArrival: 'request.whistle_arrival',
  assignmentReturned: 'assignment.returned',
  assignmentRerouted: 'assignment.rerouted',
  assignmentSentBack: 'assignment.sent_back',
  assignmentExtensionRequested: 'assignment.extension_requested',
  assignmentExtensionApproved: 'assignment.extension_approved',
  assignmentExtensionRefused: 'assignment.extension_refused',
  assignmentReopened: 'assignment.reopened',
  requestFeedbackRecorded: 'request.feedback_recorded',
  requestReopened: 'request.reopened',
  requestClosed: 'request.closed',
  requestEscalated: 'request.escalated',
  requestClosedAsDuplicate: 'request.closed_as_duplicate',
  requestDuplicateLinked: 'request.duplicate_linked',
  /** A message between the departments of a case (主办 ↔ 协办). */
  requestMessagePosted: 'request.message_posted',
  /** A photo attached: its id and stage, never its bytes. */
  mediaAttached: 'media.attached',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];
