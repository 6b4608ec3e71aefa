import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LinkDuplicateCommand } from './link-duplicate.command';
import { LinkDuplicateDto, LinkDuplicateResponse } from './link-duplicate.dto';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class LinkDuplicateController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Closes this request as a duplicate of `originalId`, which counts one report more. */
  @Post(':id/link-duplicate')
  @HttpCode(200)
  @Roles('grid_worker', 'dept_staff')
  @ApiOkResponse({ type: LinkDuplicateResponse })
  link(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: LinkDuplicateDto): Promise<LinkDuplicateResponse> {
    return this.commandBus.execute(new LinkDuplicateCommand(actor, id, body.originalId));
  }
}
