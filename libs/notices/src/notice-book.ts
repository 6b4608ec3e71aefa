import { APP_CONFIG, AppConfig } from '@app/common';
import type { EventEnvelope } from '@app/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { departmentNoticeKind, GRID_NOTICE_KINDS, gridNoticeKind, NoticeKind, noticeData } from './domain/notice-kinds';

interface RequestFacts {
  id: string;
  grid_code: string;
  route: string;
  tracking_no: string;
  title: string;
}

/**
 * Writes notices in the caller's transaction, so a notice commits with what caused it: a
 * department's in its handler's inbox transaction (a redelivered event finds its notice and adds
 * none), a grid's with the event on the request's timeline. Each notice is one row per event and
 * recipient; a department's also gets its outbound delivery.
 */
@Injectable()
export class NoticeBook {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The department's notice of an event that reached its topic; false when the event makes none (or made it before). */
  async recordForDepartment(manager: EntityManager, departmentCode: string, envelope: EventEnvelope): Promise<boolean> {
    const kind = departmentNoticeKind(envelope.type);
    if (!kind) return false;
    const request = await this.requestFacts(manager, envelope.requestId);
    // An event of another database's request (a broker shared by test runs) has nobody here to tell.
    if (!request) return false;
    const id = await this.insert(manager, 'department', departmentCode, kind, request, envelope);
    if (!id) return false;
    const webhook = this.config.noticeWebhooks.get(departmentCode) ?? this.config.noticeWebhooks.get('*');
    await manager.query(
      `INSERT INTO notice_deliveries (notice_id, channel, target, status, next_attempt_at, created_at) VALUES ($1, $2, $3, 'pending', now(), now())`,
      [id, webhook ? 'webhook' : 'log', webhook ?? departmentCode],
    );
    return true;
  }

  /** The grid's notices of events just appended to a request's timeline (`actors` in the same order). */
  async recordForGrid(manager: EntityManager, envelopes: readonly EventEnvelope[], actors: ReadonlyArray<string | undefined>): Promise<void> {
    if (!envelopes.some((e) => e.type in GRID_NOTICE_KINDS)) return;
    const request = await this.requestFacts(manager, envelopes[0].requestId);
    if (!request) return;
    for (const [i, envelope] of envelopes.entries()) {
      const kind = gridNoticeKind({ type: envelope.type, actor: actors[i], route: request.route });
      if (kind) await this.insert(manager, 'grid', request.grid_code, kind, request, envelope);
    }
  }

  private async requestFacts(manager: EntityManager, requestId: string): Promise<RequestFacts | undefined> {
    const [request] = (await manager.query('SELECT id, grid_code, route, tracking_no, title FROM requests WHERE id = $1', [requestId])) as RequestFacts[];
    return request;
  }

  private async insert(
    manager: EntityManager,
    recipientKind: 'department' | 'grid',
    recipientCode: string,
    kind: NoticeKind,
    request: RequestFacts,
    envelope: EventEnvelope,
  ): Promise<string | null> {
    const rows = (await manager.query(
      `INSERT INTO notices (id, recipient_kind, recipient_code, kind, request_id, tracking_no, title, data, source_event_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (source_event_id, recipient_kind, recipient_code) DO NOTHING RETURNING id`,
      [randomUUID(), recipientKind, recipientCode, kind, request.id, request.tracking_no, request.title, JSON.stringify(noticeData(envelope.payload)), envelope.eventId],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }
}
