import type { Schemas } from '../../shared/api/client';

/**
 * The filing answers of this tab, by request id, for the page shown right after a filing: the
 * decision is there at once, without a second call.
 */
const answers = new Map<string, { answer: Schemas['RequestResponse']; photos: number; refusedPhotos: number }>();

export function rememberFiled(answer: Schemas['RequestResponse'], photos: number, refusedPhotos: number): void {
  answers.set(answer.id, { answer, photos, refusedPhotos });
}

export function filedAnswer(id: string) {
  return answers.get(id) ?? null;
}
