/**
 * The one error type business code throws. `kind` says how a transport should answer;
 * `code` is a stable string that clients and logs can rely on.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'too_many_requests';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    /** With too_many_requests: whole seconds until a retry may succeed (the Retry-After header). */
    readonly retryAfterSeconds?: number,
    /** Facts a client shows in its own words (who claimed first, when), answered as `details`. */
    readonly details?: Readonly<Record<string, string | number | null>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The same error with facts for the client's own words (see `details`). */
  with(details: Readonly<Record<string, string | number | null>>): DomainError {
    return new DomainError(this.kind, this.code, this.message, this.retryAfterSeconds, details);
  }

  static invalid(code: string, message: string): DomainError {
    return new DomainError('invalid', code, message);
  }
  static forbidden(code: string, message: string): DomainError {
    return new DomainError('forbidden', code, message);
  }
  static notFound(code: string, message: string): DomainError {
    return new DomainError('not_found', code, message);
  }
  static conflict(code: string, message: string): DomainError {
    return new DomainError('conflict', code, message);
  }
  static tooLarge(code: string, message: string): DomainError {
    return new DomainError('too_large', code, message);
  }
  static unsupportedMediaType(code: string, message: string): DomainError {
    return new DomainError('unsupported_media_type', code, message);
  }
  static unauthenticated(code: string, message: string): DomainError {
    return new DomainError('unauthenticated', code, message);
  }
  static tooManyRequests(code: string, message: string, retryAfterSeconds: number): DomainError {
    return new DomainError('too_many_requests', code, message, Math.max(1, Math.ceil(retryAfterSeconds)));
  }
}
