import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { TimelineEntry } from '../request.responses';
import { PostMessageCommand } from './post-message.command';
import { PostMessageDto } from './post-message.dto';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class CaseMessagesController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Posts a message to the other departments of the case; answers its timeline entry. */
  @Post(':id/messages')
  @Roles('dept_staff')
  @ApiCreatedResponse({ type: TimelineEntry })
  post(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: PostMessageDto): Promise<TimelineEntry> {
    return this.commandBus.execute(new PostMessageCommand(actor, id, body.body));
  }
}
