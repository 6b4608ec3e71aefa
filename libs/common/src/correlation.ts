import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Carries the correlation id of the HTTP request or Kafka message being handled. */
const storage = new AsyncLocalStorage<{ correlationId: string }>();

export const CORRELATION_HEADER = 'x-correlation-id';

export function runWithCorrelation<T>(correlationId: string | undefined, fn: () => T): T {
  return storage.run({ correlationId: correlationId || randomUUID() }, fn);
}

/** The correlation id in force, or undefined outside any request or message. */
export function peekCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function currentCorrelationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}

/** Correlation ids come from outside: keep only a short, printable one. */
export function acceptCorrelationId(raw: unknown): string | undefined {
  return typeof raw === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(raw) ? raw : undefined;
}
