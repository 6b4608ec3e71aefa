import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsController } from './assignments.controller';
import { ClaimAssignmentHandler } from './claim-assignment/claim-assignment.handler';
import { AssignmentEntity } from './database/assignment.entity';
import { RequestEventEntity } from './database/request-event.entity';
import { RequestEntity } from './database/request.entity';
import { FileRequestHandler } from './file-request/file-request.handler';
import { GetRequestHandler } from './get-request/get-request.handler';
import { ListAssignmentsHandler } from './list-assignments/list-assignments.handler';
import { ListRequestsHandler } from './list-requests/list-requests.handler';
import { AssignmentDelivery } from './record-delivery/assignment-delivery';
import { RequestsController } from './requests.controller';
import { RoutingPolicyController } from './routing-policy/routing-policy.controller';
import { ResolveAssignmentHandler } from './resolve-assignment/resolve-assignment.handler';
import { ResolveGridTaskHandler } from './resolve-grid-task/resolve-grid-task.handler';
import { RequestTimeline } from './timeline/request-timeline';

export const CaseworkEntities = [RequestEntity, AssignmentEntity, RequestEventEntity];

/** Requests, their routing, their assignments to departments and their timeline (the command and query side). */
@Module({
  imports: [TypeOrmModule.forFeature(CaseworkEntities)],
  controllers: [
    RequestsController,
    AssignmentsController,
    RoutingPolicyController,
    // routing and intake controllers
    // calendar and escalation controllers
    // whistle, returns and feedback controllers
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
    // routing and intake providers
    // calendar and escalation providers
    // whistle, returns and feedback providers
  ],
})
export class CaseworkModule {}

/** What a department handler needs from casework, without its HTTP side. */
@Module({
  imports: [TypeOrmModule.forFeature(CaseworkEntities)],
  providers: [RequestTimeline, AssignmentDelivery],
  exports: [AssignmentDelivery],
})
export class CaseworkDeliveryModule {}
