/**
 * The project's messaging port. Business code sees only this; kafkajs (or the database log
 * stand-in of the embedded default) sits behind it, so another client can replace it.
 */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Resolves when the message is done with; its offset is committed only then. */
export type MessageHandler = (message: IncomingMessage) => Promise<void>;

/**
 * Where a subscription stands: `joining` its group (or waiting for the broker), `consuming`,
 * `restarting` after a failure or a stall, `closed`.
 */
export type ConsumerState = 'joining' | 'consuming' | 'restarting' | 'closed';

export interface ConsumerStatus {
  groupId: string;
  topic: string;
  state: ConsumerState;
  /** When the subscription entered its state. */
  since: Date;
  /** The last sign of life of the consumer (a fetch, a heartbeat, a message handled). */
  lastActivityAt: Date | null;
  /** Fresh consumers started after a crash or a stall. */
  restarts: number;
  /** Why it last restarted. */
  lastError: string | null;
}

export interface Subscription {
  status(): ConsumerStatus;
  close(): Promise<void>;
}

export abstract class MessageBroker {
  /** Creates topics that do not exist yet and waits until they have leaders. */
  abstract ensureTopics(topics: readonly string[]): Promise<void>;
  /** Publishes in order; resolves once every message is acknowledged by all in-sync replicas. */
  abstract publish(messages: readonly OutgoingMessage[]): Promise<void>;
  /**
   * Joins `groupId` on `topic` (a new group starts from the earliest message), creating the topic
   * and its dead-letter topic (`<topic>.dlq`) first when they do not exist. Never fails for an
   * unreachable broker: the subscription keeps trying in the background, rejoins by itself after an
   * outage or a stall, and says where it stands in `status()` until it is closed.
   */
  abstract subscribe(groupId: string, topic: string, handler: MessageHandler): Subscription;
  /** Every open subscription of this process, for readiness and metrics. */
  abstract consumers(): ConsumerStatus[];
  /** Messages of `topic` that `groupId` has not committed yet; null when the broker cannot say now. */
  abstract consumerLag(groupId: string, topic: string): Promise<number | null>;
  /** Throws when the broker cannot be reached. */
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;

  /** Nest calls this after every `beforeApplicationShutdown` hook (relay, consumers) has finished. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
