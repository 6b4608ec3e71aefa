import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { currentCorrelationId } from '../correlation';
import { DomainError, ErrorKind } from '../domain-error';

const STATUS_OF: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  correlationId?: string;
  details?: unknown;
}

/** Says whether an error means a dependency cannot serve right now (a 503 the client retries), not a fault. */
export type UnavailabilityCheck = (error: unknown) => boolean;

/** Seconds a client should wait before trying again after a 503. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Every HTTP error leaves as {statusCode, error, message}; unknown errors hide their details.
 * An error that `unavailable` recognises (the database restarting, say) is a 503 with Retry-After.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(private readonly unavailable: UnavailabilityCheck[] = []) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (this.unavailable.some((check) => check(exception))) {
      this.logger.warn({ err: exception }, 'a dependency is unavailable; answered 503');
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      response.status(503).json({
        statusCode: 503,
        error: REASON[503],
        message: 'the service cannot reach its database right now; try again in a few seconds',
        code: 'SERVICE.UNAVAILABLE',
      });
      return;
    }
    const body = this.toBody(exception);
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    // Errors we raise on purpose (a 503 from a readiness probe) are answers, not faults.
    if (body.statusCode >= 500 && !(exception instanceof HttpException)) {
      this.logger.error({ err: exception, correlationId: body.correlationId }, 'unhandled error');
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_OF[exception.kind];
      return { statusCode, error: REASON[statusCode], message: exception.message, code: exception.code, ...(exception.details ? { details: exception.details } : {}) };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const message =
        typeof raw === 'string'
          ? raw
          : Array.isArray((raw as { message?: unknown }).message)
            ? ((raw as { message: string[] }).message).join('; ')
            : String((raw as { message?: unknown }).message ?? exception.message);
      const details = typeof raw === 'object' && raw !== null ? (raw as { details?: unknown }).details : undefined;
      if (details && typeof details === 'object') {
        // A failed health check: say which dependency is down, and why, and keep the per-dependency details.
        const down = Object.entries(details as Record<string, { status?: string; message?: unknown }>)
          .filter(([, check]) => check?.status !== 'up')
          .map(([name, check]) => (typeof check?.message === 'string' ? `${name} down (${check.message})` : `${name} down`));
        return { statusCode, error: REASON[statusCode] ?? exception.name, message: `not ready: ${down.join('; ')}`, details };
      }
      return { statusCode, error: REASON[statusCode] ?? exception.name, message };
    }
    const correlationId = currentCorrelationId();
    return {
      statusCode: 500,
      error: REASON[500],
      message: `Something went wrong on our side; quote correlation id ${correlationId}`,
      correlationId,
    };
  }
}
