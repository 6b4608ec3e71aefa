import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ type: AssignmentPage })
  list(@CurrentActor() actor: Actor, @Query() filters: ListAssignmentsDto): Promise<AssignmentPage> {
    return this.queryBus.execute(new ListAssignmentsQuery(actor, filters));
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
    return this.commandBus.execute(new ResolveAssignmentCommand(actor, id, body.note));
  }
}
