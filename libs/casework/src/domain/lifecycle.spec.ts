import {
  ASSIGNMENT_STATUSES,
  assertAssignmentTransition,
  assertRequestTransition,
  canMoveAssignment,
  canMoveRequest,
  jointCaseIsResolved,
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

  it('resolves a joint case only when every assignment is resolved or returned', () => {
    expect(jointCaseIsResolved([{ status: 'resolved' }, { status: 'claimed' }])).toBe(false);
    expect(jointCaseIsResolved([{ status: 'resolved' }, { status: 'resolved' }])).toBe(true);
    expect(jointCaseIsResolved([{ status: 'resolved' }, { status: 'returned' }])).toBe(true);
    expect(jointCaseIsResolved([{ status: 'returned' }])).toBe(false);
    expect(jointCaseIsResolved([])).toBe(false);
  });
});
