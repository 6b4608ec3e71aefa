import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The password policy, for users created or reset over the api and for the first admin from
 * ADMIN_PASSWORD: long enough, not one of the passwords attackers try first, and not built on
 * the username. Length beats composition rules (NIST SP 800-63B), so there are none of those.
 */
export const PASSWORD_MIN_LENGTH = 10;

/**
 * Passwords of 10 or more characters common in China that the general list (zxcvbn's ~49,000
 * most common passwords, MIT licence) does not hold.
 */
const COMMON_IN_CHINA = [
  'woaini1314',
  'woaini123456',
  'woaini5201314',
  '5201314woaini',
  '5201314520',
  '1314520520',
  'iloveyou1314',
  'admin123456',
  'abc1234567',
  'qq1234567890',
  'qwe123456789',
  'zxcvbnm123456',
  'asd123456789',
  'a123456789a',
  'xiaoming123',
  'zhang123456',
  'li123456789',
];

let common: ReadonlySet<string> | null = null;

/** Built on first use: 50,000 strings are not worth holding in a process that never checks one. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set([...dictionary['passwords-common'], ...COMMON_IN_CHINA].map((p) => p.toLowerCase()));
  return common;
}

/** What is wrong with a password for this username, said after "password ", or null when it is fine. */
export function passwordProblem(password: string, username: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'is one of the most common passwords; choose one that is not';
  const name = username.toLowerCase();
  if (name.length > 0 && (lower.includes(name) || name.includes(lower))) return 'must not contain the username';
  return null;
}
