import { maskPersonalNumbers } from './personal-numbers';

/** A step of a request the citizen may see: what happened and when, never who or any contact details. */
export interface PublicMilestone {
  type: string;
  occurredAt: Date;
  /** Only the answer to the citizen (the resolution note, numbers masked) and the route are public. */
  note?: string;
  route?: string;
}

interface TimelineEvent {
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/** Event types a citizen may see on the tracking page; everything else is the departments' business. */
const PUBLIC_TYPES: ReadonlySet<string> = new Set([
  'request.filed',
  'request.routed',
  'request.escalated',
  'request.work_started',
  'request.whistle_blown',
  'request.resolved',
  'request.feedback_recorded',
  'request.reopened',
  'request.closed',
  'request.closed_as_duplicate',
]);

/** The citizen's view of a timeline: the public steps in order, stripped of actors and of every field but the public ones. */
export function publicMilestones(events: readonly TimelineEvent[]): PublicMilestone[] {
  return events
    .filter((e) => PUBLIC_TYPES.has(e.type))
    .map((e) => ({
      type: e.type,
      occurredAt: e.occurredAt,
      ...(e.type === 'request.resolved' && typeof e.data.note === 'string' ? { note: maskPersonalNumbers(e.data.note) } : {}),
      ...(e.type === 'request.routed' && typeof e.data.route === 'string' ? { route: e.data.route } : {}),
    }));
}
