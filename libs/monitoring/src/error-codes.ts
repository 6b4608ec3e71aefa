import type { ErrorCodeList } from '@app/common';

/** Codes of the leaders' figures and dashboard (see ErrorCodeList in @app/common). */
export const MONITORING_ERROR_CODES = {
  'MONITORING.BAD_DATE': { status: 400, when: 'from or to is not a date YYYY-MM-DD in range' },
  'MONITORING.BAD_PERIOD': { status: 400, when: 'from is after to' },
  'MONITORING.PERIOD_TOO_LONG': { status: 400, when: 'the period spans more days than allowed' },
  'MONITORING.NO_CODE': { status: 400, when: 'the export’s scope needs a code' },
  'MONITORING.ROLE': { status: 403, when: 'grid and street figures are for leaders and admins' },
  'MONITORING.GRID_SCOPE': { status: 403, when: 'the grid is not one of the leader’s' },
  'MONITORING.STREET_SCOPE': { status: 403, when: 'the street has grids that are not the leader’s' },
  'MONITORING.DEPARTMENT_SCOPE': { status: 403, when: 'a department’s figures are for its staff and admins' },
  'MONITORING.UNKNOWN_GRID': { status: 404, when: 'no grid has this code' },
  'MONITORING.UNKNOWN_STREET': { status: 404, when: 'no grid lies in this street' },
  'MONITORING.UNKNOWN_DEPARTMENT': { status: 404, when: 'no department has this code' },
  'DASHBOARD.NO_SUCH_ASSET': { status: 404, when: 'no dashboard file has this name' },
} as const satisfies ErrorCodeList;
