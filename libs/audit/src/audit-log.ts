import { Actor, currentCorrelationId } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { withoutSecrets } from './domain/audit-details';

/** Stable action codes, grouped by what they touch; clients filter and translate them. */
export const AUDIT_ACTIONS = [
  'user.created',
  'user.updated',
  'user.password_reset',
  'grid.created',
  'department.created',
  'category.created',
  'routing_policy.saved',
  'calendar.updated',
  'category_deadlines.set',
  'request.contact_read',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** Who did it; null for the system itself (the demo county's seed). */
  actor: Actor | null;
  action: AuditAction;
  target: { type: string; id: string };
  /** A compact summary or before/after; fields that name secrets are dropped whatever the caller passes. */
  details: Record<string, unknown>;
}

/**
 * The audit log (操作日志): admin changes and reads of a reporter's contact details. Each entry
 * is written with the caller's EntityManager, inside the transaction of the change it records,
 * so a change is never without its entry nor an entry without its change. The table only grows:
 * a trigger refuses UPDATE, DELETE and TRUNCATE.
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_username, actor_role, action, target_type, target_id, details, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.actor?.userId ?? null,
        entry.actor?.username ?? null,
        entry.actor?.role ?? null,
        entry.action,
        entry.target.type,
        entry.target.id,
        JSON.stringify(withoutSecrets(entry.details)),
        currentCorrelationId(),
      ],
    );
  }
}
