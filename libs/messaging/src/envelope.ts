/** The event envelope of PRODUCT.md section 5; `sequence` grows by one per request. */
export interface EventEnvelope<P = Record<string, unknown>> {
  eventId: string;
  type: string;
  version: number;
  occurredAt: string;
  requestId: string;
  sequence: number;
  gridId: string;
  correlationId: string;
  payload: P;
}

export const REQUESTS_TOPIC = 'governance.requests.v1';
export const LEADERS_TOPIC = 'governance.leaders.v1';

export function departmentTopic(departmentCode: string): string {
  return `governance.dept.${departmentCode}.v1`;
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Kafka header names; the correlation id travels here as well as in the envelope. */
export const HEADERS = {
  correlationId: 'correlation-id',
  eventId: 'event-id',
  eventType: 'event-type',
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  attempts: 'dlq-attempts',
} as const;
