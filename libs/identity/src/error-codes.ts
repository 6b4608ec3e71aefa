import type { ErrorCodeList } from '@app/common';

/** Codes of sign-in, tokens and users (see ErrorCodeList in @app/common). */
export const IDENTITY_ERROR_CODES = {
  'AUTH.NO_TOKEN': { status: 401, when: 'no bearer token was sent' },
  'AUTH.BAD_TOKEN': { status: 401, when: 'the token is invalid or expired: sign in again' },
  'AUTH.TOKEN_REVOKED': { status: 401, when: 'the account was changed, disabled or removed since the token was issued: sign in again' },
  'AUTH.BAD_CREDENTIALS': { status: 401, when: 'wrong username or password' },
  'AUTH.ACCOUNT_DISABLED': { status: 401, when: 'the account is disabled' },
  'AUTH.LOCKED_OUT': { status: 429, when: 'too many failed sign-ins of this account; Retry-After says when to try again' },
  'AUTH.ROLE': { status: 403, when: 'the caller’s role may not use this endpoint' },
  'IDENTITY.DUPLICATE_USERNAME': { status: 409, when: 'the username is taken (whatever its case)' },
  'IDENTITY.LAST_ADMIN': { status: 409, when: 'the last enabled admin cannot be disabled or demoted' },
  'IDENTITY.SCOPE': { status: 400, when: 'grids or department do not fit the role' },
  'IDENTITY.UNKNOWN_DEPARTMENT': { status: 400, when: 'departmentCode names no department' },
  'IDENTITY.UNKNOWN_GRID': { status: 400, when: 'gridCodes names no grid' },
  'IDENTITY.USER_NOT_FOUND': { status: 404, when: 'no user has this id' },
  'IDENTITY.WEAK_PASSWORD': { status: 400, when: 'the password fails the policy (too short, too common, or holds the username)' },
} as const satisfies ErrorCodeList;
