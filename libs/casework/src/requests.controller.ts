import { Actor } from '@app/common';
import { idempotencyKeyOf } from './idempotency-key';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FileRequestCommand } from './file-request/file-request.command';
import { FileRequestDto } from './file-request/file-request.dto';
import { GetRequestQuery } from './get-request/get-request.query';
import { ListRequestsDto } from './list-requests/list-requests.dto';
import { ListRequestsQuery } from './list-requests/list-requests.query';
import { RequestDetail, RequestPage, RequestResponse } from './request.responses';
import { ResolutionNoteDto } from './resolve-assignment/resolve-assignment.dto';
import { ResolveGridTaskCommand } from './resolve-grid-task/resolve-grid-task.command';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @Roles('grid_worker')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key returns the first answer' })
  @ApiCreatedResponse({ type: RequestResponse })
  file(
    @CurrentActor() actor: Actor,
    @Body() body: FileRequestDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RequestResponse> {
    return this.commandBus.execute(new FileRequestCommand(actor, body, idempotencyKeyOf(idempotencyKey)));
  }

  @Get()
  @ApiOperation({ summary: 'Requests the caller may see, with the working time left before each is due' })
  @ApiOkResponse({ type: RequestPage })
  list(@CurrentActor() actor: Actor, @Query() filters: ListRequestsDto): Promise<RequestPage> {
    return this.queryBus.execute(new ListRequestsQuery(actor, filters));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A request with its timeline, whistles and photos; the reporter’s contact, each read of which the audit log records' })
  @ApiOkResponse({ type: RequestDetail })
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RequestDetail> {
    return this.queryBus.execute(new GetRequestQuery(actor, id));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('grid_worker')
  @ApiOkResponse({ type: RequestResponse })
  resolve(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ResolutionNoteDto): Promise<RequestResponse> {
    return this.commandBus.execute(new ResolveGridTaskCommand(actor, id, body.note, body.mediaIds));
  }
}
