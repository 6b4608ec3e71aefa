import { ConsumerStatus, MessageBroker, OutboxBacklog, OutboxBacklogReader, OutboxRelay, relayStall } from '@app/messaging';
import { Injectable, Optional } from '@nestjs/common';

/** A joining or restarting consumer is normal for this long (a dead member's session expires after 30 s). */
export const CONSUMER_GRACE_SECONDS = 60;

export interface ConsumerReport extends ConsumerStatus {
  /** Why it counts as not consuming, or null. */
  problem: string | null;
}

/**
 * Where the event pipeline of this process stands: the outbox (where this process relays it) and
 * every consumer it runs. Read by readiness and by the metrics, so both say the same.
 */
@Injectable()
export class PipelineStatus {
  constructor(
    private readonly broker: MessageBroker,
    private readonly backlog: OutboxBacklogReader,
    /** Present where this process runs the outbox relay (the api). */
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  /** The outbox backlog where this process runs the relay; null elsewhere. */
  outbox(): Promise<OutboxBacklog | null> {
    return this.relay ? this.backlog.read() : Promise.resolve(null);
  }

  outboxProblem(backlog: OutboxBacklog | null): string | null {
    return backlog ? relayStall(backlog) : null;
  }

  consumers(now = Date.now()): ConsumerReport[] {
    return this.broker.consumers().map((status) => ({ ...status, problem: consumerProblem(status, now) }));
  }

  lag(status: ConsumerStatus): Promise<number | null> {
    return this.broker.consumerLag(status.groupId, status.topic);
  }
}

export function consumerProblem(status: ConsumerStatus, now: number): string | null {
  if (status.state === 'consuming' || status.state === 'closed') return null;
  const seconds = Math.round((now - status.since.getTime()) / 1000);
  if (seconds < CONSUMER_GRACE_SECONDS) return null;
  return `${status.groupId} ${status.state} for ${seconds} s${status.lastError ? ` (${status.lastError})` : ''}`;
}
