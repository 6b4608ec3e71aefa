import { acceptCorrelationId, CORRELATION_HEADER, runWithCorrelation } from '@app/common';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * The request's correlation id: the caller's X-Correlation-Id when it is sane, else a new one.
 * Decided once per request (by whichever middleware runs first) and echoed in the response.
 */
export function correlationIdFor(request: IncomingMessage & { correlationId?: string }, response: ServerResponse): string {
  if (!request.correlationId) {
    request.correlationId = acceptCorrelationId(request.headers[CORRELATION_HEADER]) ?? randomUUID();
    response.setHeader(CORRELATION_HEADER, request.correlationId);
  }
  return request.correlationId;
}

/** Keeps the correlation id for logs and events written while the request is handled. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    runWithCorrelation(correlationIdFor(request, response), next);
  }
}
