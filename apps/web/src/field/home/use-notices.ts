import { onBeforeUnmount, onMounted, ref } from 'vue';
import { listNotices, markNoticeRead, type Notice, openNoticeStream } from '../../shared/api/notices';
import { useAuthStore } from '../../shared/auth/auth.store';

/**
 * The worker's unread notices (returns, reopenings, whistle answers): read once, then live from the
 * server-sent stream, so the home page marks the matters they concern without a reload.
 */
export function useNotices(onArrival: (notice: Notice) => void) {
  const auth = useAuthStore();
  const unread = ref<Notice[]>([]);
  let stream: EventSource | null = null;

  function add(notice: Notice): void {
    if (unread.value.some((n) => n.id === notice.id)) return;
    unread.value = [notice, ...unread.value];
    onArrival(notice);
  }

  async function load(): Promise<void> {
    try {
      unread.value = (await listNotices({ unread: true, pageSize: 50 })).items;
    } catch {
      // The list is a convenience; the matters themselves still show.
    }
  }

  function connect(): void {
    if (auth.token) stream = openNoticeStream(auth.token, add);
  }

  async function read(notice: Notice): Promise<void> {
    unread.value = unread.value.filter((n) => n.id !== notice.id);
    await markNoticeRead(notice.id).catch(() => undefined);
  }

  onMounted(() => {
    void load();
    connect();
  });
  onBeforeUnmount(() => stream?.close());

  return { unread, read, load };
}
