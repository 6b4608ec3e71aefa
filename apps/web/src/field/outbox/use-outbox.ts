import { computed, ref, shallowRef } from 'vue';
import { api, unwrap } from '../../shared/api/client';
import { uploadMedia } from '../../shared/api/media';
import { useAuthStore } from '../../shared/auth/auth.store';
import { randomId } from '../../shared/ids/random-id';
import { type FilingAnswer, type FilingBody, outboxStore, type PendingFiling } from './outbox-store';
import { type FilingTransport, sendFiling, type SendOutcome } from './send-filing';

const apiTransport: FilingTransport = {
  file: (body, idempotencyKey) => unwrap(api.POST('/api/v1/requests', { body, params: { header: { 'idempotency-key': idempotencyKey } } })),
  uploadPhoto: (requestId, photo, idempotencyKey) => uploadMedia(requestId, photo, 'report', idempotencyKey),
};

const entries = shallowRef<PendingFiling[]>([]);
const sending = ref<string | null>(null);
const lastSent = ref<{ answer: FilingAnswer; refusedPhotos: number } | null>(null);
let started = false;
let flushing: Promise<void> | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

async function reload(): Promise<void> {
  entries.value = await outboxStore.all();
}

async function save(entry: PendingFiling): Promise<void> {
  await outboxStore.put(entry);
  await reload();
}

/** One sender at a time, across the tabs of this phone too (Web Locks), so no entry is sent twice at once. */
function exclusively(work: () => Promise<void>): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('gg-outbox', work).then(() => undefined) : work();
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const waiting = entries.value.filter((e) => !e.refused && e.nextAttemptAt !== null).map((e) => e.nextAttemptAt as number);
  if (!waiting.length) return;
  timer = setTimeout(() => void flush(), Math.max(0, Math.min(...waiting) - Date.now()));
}

async function sendOne(entry: PendingFiling, transport: FilingTransport): Promise<SendOutcome> {
  sending.value = entry.id;
  try {
    const outcome = await sendFiling(entry, transport, save);
    if (outcome.kind === 'sent') {
      await outboxStore.remove(entry.id);
      lastSent.value = { answer: outcome.answer, refusedPhotos: outcome.refusedPhotos };
    }
    return outcome;
  } finally {
    sending.value = null;
    await reload();
  }
}

/** Sends every due filing of the signed-in worker, oldest first; stops at the first that must wait. */
export function flush(options: { now?: boolean; transport?: FilingTransport } = {}): Promise<void> {
  if (flushing) return flushing;
  const auth = useAuthStore();
  flushing = exclusively(async () => {
    await reload();
    const owner = auth.user?.username;
    if (!owner || !auth.signedIn) return;
    for (const entry of entries.value.filter((e) => e.owner === owner && !e.refused)) {
      if (!options.now && entry.nextAttemptAt !== null && entry.nextAttemptAt > Date.now()) continue;
      const outcome = await sendOne(entry, options.transport ?? apiTransport);
      if (outcome.kind === 'later') break;
    }
  }).finally(() => {
    flushing = null;
    schedule();
  });
  return flushing;
}

/** Keeps a new filing on the phone first, then tries to send it at once; its answer when it went through. */
async function submit(body: FilingBody, photos: Blob[], transport: FilingTransport = apiTransport): Promise<SendOutcome> {
  const auth = useAuthStore();
  const idempotencyKey = randomId();
  const entry: PendingFiling = {
    id: randomId(),
    owner: auth.user?.username ?? '',
    idempotencyKey,
    body,
    photos: photos.map((blob, index) => ({ key: `${idempotencyKey}.photo-${index + 1}`, blob })),
    createdAt: new Date().toISOString(),
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    refused: false,
  };
  await save(entry);
  let outcome: SendOutcome | null = null;
  // Waits for a round already under way (it may be sending older filings), then sends this one.
  if (flushing) await flushing;
  await exclusively(async () => {
    outcome = await sendOne(entry, transport);
  });
  const result = outcome as unknown as SendOutcome;
  // Refused at once: the worker is still on the form, which shows why; nothing is kept to resend.
  if (result.kind === 'refused') await discard(entry.id);
  schedule();
  return result;
}

async function discard(id: string): Promise<void> {
  await outboxStore.remove(id);
  await reload();
}

/** Starts listening for the network: the first call wires it, later calls only read. */
function start(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flush({ now: true }));
  void reload().then(() => flush());
}

/** The outbox (待发送): filings kept on the phone, sent by themselves when the network returns. */
export function useOutbox() {
  const auth = useAuthStore();
  const mine = computed(() => entries.value.filter((e) => e.owner === auth.user?.username));
  return { entries: mine, sending, lastSent, start, flush, submit, discard, reload };
}

/** For the tests: forget the module's state between cases. */
export function resetOutboxForTests(): void {
  entries.value = [];
  sending.value = null;
  lastSent.value = null;
  started = false;
  flushing = null;
  if (timer) clearTimeout(timer);
  timer = null;
}
