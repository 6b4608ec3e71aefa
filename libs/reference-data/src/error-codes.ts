import type { ErrorCodeList } from '@app/common';

/** Codes of grids, departments and categories (see ErrorCodeList in @app/common). */
export const REFERENCE_DATA_ERROR_CODES = {
  'REFERENCE.DUPLICATE_CODE': { status: 409, when: 'a grid, department or category with this code exists' },
  'REFERENCE.LEAD_ALSO_ASSISTS': { status: 400, when: 'the lead department is also among the assisting ones' },
  'REFERENCE.REPEATED_DEPARTMENT': { status: 400, when: 'an assisting department is named twice' },
  'REFERENCE.UNKNOWN_DEPARTMENT': { status: 400, when: 'leadDepartment or assistingDepartments names no department' },
} as const satisfies ErrorCodeList;
