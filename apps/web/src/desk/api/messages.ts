import { ApiError, authHeaders, noticeRefusedToken } from '../../shared/api/client';

/**
 * Replies between the lead (主办) and assisting (协办) departments of a case. Typed by hand until
 * the api's OpenAPI snapshot has `POST /requests/{id}/messages`; then `api.POST` replaces it.
 */
export const MESSAGE_POSTED = 'request.message_posted';
export const MESSAGE_MAX_LENGTH = 500;

export interface PostedMessage {
  sequence: number;
  type: typeof MESSAGE_POSTED;
  occurredAt: string;
  actor?: string;
  data: { departmentCode: string; body: string };
}

export async function postMessage(requestId: string, body: string): Promise<PostedMessage> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/requests/${encodeURIComponent(requestId)}/messages`, {
      method: 'POST',
      headers: { ...authHeaders(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ body }),
    });
  } catch (error) {
    throw new ApiError(0, null, error instanceof Error ? error.message : String(error));
  }
  await noticeRefusedToken(response);
  if (!response.ok) throw await ApiError.fromResponse(response);
  return (await response.json()) as PostedMessage;
}
