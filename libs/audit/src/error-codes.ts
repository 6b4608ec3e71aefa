import type { ErrorCodeList } from '@app/common';

/** Codes of the audit log (see ErrorCodeList in @app/common). */
export const AUDIT_ERROR_CODES = {
  'AUDIT.PERIOD': { status: 400, when: 'from is not before to' },
} as const satisfies ErrorCodeList;
