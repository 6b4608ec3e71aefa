import { ApiError, authHeaders, noticeRefusedToken, type Schemas } from './client';

/** A photo attached to a request (stage 上报 report, 处置 handling, 吹哨 whistle). */
export type MediaItem = Schemas['MediaResponse'];
export type MediaStage = 'report' | 'handling' | 'whistle';

/**
 * Multipart upload of one photo; the same Idempotency-Key again answers the first upload, never a
 * second copy. Through fetch itself: openapi-fetch would serialise the FormData as JSON.
 */
export async function uploadMedia(requestId: string, photo: Blob, stage: MediaStage, idempotencyKey: string): Promise<MediaItem> {
  const form = new FormData();
  form.append('stage', stage);
  form.append('file', photo, photo instanceof File ? photo.name : `photo-${idempotencyKey.slice(-8)}.jpg`);
  let response: Response;
  try {
    response = await fetch(`/api/v1/requests/${encodeURIComponent(requestId)}/media`, {
      method: 'POST',
      headers: { ...authHeaders(), 'Idempotency-Key': idempotencyKey },
      body: form,
    });
  } catch (error) {
    throw new ApiError(0, null, error instanceof Error ? error.message : String(error));
  }
  await noticeRefusedToken(response);
  if (!response.ok) throw await ApiError.fromResponse(response);
  return (await response.json()) as MediaItem;
}

/** A photo's bytes through the signed-in user's token (an <img> cannot send it), for an object URL. */
export async function fetchMedia(url: string): Promise<Blob> {
  const response = await fetch(url, { headers: authHeaders() });
  await noticeRefusedToken(response);
  if (!response.ok) throw await ApiError.fromResponse(response);
  return response.blob();
}
