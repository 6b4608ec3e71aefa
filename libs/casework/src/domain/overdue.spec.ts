import { overdueAction, WatchedAssignment } from './overdue';

const t = (minute: number): Date => new Date(Date.UTC(2026, 10, 27, 1, minute));

const unclaimed: WatchedAssignment = {
  status: 'unclaimed',
  claimDueAt: t(10),
  dueAt: t(50),
  claimRemindedAt: null,
  resolveRemindedAt: null,
  leadersDueAt: null,
  leadersAlertedAt: null,
};

describe('what the deadline watcher does about an assignment', () => {
  it('does nothing before the claim deadline', () => {
    expect(overdueAction(unclaimed, t(9))).toBeNull();
  });

  it('reminds once the claim deadline has passed, then waits for the leaders deadline', () => {
    expect(overdueAction(unclaimed, t(10))).toEqual({ kind: 'remind', breach: 'claim' });
    const reminded = { ...unclaimed, claimRemindedAt: t(11), leadersDueAt: t(20) };
    expect(overdueAction(reminded, t(19))).toBeNull();
    expect(overdueAction(reminded, t(20))).toEqual({ kind: 'alert_leaders', breach: 'claim' });
    expect(overdueAction({ ...reminded, leadersAlertedAt: t(21) }, t(30))).toBeNull();
  });

  it('leaves a claimed assignment alone until its resolve deadline', () => {
    const claimed = { ...unclaimed, status: 'claimed' as const, claimRemindedAt: t(11), leadersDueAt: t(20) };
    expect(overdueAction(claimed, t(30))).toBeNull();
    expect(overdueAction(claimed, t(50))).toEqual({ kind: 'remind', breach: 'resolve' });
  });

  it('reminds of a resolve breach even when the leaders heard of the claim breach, and alerts them again later', () => {
    const alerted = { ...unclaimed, claimRemindedAt: t(11), leadersDueAt: t(20), leadersAlertedAt: t(21) };
    expect(overdueAction(alerted, t(50))).toEqual({ kind: 'remind', breach: 'resolve' });
    const remindedAgain = { ...alerted, resolveRemindedAt: t(51), leadersDueAt: t(60) };
    expect(overdueAction(remindedAgain, t(55))).toBeNull();
    expect(overdueAction(remindedAgain, t(60))).toEqual({ kind: 'alert_leaders', breach: 'resolve' });
  });

  it('reminds again when an extension moved the deadline past the old reminder and it passed too', () => {
    const extended = { ...unclaimed, status: 'claimed' as const, dueAt: t(90), resolveRemindedAt: t(51) };
    expect(overdueAction(extended, t(80))).toBeNull();
    expect(overdueAction(extended, t(90))).toEqual({ kind: 'remind', breach: 'resolve' });
  });

  it('never acts on a resolved or returned assignment', () => {
    expect(overdueAction({ ...unclaimed, status: 'resolved' }, t(100))).toBeNull();
    expect(overdueAction({ ...unclaimed, status: 'returned' }, t(100))).toBeNull();
  });
});
