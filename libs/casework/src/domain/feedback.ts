/** The citizen's answer: whether the matter was resolved, and whether they are satisfied. Separate facts. */
export interface CitizenFeedback {
  resolved: boolean;
  satisfied: boolean;
}

export type FeedbackOutcome = 'close' | 'reopen';

/** Only a matter both resolved and satisfying closes; anything less is reopened to the same handlers (重办). */
export function feedbackOutcome({ resolved, satisfied }: CitizenFeedback): FeedbackOutcome {
  return resolved && satisfied ? 'close' : 'reopen';
}
