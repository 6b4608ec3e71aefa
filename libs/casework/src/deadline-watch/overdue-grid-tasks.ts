import { DomainError, toOffsetIso } from '@app/common';
import { mutateReturning, UnitOfWork } from '@app/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EscalateRequestCommand } from '../escalate-request/escalate-request.command';

/** How long a watcher holds an overdue grid task it took; long enough for one escalation to finish. */
const LEASE_SECONDS = 300;
const MAX_PER_PASS = 200;

/**
 * 大事全网联办 by the clock: an open grid task past its deadline escalates to joint handling.
 * The escalation runs in its own transaction (the escalate command's), so the task cannot stay
 * locked meanwhile: a watcher first takes it for a lease with FOR UPDATE SKIP LOCKED, and other
 * replicas pass it by. The escalation itself makes the task joint, so it is never taken again;
 * one that failed is taken again when its lease ends.
 */
@Injectable()
export class OverdueGridTasks {
  private readonly logger = new Logger(OverdueGridTasks.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly commandBus: CommandBus,
  ) {}

  /** Escalates the grid tasks overdue at `now`; answers how many it escalated. */
  async escalateDue(now: Date): Promise<number> {
    let escalated = 0;
    for (let i = 0; i < MAX_PER_PASS; i++) {
      const task = await this.takeOne(now);
      if (!task) break;
      try {
        await this.commandBus.execute(
          new EscalateRequestCommand(null, task.id, `overdue: the grid task was due at ${toOffsetIso(task.due_at)}`),
        );
        escalated += 1;
      } catch (error) {
        // A conflict means a grid worker got there first (resolved or escalated it): nothing is left to do.
        if (error instanceof DomainError && error.kind === 'conflict') continue;
        this.logger.warn({ err: error, requestId: task.id }, 'could not escalate an overdue grid task; will try again after its lease');
      }
    }
    return escalated;
  }

  private async takeOne(now: Date): Promise<{ id: string; due_at: Date } | undefined> {
    return this.unitOfWork.run(async (manager) => {
      const [task] = await mutateReturning<{ id: string; due_at: Date }>(
        manager,
        `UPDATE requests SET overdue_taken_until = $1::timestamptz + make_interval(secs => $2)
          WHERE id = (
            SELECT id FROM requests
             WHERE route = 'grid' AND status = 'open' AND due_at <= $1
               AND (overdue_taken_until IS NULL OR overdue_taken_until <= $1)
             ORDER BY due_at
             LIMIT 1
               FOR UPDATE SKIP LOCKED)
          RETURNING id, due_at`,
        [now, LEASE_SECONDS],
      );
      return task;
    });
  }
}
