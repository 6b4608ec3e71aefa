/**
 * Calls and fields of the server additions of issue 9 (photos, notices, the queues' new fields and
 * filters) that the api's OpenAPI snapshot does not hold yet, typed here by hand from the agreed
 * contract. Once the server has them, `npm run openapi:snapshot` puts them in schema.d.ts: then
 * replace these types by `Schemas[...]` and these functions by `api.GET/POST` calls, and delete this
 * file. Nothing else in the app types these shapes itself.
 */
import { api, ApiError, authHeaders, noticeRefusedToken, unwrap, type Schemas } from './client';

// ---- Requests: the list's new fields and filters ------------------------------------------------

/** GET /api/v1/requests items gain `address`, `workingMinutesLeft` (negative when overdue) and `overdue`. */
export type RequestListItem = Schemas['RequestResponse'] & {
  address?: string | null;
  workingMinutesLeft?: number;
  overdue?: boolean;
};

export interface RequestListQuery {
  /** A grid worker's own grids. */
  mine?: boolean;
  /** Overdue first, then the soonest due. */
  sort?: 'due';
  /** May repeat. */
  status?: Array<Schemas['RequestResponse']['status']>;
  page?: number;
  pageSize?: number;
}

export async function listRequests(query: RequestListQuery): Promise<{ items: RequestListItem[]; total: number }> {
  const page = await unwrap(
    // The snapshot's query type lacks mine, sort and repeated status until the server adds them.
    api.GET('/api/v1/requests', { params: { query: query as never } }),
  );
  return page as unknown as { items: RequestListItem[]; total: number };
}

// ---- Photos ------------------------------------------------------------------------------------

export type MediaStage = 'report' | 'handling' | 'whistle';

/** 201 of POST /api/v1/requests/:id/media; GET /api/v1/requests/:id lists them as `media`. */
export interface MediaItem {
  id: string;
  stage: MediaStage;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
  createdAt: string;
  url: string;
  thumbnailUrl: string;
}

export type RequestDetail = Schemas['RequestResponse'] & { media?: MediaItem[]; address?: string | null; workingMinutesLeft?: number; overdue?: boolean };

/** Multipart upload of one photo; the same Idempotency-Key again answers the first upload, never a second copy. */
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

/** Resolving a grid task may name photos of stage `handling`. */
export async function resolveGridTask(requestId: string, note: string, mediaIds: string[]): Promise<Schemas['RequestResponse']> {
  // Only with photos: until the server accepts mediaIds, a body without it stays valid.
  const body = (mediaIds.length ? { note, mediaIds } : { note }) as Schemas['ResolutionNoteDto'];
  return unwrap(api.POST('/api/v1/requests/{id}/resolve', { params: { path: { id: requestId } }, body }));
}

// ---- Notices -----------------------------------------------------------------------------------

/** A grid worker's: returns, reopenings, whistle answers and arrivals for their grids. */
export interface Notice {
  id: string;
  kind: string;
  requestId: string;
  trackingNo: string;
  title: string;
  createdAt: string;
  readAt?: string | null;
  data?: Record<string, unknown>;
}

export async function listNotices(query: { unread?: boolean; page?: number; pageSize?: number }): Promise<{ items: Notice[]; total: number }> {
  const search = new URLSearchParams();
  if (query.unread) search.set('unread', 'true');
  if (query.page) search.set('page', String(query.page));
  if (query.pageSize) search.set('pageSize', String(query.pageSize));
  let response: Response;
  try {
    response = await fetch(`/api/v1/notices?${search.toString()}`, { headers: authHeaders() });
  } catch (error) {
    throw new ApiError(0, null, error instanceof Error ? error.message : String(error));
  }
  await noticeRefusedToken(response);
  if (!response.ok) throw await ApiError.fromResponse(response);
  return (await response.json()) as { items: Notice[]; total: number };
}

export async function markNoticeRead(id: string): Promise<void> {
  const response = await fetch(`/api/v1/notices/${encodeURIComponent(id)}/read`, { method: 'POST', headers: authHeaders() });
  await noticeRefusedToken(response);
  if (!response.ok) throw await ApiError.fromResponse(response);
}

/** The live notices as server-sent events; EventSource sends no headers, so the token rides in the query. */
export function noticeStreamUrl(token: string): string {
  return `/api/v1/notices/stream?access_token=${encodeURIComponent(token)}`;
}
