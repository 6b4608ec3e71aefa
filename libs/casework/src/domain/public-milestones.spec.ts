import { publicMilestones } from './public-milestones';

describe('publicMilestones', () => {
  const at = (minute: number): Date => new Date(Date.UTC(2026, 10, 27, 1, minute));
  const timeline = [
    { type: 'request.filed', occurredAt: at(0), data: { title: 'Spoiled food', description: 'Wang Fang, 13800001234, saw it', location: { lat: 1, lng: 2 } } },
    { type: 'request.routed', occurredAt: at(1), data: { route: 'joint', decision: { rules: ['safety-risk'] } } },
    { type: 'assignment.created', occurredAt: at(1), data: { departmentCode: 'market' } },
    { type: 'assignment.claimed', occurredAt: at(5), data: { claimedBy: 'lead0-staff' } },
    { type: 'request.work_started', occurredAt: at(5), data: { status: 'in_progress' } },
    { type: 'assignment.resolved', occurredAt: at(9), data: { note: 'internal reply to the lead' } },
    { type: 'request.resolved', occurredAt: at(10), data: { note: 'Stalls closed', from: 'in_progress' } },
    { type: 'request.feedback_recorded', occurredAt: at(20), data: { comment: 'call me on 13800001234' } },
  ];

  it('keeps the public steps in order and drops the departments’ own', () => {
    expect(publicMilestones(timeline).map((m) => m.type)).toEqual([
      'request.filed',
      'request.routed',
      'request.work_started',
      'request.resolved',
      'request.feedback_recorded',
    ]);
  });

  it('shows the route and the answer to the citizen, and nothing else of the events', () => {
    const milestones = publicMilestones(timeline);
    expect(milestones[1]).toEqual({ type: 'request.routed', occurredAt: at(1), route: 'joint' });
    expect(milestones[3]).toEqual({ type: 'request.resolved', occurredAt: at(10), note: 'Stalls closed' });
    const text = JSON.stringify(milestones);
    for (const secret of ['Wang', '13800001234', 'lead0-staff', 'internal reply', 'lat']) expect(text).not.toContain(secret);
  });

  it('masks phone and ID-card numbers in the answer, also in events written before masking existed', () => {
    const older = [{ type: 'request.resolved', occurredAt: at(10), data: { note: 'Done; call 13800001234' } }];
    expect(publicMilestones(older)[0].note).toBe('Done; call 138****1234');
  });
});
