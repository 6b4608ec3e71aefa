import { DomainError, Role, toOffsetIso } from '@app/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AuditAction } from '../audit-log';
import { AuditPage } from './audit-entry.response';
import { ListAuditQuery } from './list-audit.query';

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: Role | null;
  action: AuditAction;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
  correlation_id: string;
  total: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit log, newest first, filtered by actor, action, target and time. */
@QueryHandler(ListAuditQuery)
export class ListAuditHandler implements IQueryHandler<ListAuditQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ filters }: ListAuditQuery): Promise<AuditPage> {
    const page = filters.page ?? 1;
    const pageSize = filters.pageSize ?? 50;
    const from = filters.from === undefined ? undefined : new Date(filters.from);
    const to = filters.to === undefined ? undefined : new Date(filters.to);
    if (from && to && from >= to) throw DomainError.invalid('AUDIT.PERIOD', 'from must be before to');
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (condition: (placeholder: string) => string, value: unknown): void => {
      parameters.push(value);
      conditions.push(condition(`$${parameters.length}`));
    };
    if (filters.actor !== undefined) {
      const byId = UUID.test(filters.actor);
      where((p) => (byId ? `(actor_id = ${p}::uuid OR lower(actor_username) = lower(${p}::text))` : `lower(actor_username) = lower(${p})`), filters.actor);
    }
    if (filters.action !== undefined) where((p) => `action = ${p}`, filters.action);
    if (filters.targetType !== undefined) where((p) => `target_type = ${p}`, filters.targetType);
    if (filters.targetId !== undefined) where((p) => `target_id = ${p}`, filters.targetId);
    if (from) where((p) => `occurred_at >= ${p}`, from);
    if (to) where((p) => `occurred_at < ${p}`, to);
    parameters.push(pageSize, (page - 1) * pageSize);
    const rows = (await this.dataSource.query(
      `SELECT id, occurred_at, actor_id, actor_username, actor_role, action, target_type, target_id, details, correlation_id,
              count(*) OVER () AS total
         FROM audit_log ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY id DESC LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
      parameters,
    )) as AuditRow[];
    // Past the last page the window count is not there; count apart only then.
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(conditions, parameters.slice(0, -2));
    return {
      items: rows.map((row) => ({
        id: Number(row.id),
        occurredAt: toOffsetIso(row.occurred_at),
        actor:
          row.actor_id && row.actor_username && row.actor_role
            ? { userId: row.actor_id, username: row.actor_username, role: row.actor_role }
            : null,
        action: row.action,
        target: { type: row.target_type, id: row.target_id },
        details: row.details,
        correlationId: row.correlation_id,
      })),
      page,
      pageSize,
      total,
    };
  }

  private async count(conditions: string[], parameters: unknown[]): Promise<number> {
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_log ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`,
      parameters,
    )) as { total: number }[];
    return total;
  }
}
