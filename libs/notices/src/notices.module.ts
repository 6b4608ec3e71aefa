import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { ListNoticesHandler } from './list-notices/list-notices.handler';
import { NoticeFeed } from './live/notice-feed';
import { MarkNoticeReadHandler } from './mark-read/mark-notice-read.handler';
import { NoticeBook } from './notice-book';
import { NoticesController } from './notices.controller';
import { LoggingNoticeChannel } from './outbound/logging-notice.channel';
import { OutboundNoticeDispatcher } from './outbound/outbound-notice.dispatcher';
import { WebhookNoticeChannel } from './outbound/webhook-notice.channel';

/** Writing notices, for whoever handles the events that cause them (casework's timeline, the department handlers). */
@Module({
  providers: [NoticeBook],
  exports: [NoticeBook],
})
export class NoticeBookModule {}

/** The api's side: the list, read marks and the live stream. */
@Module({
  imports: [IdentityModule],
  controllers: [NoticesController],
  providers: [NoticeFeed, ListNoticesHandler, MarkNoticeReadHandler],
})
export class NoticesModule {}

/** Outbound deliveries of department notices, in the processes that run department handlers. */
@Module({
  providers: [LoggingNoticeChannel, WebhookNoticeChannel, OutboundNoticeDispatcher],
  exports: [OutboundNoticeDispatcher],
})
export class NoticeDispatchModule {}
