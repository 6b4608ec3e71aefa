import { ConsumerState, ConsumerStatus } from './message-broker';

/** What a subscription says of itself (MessageBroker.consumers()), kept the same way by every adapter. */
export class ConsumerStatusTracker {
  private current: ConsumerState = 'joining';
  private since = new Date();
  private lastActivityAt: Date | null = null;
  private restarts = 0;
  private lastError: string | null = null;

  constructor(
    readonly groupId: string,
    readonly topic: string,
  ) {}

  get state(): ConsumerState {
    return this.current;
  }

  get closed(): boolean {
    return this.current === 'closed';
  }

  /** When the subscription entered its state. */
  get enteredAt(): Date {
    return this.since;
  }

  /** The last sign of life, or the state's start when there was none. */
  get lastSignOfLife(): Date {
    return this.lastActivityAt ?? this.since;
  }

  enter(state: ConsumerState): void {
    if (this.current === state) return;
    this.current = state;
    this.since = new Date();
  }

  alive(): void {
    this.lastActivityAt = new Date();
  }

  /** Counts a restart and its reason; returns how many there have been. */
  failed(reason: string): number {
    this.restarts += 1;
    this.lastError = reason;
    this.enter('restarting');
    return this.restarts;
  }

  status(): ConsumerStatus {
    return {
      groupId: this.groupId,
      topic: this.topic,
      state: this.current,
      since: this.since,
      lastActivityAt: this.lastActivityAt,
      restarts: this.restarts,
      lastError: this.lastError,
    };
  }
}
