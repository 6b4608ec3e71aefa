import { Actor } from '@app/common';
import { canSeeRequest } from './visibility';

const actor = (role: Actor['role'], scope: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  username: 'u',
  role,
  gridCodes: [],
  departmentCode: null,
  ...scope,
});

describe('request visibility', () => {
  it('lets an admin see everything', () => {
    expect(canSeeRequest(actor('admin'), 'G-1', [])).toBe(true);
  });
  it('lets grid workers and leaders see their own grids only', () => {
    for (const role of ['grid_worker', 'leader'] as const) {
      expect(canSeeRequest(actor(role, { gridCodes: ['G-1'] }), 'G-1', [])).toBe(true);
      expect(canSeeRequest(actor(role, { gridCodes: ['G-1'] }), 'G-2', [])).toBe(false);
    }
  });
  it('lets staff see requests assigned to their department only', () => {
    const staff = actor('dept_staff', { departmentCode: 'water' });
    expect(canSeeRequest(staff, 'G-1', ['roads', 'water'])).toBe(true);
    expect(canSeeRequest(staff, 'G-1', ['roads'])).toBe(false);
  });
});
