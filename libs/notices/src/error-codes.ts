import type { ErrorCodeList } from '@app/common';

/** Codes of notices (see ErrorCodeList in @app/common). */
export const NOTICES_ERROR_CODES = {
  'NOTICES.NOT_FOUND': { status: 404, when: 'no notice has this id' },
  'NOTICES.SCOPE': { status: 403, when: 'the notice is for another department or grid' },
} as const satisfies ErrorCodeList;
