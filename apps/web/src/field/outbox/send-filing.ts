import { ApiError } from '../../shared/api/client';
import type { FilingAnswer, FilingBody, PendingFiling } from './outbox-store';

/** How the sender reaches the api (the real calls in use-outbox.ts; a fake in the tests). */
export interface FilingTransport {
  file(body: FilingBody, idempotencyKey: string): Promise<FilingAnswer>;
  uploadPhoto(requestId: string, photo: Blob, idempotencyKey: string): Promise<{ id: string }>;
}

export type SendOutcome =
  | { kind: 'sent'; answer: FilingAnswer; refusedPhotos: number }
  | { kind: 'later'; error: ApiError }
  | { kind: 'refused'; error: ApiError };

/** Worth trying again: no network, the server busy or failing, a sign-in needed, the same key still in flight. */
export function isTransient(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 401 || error.status === 408 || error.code === 'CASEWORK.IDEMPOTENCY_IN_FLIGHT';
}

/** 2 s, 4 s, 8 s … up to 5 minutes, spread by ±20 % so phones coming back together do not send at once. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(2_000 * 2 ** Math.max(0, attempts - 1), 300_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, null, error instanceof Error ? error.message : String(error));
}

/**
 * Sends one kept filing as far as it can: the filing (once: its Idempotency-Key), then each photo not
 * yet attached (each with its own key). `save` is called after every step that changed the entry,
 * so a reload or a lost answer resumes where it stopped and never files or attaches twice.
 */
export async function sendFiling(entry: PendingFiling, transport: FilingTransport, save: (entry: PendingFiling) => Promise<void>, now: () => number = Date.now): Promise<SendOutcome> {
  try {
    if (!entry.answer) {
      entry.answer = await transport.file(entry.body, entry.idempotencyKey);
      await save(entry);
    }
    for (const photo of entry.photos) {
      if (photo.mediaId || photo.refusedCode) continue;
      try {
        photo.mediaId = (await transport.uploadPhoto(entry.answer.id, photo.blob, photo.key)).id;
      } catch (error) {
        const refusal = asApiError(error);
        if (isTransient(refusal)) throw refusal;
        photo.refusedCode = refusal.code ?? `HTTP.${refusal.status}`;
      }
      await save(entry);
    }
    return { kind: 'sent', answer: entry.answer, refusedPhotos: entry.photos.filter((p) => p.refusedCode).length };
  } catch (thrown) {
    const error = asApiError(thrown);
    entry.attempts += 1;
    entry.lastError = { status: error.status, code: error.code };
    if (isTransient(error)) {
      entry.nextAttemptAt = now() + backoffMs(entry.attempts);
      await save(entry);
      return { kind: 'later', error };
    }
    entry.refused = true;
    await save(entry);
    return { kind: 'refused', error };
  }
}
