import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AssignmentSummary } from '../request.responses';
import { ReturnAssignmentCommand } from './return-assignment.command';
import { ReturnAssignmentDto } from './return-assignment.dto';

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class ReturnAssignmentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/return')
  @HttpCode(200)
  @Roles('dept_staff')
  @ApiOkResponse({ type: AssignmentSummary })
  returnAssignment(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ReturnAssignmentDto): Promise<AssignmentSummary> {
    return this.commandBus.execute(new ReturnAssignmentCommand(actor, id, body.reason));
  }
}
