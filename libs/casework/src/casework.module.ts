import { AuditModule } from '@app/audit';
import { APP_CONFIG, AppConfig } from '@app/common';
import { NoticeBookModule } from '@app/notices';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsController } from './assignments.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CategoryDeadlinesController } from './calendar/category-deadlines.controller';
import { DeadlineClock } from './calendar/deadline-clock';
import { GetCalendarHandler } from './calendar/get-calendar.handler';
import { GetCategoryDeadlinesHandler } from './calendar/get-category-deadlines.handler';
import { SetCategoryDeadlinesHandler } from './calendar/set-category-deadlines.handler';
import { UpdateCalendarHandler } from './calendar/update-calendar.handler';
import { DeadlineAlerts } from './deadline-watch/deadline-alerts';
import { DeadlineWatcher } from './deadline-watch/deadline-watcher';
import { OverdueAssignments } from './deadline-watch/overdue-assignments';
import { OverdueGridTasks } from './deadline-watch/overdue-grid-tasks';
import { ClaimAssignmentHandler } from './claim-assignment/claim-assignment.handler';
import { AssignmentEntity } from './database/assignment.entity';
import { RequestEventEntity } from './database/request-event.entity';
import { RequestEntity } from './database/request.entity';
import { FileRequestHandler } from './file-request/file-request.handler';
import { GetRequestHandler } from './get-request/get-request.handler';
import { ListAssignmentsHandler } from './list-assignments/list-assignments.handler';
import { ListRequestsHandler } from './list-requests/list-requests.handler';
import { ListDecisionsHandler } from './list-decisions/list-decisions.handler';
import { AssignmentDelivery } from './record-delivery/assignment-delivery';
import { RequestsController } from './requests.controller';
import { RoutingPolicyController } from './routing-policy/routing-policy.controller';
import { EscalateRequestController } from './escalate-request/escalate-request.controller';
import { EscalateRequestHandler } from './escalate-request/escalate-request.handler';
import { RequestEscalation } from './escalate-request/request-escalation';
import { CaseMessagesController } from './case-messages/case-messages.controller';
import { PostMessageHandler } from './case-messages/post-message.handler';
import { LinkDuplicateController } from './link-duplicate/link-duplicate.controller';
import { LinkDuplicateHandler } from './link-duplicate/link-duplicate.handler';
import { GetRoutingPolicyHandler } from './routing-policy/get-routing-policy.handler';
import { RoutingPolicyStore } from './routing-policy/routing-policy.store';
import { SaveRoutingPolicyHandler } from './routing-policy/save-routing-policy.handler';
import { ResolveAssignmentHandler } from './resolve-assignment/resolve-assignment.handler';
import { ResolveGridTaskHandler } from './resolve-grid-task/resolve-grid-task.handler';
import { RequestTimeline } from './timeline/request-timeline';
import { AssignmentExtensionEntity } from './database/assignment-extension.entity';
import { RequestFeedbackEntity } from './database/request-feedback.entity';
import { WhistleSummonsEntity } from './database/whistle-summons.entity';
import { WhistleEntity } from './database/whistle.entity';
import { DecideExtensionController } from './decide-extension/decide-extension.controller';
import { DecideExtensionHandler } from './decide-extension/decide-extension.handler';
import { DecideReturnController } from './decide-return/decide-return.controller';
import { DecideReturnHandler } from './decide-return/decide-return.handler';
import { GiveFeedbackController } from './give-feedback/give-feedback.controller';
import { GiveFeedbackHandler } from './give-feedback/give-feedback.handler';
import { RequestExtensionController } from './request-extension/request-extension.controller';
import { RequestExtensionHandler } from './request-extension/request-extension.handler';
import { ReturnAssignmentController } from './return-assignment/return-assignment.controller';
import { ReturnAssignmentHandler } from './return-assignment/return-assignment.handler';
import { TrackRequestHandler } from './track/track-request.handler';
import { TrackController } from './track/track.controller';
import { BlowWhistleHandler } from './whistle/blow-whistle.handler';
import { ListWhistlesHandler } from './whistle/list-whistles.handler';
import { ReportArrivalHandler } from './whistle/report-arrival.handler';
import { WhistlesController } from './whistle/whistles.controller';
import { MediaEntity } from './database/media.entity';
import { AttachMediaController } from './media/attach-media/attach-media.controller';
import { AttachMediaHandler } from './media/attach-media/attach-media.handler';
import { GetMediaHandler } from './media/get-media/get-media.handler';
import { MediaController } from './media/get-media/media.controller';
import { LocalDirectoryStorage } from './media/storage/local-directory.storage';
import { MediaStorage } from './media/storage/media-storage';

export const CaseworkEntities = [
  RequestEntity,
  AssignmentEntity,
  RequestEventEntity,
  WhistleEntity,
  WhistleSummonsEntity,
  AssignmentExtensionEntity,
  RequestFeedbackEntity,
  MediaEntity,
];

/** Requests, their routing, their assignments to departments and their timeline (the command and query side). */
@Module({
  imports: [AuditModule, NoticeBookModule, TypeOrmModule.forFeature(CaseworkEntities)],
  controllers: [
    RequestsController,
    AssignmentsController,
    RoutingPolicyController,
    // routing and intake controllers
    EscalateRequestController,
    LinkDuplicateController,
    CaseMessagesController,
    // calendar and escalation controllers
    CalendarController,
    CategoryDeadlinesController,
    // whistle, returns and feedback controllers
    WhistlesController,
    ReturnAssignmentController,
    DecideReturnController,
    RequestExtensionController,
    DecideExtensionController,
    GiveFeedbackController,
    TrackController,
    // photos
    AttachMediaController,
    MediaController,
  ],
  providers: [
    RequestTimeline,
    FileRequestHandler,
    ResolveGridTaskHandler,
    ClaimAssignmentHandler,
    ResolveAssignmentHandler,
    GetRequestHandler,
    ListRequestsHandler,
    ListAssignmentsHandler,
    ListDecisionsHandler,
    // routing and intake providers
    RoutingPolicyStore,
    GetRoutingPolicyHandler,
    SaveRoutingPolicyHandler,
    RequestEscalation,
    EscalateRequestHandler,
    LinkDuplicateHandler,
    PostMessageHandler,
    // calendar and escalation providers
    DeadlineClock,
    GetCalendarHandler,
    UpdateCalendarHandler,
    GetCategoryDeadlinesHandler,
    SetCategoryDeadlinesHandler,
    OverdueGridTasks,
    OverdueAssignments,
    DeadlineAlerts,
    DeadlineWatcher,
    // whistle, returns and feedback providers
    BlowWhistleHandler,
    ReportArrivalHandler,
    ListWhistlesHandler,
    ReturnAssignmentHandler,
    DecideReturnHandler,
    RequestExtensionHandler,
    DecideExtensionHandler,
    GiveFeedbackHandler,
    TrackRequestHandler,
    // photos
    { provide: MediaStorage, useFactory: (config: AppConfig) => new LocalDirectoryStorage(config.mediaDir), inject: [APP_CONFIG] },
    AttachMediaHandler,
    GetMediaHandler,
  ],
})
export class CaseworkModule {}

/** What a department handler needs from casework, without its HTTP side. */
@Module({
  imports: [NoticeBookModule, TypeOrmModule.forFeature(CaseworkEntities)],
  providers: [RequestTimeline, AssignmentDelivery],
  exports: [AssignmentDelivery],
})
export class CaseworkDeliveryModule {}
