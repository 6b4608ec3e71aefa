import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

type AfterCommit = () => void;

/**
 * Runs one transaction. Everything inside must use the given EntityManager: work done on another
 * connection is outside the transaction (not rolled back with it, blind to its uncommitted rows).
 */
@Injectable()
export class UnitOfWork {
  private readonly afterCommitListeners: AfterCommit[] = [];

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    // PostgreSQL's default isolation (read committed); naming it would cost a round trip per transaction.
    const result = await this.dataSource.transaction(work);
    for (const listener of this.afterCommitListeners) listener();
    return result;
  }

  /** Called after every commit; the outbox relay uses it to publish without waiting for its next poll. */
  onAfterCommit(listener: AfterCommit): void {
    this.afterCommitListeners.push(listener);
  }
}

/** True for PostgreSQL's unique_violation, optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? error;
  const { code, constraint: name } = driverError as { code?: string; constraint?: string };
  return code === '23505' && (constraint === undefined || name === constraint);
}

/** Runs an UPDATE or DELETE … RETURNING and gives back the returned rows (TypeORM wraps them with the row count). */
export async function mutateReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
