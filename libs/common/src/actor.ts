/** Who is asking: the signed-in user as every bounded context sees it. */
export const ROLES = ['admin', 'grid_worker', 'dept_staff', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  /** Grids a grid worker works in or a leader is assigned to. */
  readonly gridCodes: readonly string[];
  /** The department a member of staff belongs to. */
  readonly departmentCode: string | null;
}

export function worksInGrid(actor: Actor, gridCode: string): boolean {
  return actor.role === 'grid_worker' && actor.gridCodes.includes(gridCode);
}

export function watchesGrid(actor: Actor, gridCode: string): boolean {
  return actor.role === 'leader' && actor.gridCodes.includes(gridCode);
}

export function belongsToDepartment(actor: Actor, departmentCode: string): boolean {
  return actor.role === 'dept_staff' && actor.departmentCode === departmentCode;
}
