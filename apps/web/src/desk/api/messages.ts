import { api, type Schemas, unwrap } from '../../shared/api/client';

/** Replies between the lead (主办) and assisting (协办) departments of a case, on its timeline. */
export const MESSAGE_POSTED = 'request.message_posted';
export const MESSAGE_MAX_LENGTH = 500;

export async function postMessage(requestId: string, body: string): Promise<Schemas['TimelineEntry']> {
  return unwrap(api.POST('/api/v1/requests/{id}/messages', { params: { path: { id: requestId } }, body: { body } }));
}
