import { api, type Schemas, unwrap } from './client';
import type { paths } from './schema';

export type RequestListItem = Schemas['RequestListItem'];
export type RequestDetail = Schemas['RequestDetail'];
export type RequestListQuery = NonNullable<paths['/api/v1/requests']['get']['parameters']['query']>;

export async function listRequests(query: RequestListQuery): Promise<Schemas['RequestPage']> {
  return unwrap(api.GET('/api/v1/requests', { params: { query } }));
}

/** Resolving a grid task, with the photos of stage `handling` already uploaded. */
export async function resolveGridTask(requestId: string, note: string, mediaIds: string[]): Promise<Schemas['RequestResponse']> {
  return unwrap(api.POST('/api/v1/requests/{id}/resolve', { params: { path: { id: requestId } }, body: { note, mediaIds } }));
}
