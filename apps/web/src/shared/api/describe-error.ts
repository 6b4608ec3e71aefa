import { i18n } from '../i18n';
import { ApiError } from './client';

/**
 * What a user reads when a call failed: the Chinese (or English) text of the error's code, with
 * when to try again for a 429 (Retry-After), never the api's English message.
 */
export function describeError(error: unknown): string {
  const { t, te } = i18n.global;
  if (!(error instanceof ApiError)) return t('error.generic', { status: '?' });
  if (error.isNetwork) return t('error.network');
  const text = error.code && te(`error.${error.code}`) ? t(`error.${error.code}`) : t('error.generic', { status: error.status });
  if (error.retryAfterSeconds === null) return text;
  const seconds = error.retryAfterSeconds;
  const time = seconds < 120 ? t('error.retryAfterSeconds', { n: seconds }) : t('error.retryAfterMinutes', { n: Math.ceil(seconds / 60) });
  return t('error.withRetry', { text, retry: t('error.retryAfter', { time }) });
}
