import { DomainError } from '@app/common';
import type { MessageEvent } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, exhaustMap, filter, from, interval, map, merge, Observable, of, take, takeUntil } from 'rxjs';
import { bearerTokenOf } from './auth.guard';
import { TokenService } from './token.service';

/** Keeps idle connections open through proxies that drop silent ones. */
const HEARTBEAT_MS = 25_000;
/**
 * How often an open stream checks that its token still holds: a user disabled or moved stops
 * receiving within this time, not when the tab is closed.
 */
const STREAM_RECHECK_MS = 5_000;

/**
 * A server-sent event stream for the signed-in caller: the events, a `ping` every 25 s, ending once
 * the guard would no longer let the request's token in. Only a refused token ends it; a database
 * hiccup is tried again at the next check.
 */
export function tokenBoundStream(events: Observable<MessageEvent>, request: Request, tokens: TokenService): Observable<MessageEvent> {
  const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
  const token = bearerTokenOf(request, true) ?? '';
  const revoked = interval(STREAM_RECHECK_MS).pipe(
    exhaustMap(() =>
      from(tokens.verify(token)).pipe(
        map(() => false),
        catchError((error: unknown) => of(error instanceof DomainError)),
      ),
    ),
    filter((ended) => ended),
    take(1),
  );
  return merge(events, heartbeat).pipe(takeUntil(revoked));
}
