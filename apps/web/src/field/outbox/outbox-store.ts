import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Schemas } from '../../shared/api/client';

export type FilingBody = Schemas['FileRequestDto'];
export type FilingAnswer = Schemas['RequestResponse'];

export interface PendingPhoto {
  /** Idempotency-Key of this photo's upload: a resend after a lost answer attaches it once. */
  key: string;
  blob: Blob;
  /** Set once the api holds it. */
  mediaId?: string;
  /** The api refused this photo for good (type, size): the filing goes on without it. */
  refusedCode?: string;
}

/** A filing kept on the phone until the api has it and all its photos. */
export interface PendingFiling {
  id: string;
  /** Whose filing: only they send it (the token must be theirs). */
  owner: string;
  /** Sent with every attempt: the api files it once, however many times it arrives. */
  idempotencyKey: string;
  body: FilingBody;
  photos: PendingPhoto[];
  createdAt: string;
  attempts: number;
  /** Epoch ms before which no attempt is made (backoff); null: at once. */
  nextAttemptAt: number | null;
  lastError: { status: number; code: string | null } | null;
  /** The api refused the filing itself (4xx): it waits for the worker to delete or fix it. */
  refused: boolean;
  /** Once filed: the api's answer (tracking number, route, decision, deadline). */
  answer?: FilingAnswer;
}

interface FieldDb extends DBSchema {
  outbox: { key: string; value: PendingFiling };
}

let db: Promise<IDBPDatabase<FieldDb>> | null = null;

function open(): Promise<IDBPDatabase<FieldDb>> {
  db ??= openDB<FieldDb>('gg-field', 1, {
    upgrade(database) {
      database.createObjectStore('outbox', { keyPath: 'id' });
    },
  });
  return db;
}

/** The outbox in IndexedDB: filings with their photos (Blobs), kept across reloads and restarts. */
export const outboxStore = {
  async all(): Promise<PendingFiling[]> {
    const entries = await (await open()).getAll('outbox');
    return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },
  async put(entry: PendingFiling): Promise<void> {
    await (await open()).put('outbox', entry);
  },
  async remove(id: string): Promise<void> {
    await (await open()).delete('outbox', id);
  },
};
