import { assertCanEscalate, escalationDecision } from './escalation';

describe('escalating a grid task', () => {
  it('allows only an open grid task, naming the state otherwise', () => {
    expect(() => assertCanEscalate('grid', 'open')).not.toThrow();
    expect(() => assertCanEscalate('joint', 'open')).toThrow('cannot escalate: the request is already a joint case');
    for (const status of ['in_progress', 'resolved', 'closed'] as const) {
      expect(() => assertCanEscalate('grid', status)).toThrow(expect.objectContaining({ kind: 'conflict', message: `cannot escalate: the request is ${status}` }));
    }
  });

  it('goes joint with the escalation first and the rules that hold now, dropping the grid fallback', () => {
    const grid = { route: 'grid' as const, policyVersion: 3, rules: ['default-grid'], reasons: ['settled inside its grid'], addDepartments: [] };
    expect(escalationDecision(grid, 'worker-1', 'the pipe burst again')).toEqual({
      route: 'joint',
      policyVersion: 3,
      rules: ['escalation'],
      reasons: ['escalated by worker-1: the pipe burst again'],
      addDepartments: [],
    });
    const fired = { route: 'grid' as const, policyVersion: 3, rules: ['riverside'], reasons: ['street S-1; water assists'], addDepartments: ['water'] };
    expect(escalationDecision(fired, null, 'overdue')).toMatchObject({
      rules: ['escalation', 'riverside'],
      reasons: ['escalated by the system: overdue', 'street S-1; water assists'],
      addDepartments: ['water'],
    });
  });
});
