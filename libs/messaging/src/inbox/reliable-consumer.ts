import { APP_CONFIG, AppConfig, runWithCorrelation } from '@app/common';
import { isDatabaseUnavailable, UnitOfWork } from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { EntityManager } from 'typeorm';
import { deadLetterTopic, EventEnvelope, HEADERS } from '../envelope';
import { IncomingMessage, MessageBroker, Subscription } from '../message-broker';
import { parseEnvelope, PoisonMessageError } from './envelope.dto';

/** Does the work for one event inside the inbox's transaction. */
export type EnvelopeHandler = (envelope: EventEnvelope, manager: EntityManager) => Promise<void>;

export type HandlingOutcome = 'processed' | 'duplicate' | 'dead-lettered';

const RETRY_DELAY_MS = 200;

/**
 * Consumes a topic with at-least-once delivery made safe: each event is handled once per
 * consumer (the inbox row commits with the handler's work), a failing one is retried a
 * bounded number of times, then goes to `<topic>.dlq` with its error so the partition moves on.
 * A database that cannot serve (restarting, unreachable, overloaded) is no fault of the message:
 * the error goes up to the subscription, which leaves the offset uncommitted and retries later,
 * so an outage longer than the retries never dead-letters good events.
 */
@Injectable()
export class ReliableConsumer {
  private readonly logger = new Logger(ReliableConsumer.name);

  constructor(
    private readonly broker: MessageBroker,
    private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectMetric('consumer_messages_total') private readonly handled: Counter<'consumer' | 'outcome'>,
  ) {}

  /** Subscribes at once; the broker joins in the background (see MessageBroker.subscribe). */
  consume(consumer: string, topic: string, handler: EnvelopeHandler): Subscription {
    return this.broker.subscribe(consumer, topic, async (message) => {
      const outcome = await runWithCorrelation(message.headers[HEADERS.correlationId], () =>
        this.handle(consumer, message, handler),
      );
      this.handled.inc({ consumer, outcome });
    });
  }

  async handle(consumer: string, message: IncomingMessage, handler: EnvelopeHandler): Promise<HandlingOutcome> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.config.handlerMaxAttempts; attempt++) {
      try {
        const envelope = parseEnvelope(message.value);
        return await this.unitOfWork.run(async (manager) => {
          const inserted: unknown[] = await manager.query(
            'INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
            [consumer, envelope.eventId],
          );
          if (inserted.length === 0) return 'duplicate';
          await handler(envelope, manager);
          return 'processed';
        });
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          this.logger.warn({ err: error, consumer, topic: message.topic, offset: message.offset }, 'database unavailable; the message waits for it');
          throw error;
        }
        lastError = error;
        if (error instanceof PoisonMessageError) break; // retrying cannot fix a malformed message
        this.logger.warn({ err: error, consumer, attempt, topic: message.topic, offset: message.offset }, 'handler failed');
        if (attempt < this.config.handlerMaxAttempts) await new Promise((r) => setTimeout(r, RETRY_DELAY_MS * attempt));
      }
    }
    await this.deadLetter(consumer, message, lastError);
    return 'dead-lettered';
  }

  private async deadLetter(consumer: string, message: IncomingMessage, error: unknown): Promise<void> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.logger.error({ consumer, topic: message.topic, offset: message.offset, reason }, 'message dead-lettered');
    // If this publish fails the handler throws, the offset stays uncommitted and the message comes back.
    await this.broker.publish([
      {
        topic: deadLetterTopic(message.topic),
        key: message.key ?? '',
        value: message.value ?? '',
        headers: {
          ...message.headers,
          [HEADERS.error]: reason.slice(0, 2000),
          [HEADERS.originalTopic]: message.topic,
          [HEADERS.originalPartition]: String(message.partition),
          [HEADERS.originalOffset]: message.offset,
          [HEADERS.attempts]: String(this.config.handlerMaxAttempts),
          'dlq-consumer': consumer,
        },
      },
    ]);
  }
}
