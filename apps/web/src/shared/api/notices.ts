import { api, type Schemas, unwrap } from './client';

/** What reaches a person about a matter: a grid worker's returns and reopenings, a desk's summons and reminders. */
export type Notice = Schemas['NoticeResponse'];

export async function listNotices(query: { unread?: boolean; page?: number; pageSize?: number }): Promise<Schemas['NoticePage']> {
  return unwrap(api.GET('/api/v1/notices', { params: { query } }));
}

export async function markNoticeRead(id: string): Promise<void> {
  await unwrap(api.POST('/api/v1/notices/{id}/read', { params: { path: { id } } }));
}

/** The live notices as server-sent events; EventSource sends no headers, so the token rides in the query. */
function noticeStreamUrl(token: string): string {
  return `/api/v1/notices/stream?access_token=${encodeURIComponent(token)}`;
}

/**
 * Opens the caller's live notices and hands each `notice` event to `receive` (heartbeats and
 * anything unreadable are passed over); null where the browser has no EventSource. Close it when done.
 */
export function openNoticeStream(token: string, receive: (notice: Notice) => void): EventSource | null {
  if (typeof EventSource === 'undefined') return null;
  const stream = new EventSource(noticeStreamUrl(token));
  stream.addEventListener('notice', ((event: MessageEvent<string>) => {
    try {
      const notice = JSON.parse(event.data) as Notice;
      if (notice?.id) receive(notice);
    } catch {
      // not a notice
    }
  }) as EventListener);
  return stream;
}
