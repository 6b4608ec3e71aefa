import { Actor } from '@app/common';

/** Registers a value as a query parameter and gives back its placeholder ($3, :scope0, ...). */
export type Placeholder = (value: unknown) => string;

/**
 * canSeeRequest (domain/visibility.ts) as an SQL condition on a `requests` row: every list and
 * every answer that names other requests (the request list, the likely duplicates of a filing)
 * shows only what the caller could open. Staff see what their department was assigned or
 * summoned to (吹哨), like the request's detail.
 */
export function visibleRequestsCondition(actor: Actor, alias: string, placeholder: Placeholder): string {
  switch (actor.role) {
    case 'admin':
      return 'TRUE';
    case 'grid_worker':
    case 'leader':
      return `${alias}.grid_code = ANY(${placeholder([...actor.gridCodes])}::varchar[])`;
    case 'dept_staff': {
      if (actor.departmentCode === null) return 'FALSE';
      const department = placeholder(actor.departmentCode);
      return `(EXISTS (SELECT 1 FROM assignments scope_a WHERE scope_a.request_id = ${alias}.id AND scope_a.department_code = ${department})
           OR EXISTS (SELECT 1 FROM whistles scope_w JOIN whistle_summons scope_s ON scope_s.whistle_id = scope_w.id
                       WHERE scope_w.request_id = ${alias}.id AND scope_s.department_code = ${department}))`;
    }
  }
}

/** Positional placeholders ($n) appended to `parameters`, for manager.query. */
export function positional(parameters: unknown[]): Placeholder {
  return (value) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
}
