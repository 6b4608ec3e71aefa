import { Actor } from '@app/common';
import { CurrentActor, Roles, TokenInQuery } from '@app/common/http';
import { TokenService, tokenBoundStream } from '@app/identity';
import { Controller, MessageEvent, Req, Sse } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { filter, map, Observable } from 'rxjs';
import { MonitoringChange, MonitoringUpdates } from '../live/monitoring-updates';


/** What a signed-in user may watch: a leader their grids (领导挂点), the admin every grid. */
export function watches(actor: Actor, change: MonitoringChange): boolean {
  return actor.role === 'admin' || (actor.role === 'leader' && actor.gridCodes.includes(change.gridCode));
}

/** One change as a server-sent event: `update` when read models changed, `alert` for a deadline alert. */
export function toMessage(change: MonitoringChange): MessageEvent {
  switch (change.kind) {
    case 'projected':
      return { type: 'update', data: { gridCode: change.gridCode, requestId: change.requestId, eventType: change.eventType } };
    case 'alert':
      return {
        type: 'alert',
        data: { gridCode: change.gridCode, requestId: change.requestId, alert: change.alert, dueAt: change.dueAt, title: change.title },
      };
  }
}

@ApiTags('monitoring')
@Controller('monitoring')
export class MonitoringStreamController {
  constructor(
    private readonly updates: MonitoringUpdates,
    private readonly tokens: TokenService,
  ) {}

  @ApiOperation({
    summary: 'Live changes of the caller’s grids as server-sent events (`update`, `alert`); the token may come as ?access_token= (EventSource sends no headers)',
  })
  @ApiQuery({ name: 'access_token', required: false })
  @Roles('leader', 'admin')
  @TokenInQuery()
  @Sse('stream')
  stream(@CurrentActor() actor: Actor, @Req() request: Request): Observable<MessageEvent> {
    const changes = this.updates.changes$.pipe(
      filter((change) => watches(actor, change)),
      map(toMessage),
    );
    return tokenBoundStream(changes, request, this.tokens);
  }
}
