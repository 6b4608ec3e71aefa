import { Actor } from '@app/common';
import { assertCanLink, canLinkDuplicate, clusterTurnsJoint, reportsOf } from './duplicates';

const actor = (role: Actor['role'], scope: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  username: 'someone',
  role,
  gridCodes: [],
  departmentCode: null,
  ...scope,
});

const open = { id: 'dup', categoryCode: 'noise', route: 'grid' as const, status: 'open' as const };
const original = { id: 'orig', categoryCode: 'noise', route: 'grid' as const, status: 'open' as const };

describe('linking a duplicate', () => {
  it("is for a grid worker of the duplicate's grid or staff assigned to the original", () => {
    expect(canLinkDuplicate(actor('grid_worker', { gridCodes: ['G-1'] }), 'G-1', [])).toBe(true);
    expect(canLinkDuplicate(actor('grid_worker', { gridCodes: ['G-2'] }), 'G-1', [])).toBe(false);
    expect(canLinkDuplicate(actor('dept_staff', { departmentCode: 'market' }), 'G-1', ['market'])).toBe(true);
    expect(canLinkDuplicate(actor('dept_staff', { departmentCode: 'urban' }), 'G-1', ['market'])).toBe(false);
    expect(canLinkDuplicate(actor('leader', { gridCodes: ['G-1'] }), 'G-1', [])).toBe(false);
  });

  it('closes only an open grid task, into an original still being worked', () => {
    expect(() => assertCanLink(open, original)).not.toThrow();
    expect(() => assertCanLink(open, { ...original, route: 'joint', status: 'in_progress' })).not.toThrow();
    expect(() => assertCanLink({ ...open, status: 'resolved' }, original)).toThrow('cannot link as a duplicate: the request is resolved');
    expect(() => assertCanLink({ ...open, route: 'joint' }, original)).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => assertCanLink(open, { ...original, status: 'closed' })).toThrow('cannot link to the original: the original is closed');
  });

  it('refuses itself and another category as the original', () => {
    expect(() => assertCanLink(open, { ...open })).toThrow(expect.objectContaining({ kind: 'invalid', message: expect.stringContaining('originalId') }));
    expect(() => assertCanLink(open, { ...original, categoryCode: 'roads' })).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});

describe('a cluster of duplicates', () => {
  it('turns an open grid task joint once its reports reach the threshold', () => {
    expect(reportsOf(2)).toBe(3);
    expect(clusterTurnsJoint({ route: 'grid', status: 'open' }, 3, 3)).toBe(true);
    expect(clusterTurnsJoint({ route: 'grid', status: 'open' }, 2, 3)).toBe(false);
    expect(clusterTurnsJoint({ route: 'joint', status: 'in_progress' }, 9, 3)).toBe(false);
  });
});
