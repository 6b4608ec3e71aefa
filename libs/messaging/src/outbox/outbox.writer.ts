import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, HEADERS } from '../envelope';

export interface OutboxEntry {
  topic: string;
  envelope: EventEnvelope;
}

/** Writes events to the outbox inside the caller's transaction, so they commit with the state change. */
@Injectable()
export class OutboxWriter {
  async append(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [];
    const rows = entries.map(({ topic, envelope }, i) => {
      const headers = {
        [HEADERS.correlationId]: envelope.correlationId,
        [HEADERS.eventId]: envelope.eventId,
        [HEADERS.eventType]: envelope.type,
      };
      values.push(envelope.eventId, topic, envelope.requestId, JSON.stringify(headers), JSON.stringify(envelope));
      const p = i * 5;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5})`;
    });
    await manager.query(
      `INSERT INTO outbox (event_id, topic, message_key, headers, payload) VALUES ${rows.join(', ')}`,
      values,
    );
  }
}
