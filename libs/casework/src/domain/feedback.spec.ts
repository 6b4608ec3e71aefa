import { feedbackOutcome } from './feedback';

describe('feedbackOutcome', () => {
  it('closes a matter the citizen calls resolved and is satisfied with', () => {
    expect(feedbackOutcome({ resolved: true, satisfied: true })).toBe('close');
  });

  it.each([
    [{ resolved: true, satisfied: false }],
    [{ resolved: false, satisfied: true }],
    [{ resolved: false, satisfied: false }],
  ])('reopens on %j', (feedback) => {
    expect(feedbackOutcome(feedback)).toBe('reopen');
  });
});
