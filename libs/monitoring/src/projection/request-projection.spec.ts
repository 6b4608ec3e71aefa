import { DEFAULT_CALENDAR } from '@app/casework';
import { applyEvent, emptyState, ProjectedEvent, ProjectionContext } from './request-projection';

const ctx: ProjectionContext = { calendar: DEFAULT_CALENDAR, streetOf: (grid) => (grid === 'G-1' ? 'S-1' : null) };
const event = (sequence: number, type: string, local: string, payload: Record<string, unknown> = {}): ProjectedEvent => ({
  requestId: 'r-1',
  sequence,
  type,
  occurredAt: new Date(`${local}+08:00`),
  payload,
});
const filed = event(1, 'request.filed', '2026-11-23T10:00:00', { gridCode: 'G-1', trackingNo: 'T1', categoryCode: 'c', title: 't', urgency: 'normal' });

describe('the monitoring projection of a request', () => {
  it('takes the street from the grid and counts resolution in working minutes', () => {
    const state = emptyState();
    expect(applyEvent(state, filed, ctx)).toBe('applied');
    expect(applyEvent(state, event(2, 'request.routed', '2026-11-23T10:00:00', { route: 'grid', dueAt: '2026-11-26T10:00:00+08:00' }), ctx)).toBe('applied');
    expect(applyEvent(state, event(3, 'request.resolved', '2026-11-24T10:00:00'), ctx)).toBe('applied');
    expect(state.request).toMatchObject({ streetCode: 'S-1', status: 'resolved', resolveWorkingMinutes: 420, resolvedOnTime: true, lastSequence: 3 });
  });

  it('ignores a repeat, refuses a gap, and moves past events it does not project', () => {
    const state = emptyState();
    applyEvent(state, filed, ctx);
    expect(applyEvent(state, filed, ctx)).toBe('already-applied');
    expect(applyEvent(state, event(3, 'request.resolved', '2026-11-24T10:00:00'), ctx)).toBe('gap');
    expect(applyEvent(state, event(2, 'request.whistle_blown', '2026-11-23T11:00:00'), ctx)).toBe('ignored');
    expect(state.request?.lastSequence).toBe(2);
    expect(applyEvent(emptyState(), event(2, 'request.routed', '2026-11-23T10:00:00'), ctx)).toBe('gap');
  });
});
