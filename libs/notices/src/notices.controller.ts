import { Actor } from '@app/common';
import { CurrentActor, Roles, TokenInQuery, UuidParam } from '@app/common/http';
import { TokenService, tokenBoundStream } from '@app/identity';
import { Controller, Get, HttpCode, MessageEvent, Post, Query, Req, Sse } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { filter, map, Observable } from 'rxjs';
import { receives } from './domain/recipients';
import { ListNoticesDto } from './list-notices/list-notices.dto';
import { ListNoticesQuery } from './list-notices/list-notices.query';
import { NoticeFeed } from './live/notice-feed';
import { MarkNoticeReadCommand } from './mark-read/mark-notice-read.command';
import { NoticePage, NoticeResponse } from './notice.response';

/** A notice whose transaction began a little before the stream opened still reaches it. */
const OPENING_SLACK_MS = 5_000;

@ApiTags('notices')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
    private readonly feed: NoticeFeed,
    private readonly tokens: TokenService,
  ) {}

  @Get()
  @Roles('grid_worker', 'dept_staff', 'leader')
  @ApiOperation({
    summary:
      'The caller’s notices, newest first: staff their department’s (whistle summons, 催办 reminders, new assignments, returns sent back, …); grid workers and leaders their grids’ (returns and their decisions, reopenings, arrivals on site, …)',
  })
  @ApiOkResponse({ type: NoticePage })
  list(@CurrentActor() actor: Actor, @Query() filters: ListNoticesDto): Promise<NoticePage> {
    return this.queryBus.execute(new ListNoticesQuery(actor, filters));
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles('grid_worker', 'dept_staff', 'leader')
  @ApiOperation({ summary: 'Marks a notice read for the caller (colleagues keep theirs unread); marking it again changes nothing' })
  @ApiOkResponse({ type: NoticeResponse })
  read(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<NoticeResponse> {
    return this.commandBus.execute(new MarkNoticeReadCommand(actor, id));
  }

  @ApiOperation({
    summary:
      'New notices of the caller as server-sent events: `notice` with {id, kind, requestId, trackingNo, title, createdAt, data}, `ping` every 25 s; the token may come as ?access_token= (EventSource sends no headers)',
  })
  @ApiQuery({ name: 'access_token', required: false })
  @Roles('grid_worker', 'dept_staff', 'leader')
  @TokenInQuery()
  @Sse('stream')
  stream(@CurrentActor() actor: Actor, @Req() request: Request): Observable<MessageEvent> {
    const openedAt = Date.now() - OPENING_SLACK_MS;
    const notices = this.feed.notices$.pipe(
      filter((live) => receives(actor, live) && Date.parse(live.notice.createdAt) >= openedAt),
      map((live): MessageEvent => ({ type: 'notice', id: live.notice.id, data: live.notice })),
    );
    return tokenBoundStream(notices, request, this.tokens);
  }
}
