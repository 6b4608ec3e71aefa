import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listNotices, markNoticeRead, type Notice, openNoticeStream } from '../../shared/api/notices';
import { useAuthStore } from '../../shared/auth/auth.store';

type Listener = (notice: Notice) => void;

/**
 * The department's notices (new assignments, 催办, whistle summons, returns sent back, reopenings,
 * extensions, escalations, messages between departments): read once, then live from the
 * server-sent stream. The layout shows the badge, the queue and the case refresh on arrival.
 */
export const useDeskNotices = defineStore('desk-notices', () => {
  const auth = useAuthStore();
  const notices = ref<Notice[]>([]);
  const unreadCount = ref(0);
  const connected = ref(false);
  const listeners = new Set<Listener>();
  let stream: EventSource | null = null;

  const unread = computed(() => notices.value.filter((n) => n.readAt === null));

  async function load(): Promise<void> {
    try {
      const page = await listNotices({ pageSize: 100 });
      notices.value = page.items;
      unreadCount.value = page.unread;
    } catch {
      // The list is a convenience: the queue and the cases still show.
    }
  }

  function receive(notice: Notice): void {
    if (notices.value.some((n) => n.id === notice.id)) return;
    notices.value = [{ ...notice, readAt: null }, ...notices.value];
    unreadCount.value += 1;
    listeners.forEach((listener) => listener(notice));
  }

  function start(): void {
    if (stream || !auth.token) return;
    stream = openNoticeStream(auth.token, receive);
    if (!stream) return;
    void load();
    stream.addEventListener('open', () => (connected.value = true));
    stream.addEventListener('error', () => (connected.value = false));
  }

  function stop(): void {
    stream?.close();
    stream = null;
    connected.value = false;
  }

  /** Calls `listener` for every notice that arrives live; answers the function that stops it. */
  function onArrival(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  async function read(notice: Notice): Promise<void> {
    if (notice.readAt !== null) return;
    const readAt = new Date().toISOString();
    notices.value = notices.value.map((n) => (n.id === notice.id ? { ...n, readAt } : n));
    unreadCount.value = Math.max(0, unreadCount.value - 1);
    await markNoticeRead(notice.id).catch(() => undefined);
  }

  return { notices, unread, unreadCount, connected, start, stop, onArrival, read, load };
});
