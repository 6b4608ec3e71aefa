import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageDto } from './list-requests/list-requests.dto';
import { ListDecisionsQuery } from './list-decisions/list-decisions.query';
import { PendingDecisionPage } from './list-decisions/pending-decision.response';
import { ClaimAssignmentCommand } from './claim-assignment/claim-assignment.command';
import { ListAssignmentsDto } from './list-assignments/list-assignments.dto';
import { ListAssignmentsQuery } from './list-assignments/list-assignments.query';
import { AssignmentPage, AssignmentSummary } from './request.responses';
import { ResolveAssignmentCommand } from './resolve-assignment/resolve-assignment.command';
import { ResolutionNoteDto } from './resolve-assignment/resolve-assignment.dto';

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @Roles('dept_staff', 'leader', 'admin')
  @ApiOperation({ summary: 'A department’s queue (staff: their own), with the working time left to claim and to resolve each assignment' })
  @ApiOkResponse({ type: AssignmentPage })
  list(@CurrentActor() actor: Actor, @Query() filters: ListAssignmentsDto): Promise<AssignmentPage> {
    return this.queryBus.execute(new ListAssignmentsQuery(actor, filters));
  }

  @Get('decisions')
  @Roles('admin', 'dept_staff')
  @ApiOperation({
    summary:
      'Returns (退单) and extensions (延期) waiting for a decision, oldest first: admins see both; staff the extensions of requests their department leads (主办), not their own',
  })
  @ApiOkResponse({ type: PendingDecisionPage })
  decisions(@CurrentActor() actor: Actor, @Query() page: PageDto): Promise<PendingDecisionPage> {
    return this.queryBus.execute(new ListDecisionsQuery(actor, page));
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('dept_staff')
  @ApiOkResponse({ type: AssignmentSummary })
  claim(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AssignmentSummary> {
    return this.commandBus.execute(new ClaimAssignmentCommand(actor, id));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('dept_staff')
  @ApiOkResponse({ type: AssignmentSummary })
  resolve(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ResolutionNoteDto): Promise<AssignmentSummary> {
    return this.commandBus.execute(new ResolveAssignmentCommand(actor, id, body.note, body.mediaIds));
  }
}
