import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { fakeToken, WORKER_CLAIMS } from '../../test-support/tokens';
import { type FilingAnswer, type FilingBody, outboxStore } from './outbox-store';
import { backoffMs, type FilingTransport } from './send-filing';
import { flush, resetOutboxForTests, useOutbox } from './use-outbox';

const BODY: FilingBody = { gridCode: 'G-0101', categoryCode: 'street-lighting', title: '路灯不亮', description: '滨河路 3 号路灯不亮' };

/**
 * The api as the outbox sees it: it files a key once and attaches a photo key once, like the real
 * one; `down` makes every call fail as a phone without network does, `loseAnswers` drops the answer
 * of a call the server did carry out (the worst case for "exactly once").
 */
class FakeApi implements FilingTransport {
  down = false;
  loseFilingAnswers = 0;
  loseUploadAnswers = 0;
  refuseFiling: ApiError | null = null;
  readonly filings = new Map<string, FilingAnswer>();
  readonly photos = new Map<string, { requestId: string; size: number }>();
  fileCalls: string[] = [];
  uploadCalls: string[] = [];

  async file(body: FilingBody, key: string): Promise<FilingAnswer> {
    this.fileCalls.push(key);
    if (this.down) throw new ApiError(0, null, 'Failed to fetch');
    if (this.refuseFiling) throw this.refuseFiling;
    if (!this.filings.has(key)) this.filings.set(key, { id: `request-${this.filings.size + 1}`, trackingNo: `GG${this.filings.size + 1}`, title: body.title } as FilingAnswer);
    return this.answer(this.filings.get(key)!, 'loseFilingAnswers');
  }

  async uploadPhoto(requestId: string, photo: Blob, key: string): Promise<{ id: string }> {
    this.uploadCalls.push(key);
    if (this.down) throw new ApiError(0, null, 'Failed to fetch');
    if (!this.photos.has(key)) this.photos.set(key, { requestId, size: photo.size });
    return this.answer({ id: `media-${key}` }, 'loseUploadAnswers');
  }

  private answer<T>(value: T, lose: 'loseFilingAnswers' | 'loseUploadAnswers'): T {
    if (this[lose] > 0) {
      this[lose] -= 1;
      throw new ApiError(0, null, 'the connection dropped before the answer came');
    }
    return value;
  }
}

describe('the outbox (待发送)', () => {
  let server: FakeApi;

  beforeEach(async () => {
    resetOutboxForTests();
    for (const entry of await outboxStore.all()) await outboxStore.remove(entry.id);
    sessionStorage.setItem('gg.session', fakeToken(WORKER_CLAIMS));
    setActivePinia(createPinia());
    server = new FakeApi();
  });

  it('keeps a filing made without network, with its key and photos, and lists it', async () => {
    server.down = true;
    const outbox = useOutbox();
    const outcome = await outbox.submit(BODY, [new Blob(['jpeg bytes'], { type: 'image/jpeg' })], server);
    expect(outcome.kind).toBe('later');
    expect(outbox.entries.value).toHaveLength(1);
    const [kept] = await outboxStore.all();
    expect(kept).toMatchObject({ body: BODY, attempts: 1, refused: false, lastError: { status: 0 } });
    expect(kept!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(await kept!.photos[0]!.blob.text()).toBe('jpeg bytes');
  });

  it('sends it by itself when the network returns: one request, each photo once, with the same keys', async () => {
    server.down = true;
    const outbox = useOutbox();
    await outbox.submit(BODY, [new Blob(['first']), new Blob(['second'])], server);
    const key = (await outboxStore.all())[0]!.idempotencyKey;
    server.down = false;
    await flush({ now: true, transport: server });
    expect(server.filings.size).toBe(1);
    expect(new Set(server.fileCalls)).toEqual(new Set([key]));
    expect([...server.photos.keys()]).toEqual([`${key}.photo-1`, `${key}.photo-2`]);
    expect([...server.photos.values()].every((p) => p.requestId === 'request-1')).toBe(true);
    expect(outbox.entries.value).toHaveLength(0);
    expect(outbox.lastSent.value?.answer.trackingNo).toBe('GG1');
  });

  it('files once when the answer is lost after the server filed it, and attaches each photo once', async () => {
    const outbox = useOutbox();
    server.loseFilingAnswers = 1;
    server.loseUploadAnswers = 1;
    expect((await outbox.submit(BODY, [new Blob(['photo'])], server)).kind).toBe('later');
    await flush({ now: true, transport: server });
    await flush({ now: true, transport: server });
    expect(server.fileCalls).toHaveLength(2);
    expect(server.filings.size).toBe(1);
    expect(server.uploadCalls.length).toBe(2);
    expect(server.photos.size).toBe(1);
    expect(outbox.entries.value).toHaveLength(0);
  });

  it('survives a reload of the page: what was kept is read back from IndexedDB and sent', async () => {
    server.down = true;
    await useOutbox().submit(BODY, [new Blob(['photo'])], server);
    resetOutboxForTests();
    setActivePinia(createPinia());
    server.down = false;
    await flush({ now: true, transport: server });
    expect(server.filings.size).toBe(1);
    expect(server.photos.size).toBe(1);
    expect(await outboxStore.all()).toEqual([]);
  });

  it('keeps nothing of a filing refused while the worker is on the form, which shows why', async () => {
    server.refuseFiling = new ApiError(400, 'CASEWORK.UNKNOWN_CATEGORY', 'categoryCode names no category');
    const outbox = useOutbox();
    expect((await outbox.submit(BODY, [], server)).kind).toBe('refused');
    expect(outbox.entries.value).toHaveLength(0);
  });

  it('does not send a kept filing again and again that the api refused; it waits for the worker', async () => {
    server.down = true;
    const outbox = useOutbox();
    await outbox.submit(BODY, [], server);
    server.down = false;
    server.refuseFiling = new ApiError(400, 'CASEWORK.UNKNOWN_CATEGORY', 'categoryCode names no category');
    await flush({ now: true, transport: server });
    await flush({ now: true, transport: server });
    expect(server.fileCalls).toHaveLength(2);
    expect(outbox.entries.value[0]).toMatchObject({ refused: true, lastError: { status: 400, code: 'CASEWORK.UNKNOWN_CATEGORY' } });
    await outbox.discard(outbox.entries.value[0]!.id);
    expect(outbox.entries.value).toHaveLength(0);
  });

  it('waits longer after each failed attempt, up to five minutes', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, middle))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(30, middle)).toBe(300_000);
    expect(backoffMs(1, () => 0)).toBe(1_600);
  });

  it('sends only the signed-in worker’s filings', async () => {
    server.down = true;
    await useOutbox().submit(BODY, [], server);
    sessionStorage.setItem('gg.session', fakeToken({ ...WORKER_CLAIMS, name: 'worker.xinglong' }));
    resetOutboxForTests();
    setActivePinia(createPinia());
    server.down = false;
    await flush({ now: true, transport: server });
    expect(server.filings.size).toBe(0);
    expect(useOutbox().entries.value).toHaveLength(0);
  });
});
