import { Actor, belongsToDepartment, DomainError, watchesGrid } from '@app/common';
import { EntityManager } from 'typeorm';
import { FigureScope } from './figures-reader';

/**
 * Who may see which figure: a leader their own grids (a street only when every grid of it is
 * theirs), department staff their department, the admin everything. Codes are checked against
 * the reference data so an unknown one is a 404 for those allowed to ask.
 */
export async function gridScope(manager: EntityManager, actor: Actor, gridCode: string): Promise<FigureScope> {
  if (actor.role === 'leader' && !watchesGrid(actor, gridCode)) {
    throw DomainError.forbidden('MONITORING.GRID_SCOPE', `grid ${gridCode} is not one of your grids`);
  }
  if (actor.role !== 'leader' && actor.role !== 'admin') throw DomainError.forbidden('MONITORING.ROLE', 'grid figures are for leaders and admins');
  const [grid] = (await manager.query('SELECT code FROM grids WHERE code = $1', [gridCode])) as unknown[];
  if (!grid) throw DomainError.notFound('MONITORING.UNKNOWN_GRID', `no grid has code ${gridCode}`);
  return { kind: 'grid', code: gridCode, codes: [gridCode] };
}

export async function streetScope(manager: EntityManager, actor: Actor, streetCode: string): Promise<FigureScope> {
  if (actor.role !== 'leader' && actor.role !== 'admin') throw DomainError.forbidden('MONITORING.ROLE', 'street figures are for leaders and admins');
  const grids = ((await manager.query('SELECT code FROM grids WHERE street_code = $1', [streetCode])) as { code: string }[]).map((g) => g.code);
  if (actor.role === 'leader') {
    const notTheirs = grids.filter((code) => !watchesGrid(actor, code));
    if (grids.length === 0 || notTheirs.length > 0) {
      throw DomainError.forbidden('MONITORING.STREET_SCOPE', `street ${streetCode} has grids that are not yours`);
    }
  }
  if (grids.length === 0) throw DomainError.notFound('MONITORING.UNKNOWN_STREET', `no grid lies in street ${streetCode}`);
  return { kind: 'street', code: streetCode };
}

export async function departmentScope(manager: EntityManager, actor: Actor, departmentCode: string): Promise<FigureScope> {
  if (actor.role !== 'admin' && !belongsToDepartment(actor, departmentCode)) {
    throw DomainError.forbidden('MONITORING.DEPARTMENT_SCOPE', `the figures of department ${departmentCode} are for its staff and admins`);
  }
  const [department] = (await manager.query('SELECT code FROM departments WHERE code = $1', [departmentCode])) as unknown[];
  if (!department) throw DomainError.notFound('MONITORING.UNKNOWN_DEPARTMENT', `no department has code ${departmentCode}`);
  return { kind: 'department', code: departmentCode };
}

export function leaderScope(actor: Actor): FigureScope & { kind: 'leader' } {
  if (actor.role !== 'leader') throw DomainError.forbidden('MONITORING.ROLE', 'these figures are for a leader: their own grids');
  return { kind: 'leader', code: actor.username, codes: [...actor.gridCodes].sort() };
}

/** The grids whose overdue items the actor may list, or null for all. */
export function overdueGrids(actor: Actor, gridCode: string | undefined): readonly string[] | null {
  if (actor.role === 'admin') return gridCode ? [gridCode] : null;
  if (actor.role !== 'leader') throw DomainError.forbidden('MONITORING.ROLE', 'the overdue list is for leaders and admins');
  if (gridCode === undefined) return actor.gridCodes;
  if (!watchesGrid(actor, gridCode)) throw DomainError.forbidden('MONITORING.GRID_SCOPE', `grid ${gridCode} is not one of your grids`);
  return [gridCode];
}
