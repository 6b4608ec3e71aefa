/**
 * The project's messaging port. Business code sees only this; kafkajs (or the in-process
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

export interface Subscription {
  close(): Promise<void>;
}

export abstract class MessageBroker {
  /** Creates topics that do not exist yet and waits until they have leaders. */
  abstract ensureTopics(topics: readonly string[]): Promise<void>;
  /** Publishes in order; resolves once every message is acknowledged by all in-sync replicas. */
  abstract publish(messages: readonly OutgoingMessage[]): Promise<void>;
  /** Joins `groupId` on `topic`; a new group starts from the earliest message. */
  abstract subscribe(groupId: string, topic: string, handler: MessageHandler): Promise<Subscription>;
  /** Throws when the broker cannot be reached. */
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;

  /** Nest calls this after every `beforeApplicationShutdown` hook (relay, consumers) has finished. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
