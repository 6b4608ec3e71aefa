import { runWithCorrelation } from '@app/common';
import { DeadlineClock } from '@app/casework';
import { EventEnvelope, HEADERS, IncomingMessage, MessageBroker, parseEnvelope, REQUESTS_TOPIC, ReliableConsumer, Subscription } from '@app/messaging';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MonitoringChange, MonitoringUpdates } from '../live/monitoring-updates';
import { ProjectionStore } from './projection-store';
import { applyEvent, MonRequestRow, ProjectedEvent, ProjectionContext, RequestProjectionState } from './request-projection';

/**
 * The consumer group of the projector. Read models live in one database, so each database needs
 * its own group; MONITORING_PROJECTOR_GROUP names it where several share one Kafka (tests).
 */
export function projectorGroup(): string {
  return process.env.MONITORING_PROJECTOR_GROUP || 'monitoring-projector';
}

/**
 * Keeps the monitoring read models up to date from governance.requests.v1. Each message is
 * handled through the inbox (once per event id); the per-request last_sequence makes a replay
 * or a redelivery under another id a no-op, and a gap (a missed event) is filled from the
 * event store before anything is applied, so the rows always follow the request's events in order.
 */
@Injectable()
export class RequestsProjector implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RequestsProjector.name);
  private subscription: Subscription | null = null;

  constructor(
    private readonly broker: MessageBroker,
    private readonly consumer: ReliableConsumer,
    private readonly updates: MonitoringUpdates,
    private readonly clock: DeadlineClock,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const group = projectorGroup();
    // Joins in the background and rejoins by itself after an outage: never holds up start-up.
    this.subscription = this.broker.subscribe(group, REQUESTS_TOPIC, (message) => this.onMessage(group, message));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  private async onMessage(group: string, message: IncomingMessage): Promise<void> {
    if (await this.notInThisDatabase(message)) return;
    let change: MonitoringChange | null = null;
    const outcome = await runWithCorrelation(message.headers[HEADERS.correlationId], () =>
      this.consumer.handle(group, message, async (envelope, manager) => {
        change = null;
        const projected = await this.project(manager, envelope);
        if (projected) change = { kind: 'projected', gridCode: projected.gridCode, requestId: envelope.requestId, eventType: envelope.type };
      }),
    );
    // Only now is the transaction committed: a dashboard that re-reads sees the change.
    if (outcome === 'processed' && change) this.updates.publish(change);
  }

  /**
   * The outbox publishes only committed events, so one missing from the event store belongs to
   * another database sharing the broker (tests, a second environment): skipped with one cheap
   * read, outside any transaction. A malformed message goes on to the consumer's dead-lettering.
   */
  private async notInThisDatabase(message: IncomingMessage): Promise<boolean> {
    let eventId: string;
    try {
      eventId = parseEnvelope(message.value).eventId;
    } catch {
      return false;
    }
    const found = (await this.dataSource.query('SELECT 1 FROM request_events WHERE event_id = $1', [eventId])) as unknown[];
    return found.length === 0;
  }

  /**
   * Brings the request's read model up to the announced event, reading the events it lacks
   * from the event store (the announced one included: the store is what was committed).
   * Returns the request row when something was applied, null for a duplicate or an event this
   * database does not hold.
   */
  async project(manager: EntityManager, envelope: Pick<EventEnvelope, 'requestId' | 'sequence'>): Promise<MonRequestRow | null> {
    const state = await ProjectionStore.load(manager, envelope.requestId);
    const last = state.request?.lastSequence ?? 0;
    if (envelope.sequence <= last) return null;
    const events = await ProjectionStore.storedEvents(manager, envelope.requestId, last, envelope.sequence);
    if (events.length === 0) {
      // Another database's request on a shared broker, or a write that never committed.
      this.logger.debug({ requestId: envelope.requestId, sequence: envelope.sequence }, 'event not in the event store; skipped');
      return null;
    }
    const applied = await this.applyAll(manager, state, events);
    return applied ? state.request : null;
  }

  /** Applies events in order to a loaded state and saves it; the path tests and the rebuild share. */
  async applyAll(manager: EntityManager, state: RequestProjectionState, events: readonly ProjectedEvent[]): Promise<boolean> {
    const ctx = await projectionContext(manager, this.clock, events);
    let changed = false;
    for (const event of events) {
      const outcome = applyEvent(state, event, ctx);
      if (outcome === 'gap') throw new Error(`monitoring: event ${event.sequence} of request ${event.requestId} follows a gap`);
      if (outcome !== 'already-applied') changed = true;
    }
    if (!changed) return false;
    const requestIds = [events[0].requestId];
    const before = await ProjectionStore.dailyParts(manager, requestIds);
    await ProjectionStore.save(manager, [state]);
    await ProjectionStore.applyDailyDelta(manager, requestIds, before);
    return true;
  }
}

/** The calendar as the deadline clock reads it, and the streets of the grids the events name. */
export async function projectionContext(
  manager: EntityManager,
  clock: DeadlineClock,
  events: readonly ProjectedEvent[],
  streets?: Map<string, string | null>,
): Promise<ProjectionContext> {
  const { calendar } = await clock.settingsFor(manager, '');
  let streetMap = streets;
  if (!streetMap) {
    const grids = events.flatMap((e) => (typeof e.payload.gridCode === 'string' && e.sequence === 1 ? [e.payload.gridCode] : []));
    streetMap = grids.length > 0 ? await ProjectionStore.streetsByGrid(manager, grids) : new Map();
  }
  const map = streetMap;
  return { calendar, streetOf: (gridCode) => map.get(gridCode) ?? null };
}
