import {
  ASSIGNMENT_STATUSES,
  assertAssignmentTransition,
  assertRequestTransition,
  canMoveAssignment,
  canMoveRequest,
  assertRequestActive,
  openAssistingParts,
  REQUEST_STATUSES,
} from './lifecycle';

describe('lifecycle rules', () => {
  it('lets a request move open → in_progress → resolved, and a grid task open → resolved', () => {
    expect(canMoveRequest('open', 'in_progress')).toBe(true);
    expect(canMoveRequest('in_progress', 'resolved')).toBe(true);
    expect(canMoveRequest('open', 'resolved')).toBe(true);
  });

  it('never moves a closed request, and never moves a status onto itself', () => {
    for (const to of REQUEST_STATUSES) expect(canMoveRequest('closed', to)).toBe(false);
    for (const s of REQUEST_STATUSES) expect(canMoveRequest(s, s)).toBe(false);
    for (const s of ASSIGNMENT_STATUSES) expect(canMoveAssignment(s, s)).toBe(false);
  });

  it('lets only an unclaimed assignment be claimed and only a claimed one be resolved', () => {
    expect(ASSIGNMENT_STATUSES.filter((s) => canMoveAssignment(s, 'claimed'))).toEqual(['unclaimed']);
    expect(ASSIGNMENT_STATUSES.filter((s) => canMoveAssignment(s, 'resolved'))).toEqual(['claimed']);
  });

  it('answers a forbidden move with a conflict that names the current state', () => {
    expect(() => assertAssignmentTransition('claimed', 'claimed', 'claim')).toThrow('cannot claim: the assignment is claimed');
    expect(() => assertRequestTransition('resolved', 'in_progress', 'start work')).toThrow(
      expect.objectContaining({ kind: 'conflict', message: 'cannot start work: the request is resolved' }),
    );
  });

  it('sends a returned or a reopened assignment back to the queue, and lets nothing else unclaim one', () => {
    expect(ASSIGNMENT_STATUSES.filter((s) => canMoveAssignment(s, 'unclaimed'))).toEqual(['resolved', 'returned']);
    expect(ASSIGNMENT_STATUSES.filter((s) => canMoveAssignment(s, 'returned'))).toEqual(['unclaimed', 'claimed']);
  });

  it('closes a resolved request or an open duplicate, and reopens only a resolved one', () => {
    expect(REQUEST_STATUSES.filter((s) => canMoveRequest(s, 'closed'))).toEqual(['open', 'resolved']);
    expect(REQUEST_STATUSES.filter((s) => canMoveRequest(s, 'open'))).toEqual(['resolved']);
  });

  it('lets work happen only on an open or in-progress request', () => {
    expect(() => assertRequestActive('open', 'blow the whistle')).not.toThrow();
    expect(() => assertRequestActive('in_progress', 'blow the whistle')).not.toThrow();
    expect(() => assertRequestActive('closed', 'blow the whistle')).toThrow('cannot blow the whistle: the request is closed');
  });

  it('names the assisting parts that are neither resolved nor returned', () => {
    const parts = [
      { id: 'lead', role: 'lead' as const, status: 'claimed' as const },
      { id: 'a', role: 'assist' as const, status: 'resolved' as const },
      { id: 'b', role: 'assist' as const, status: 'returned' as const },
      { id: 'c', role: 'assist' as const, status: 'claimed' as const },
      { id: 'd', role: 'assist' as const, status: 'unclaimed' as const },
    ];
    expect(openAssistingParts(parts).map((p) => p.id)).toEqual(['c', 'd']);
    expect(openAssistingParts(parts.slice(0, 3))).toEqual([]);
  });
});
