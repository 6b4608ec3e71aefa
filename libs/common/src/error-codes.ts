/**
 * Every stable error `code` a lib's endpoints answer, with its HTTP status and when it comes:
 * one list per lib (`<LIB>_ERROR_CODES` in its error-codes.ts), for clients that put the codes in
 * their users' words (the web app shows Chinese from them). The messages stay English and may
 * change; the codes do not. A 400 without a code comes from the validation pipe, its message
 * naming the field.
 */
export interface ErrorCodeInfo {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;
  when: string;
}

export type ErrorCodeList = Readonly<Record<string, ErrorCodeInfo>>;

/** Codes of the shared HTTP pieces (libs/common/src/http, input-limits). */
export const COMMON_ERROR_CODES = {
  'INPUT.BAD_CODE': { status: 400, when: 'a code in the path is not 1 to 40 letters, digits, "-" or "_"' },
  'INPUT.TOO_DEEP': { status: 400, when: 'a JSON body is nested deeper than 32 levels' },
  'INPUT.UNSTORABLE_TEXT': { status: 400, when: 'a body, path or query holds a NUL or half a surrogate pair' },
  'HTTP.RATE_LIMITED': { status: 429, when: 'too many sign-ins or tracking lookups from one address; Retry-After says when to try again' },
  'SERVICE.UNAVAILABLE': { status: 503, when: 'the database cannot answer right now; Retry-After says when to try again' },
} as const satisfies ErrorCodeList;
