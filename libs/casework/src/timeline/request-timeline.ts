import { currentCorrelationId, toOffsetIso } from '@app/common';
import { EventEnvelope, OutboxEntry, OutboxWriter, REQUESTS_TOPIC } from '@app/messaging';
import { NoticeBook } from '@app/notices';
import { mutateReturning } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EventType } from '../domain/event-types';
import { maskFreeTextFields } from '../domain/personal-numbers';
import { RequestEventEntity } from '../database/request-event.entity';

export interface PendingEvent {
  type: EventType;
  /** Username of who caused it; absent for the system. */
  actor?: string;
  /**
   * Never the reporter's contact: events leave the service. Phone and ID-card numbers typed into
   * its free-text fields (title, note, reason, ...) are masked on the way out (domain/personal-numbers).
   */
  payload: Record<string, unknown>;
  /** Topics besides governance.requests.v1, e.g. a department's. */
  alsoTo?: string[];
}

export const EVENT_VERSION = 1;

/**
 * Appends events to a request's timeline and to the outbox in the caller's transaction.
 * Sequences come from the request row's counter, which the UPDATE locks, so they grow by one
 * per request without gaps even under concurrent commands. The grid's notices of these events
 * (returns, reopenings, arrivals on site, …) are written here too, so they commit with them.
 */
@Injectable()
export class RequestTimeline {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly notices: NoticeBook,
  ) {}

  async append(
    manager: EntityManager,
    request: { id: string; gridId: string },
    events: readonly PendingEvent[],
    occurredAt = new Date(),
  ): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    const [row] = await mutateReturning<{ last_sequence: number }>(
      manager,
      'UPDATE requests SET last_sequence = last_sequence + $2, updated_at = $3 WHERE id = $1 RETURNING last_sequence',
      [request.id, events.length, occurredAt],
    );
    const first = row.last_sequence - events.length + 1;
    const correlationId = currentCorrelationId();
    const envelopes = events.map<EventEnvelope>((event, i) => ({
      eventId: randomUUID(),
      type: event.type,
      version: EVENT_VERSION,
      occurredAt: toOffsetIso(occurredAt),
      requestId: request.id,
      sequence: first + i,
      gridId: request.gridId,
      correlationId,
      // The timeline holds the event as published, so a rebuild from it sees what consumers saw.
      payload: maskFreeTextFields(event.payload),
    }));
    const rows = envelopes.map<RequestEventEntity>((envelope, i) => ({
        requestId: request.id,
        sequence: envelope.sequence,
        eventId: envelope.eventId,
        type: envelope.type,
        occurredAt,
        actor: events[i].actor ?? null,
        data: envelope.payload,
      }));
    // TypeORM's partial-entity type cannot see through an `unknown`-valued jsonb column.
    await manager.getRepository(RequestEventEntity).insert(rows as QueryDeepPartialEntity<RequestEventEntity>[]);
    const entries: OutboxEntry[] = envelopes.flatMap((envelope, i) => [
      { topic: REQUESTS_TOPIC, envelope },
      ...(events[i].alsoTo ?? []).map((topic) => ({ topic, envelope })),
    ]);
    await this.outbox.append(manager, entries);
    await this.notices.recordForGrid(
      manager,
      envelopes,
      events.map((e) => e.actor),
    );
    return envelopes;
  }
}
