import { Actor, DomainError } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FileRequestCommand } from './file-request/file-request.command';
import { FileRequestDto } from './file-request/file-request.dto';
import { GetRequestQuery } from './get-request/get-request.query';
import { ListRequestsDto } from './list-requests/list-requests.dto';
import { ListRequestsQuery } from './list-requests/list-requests.query';
import { RequestPage, RequestResponse } from './request.responses';
import { ResolutionNoteDto } from './resolve-assignment/resolve-assignment.dto';
import { ResolveGridTaskCommand } from './resolve-grid-task/resolve-grid-task.command';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

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
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw DomainError.invalid('CASEWORK.BAD_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 100 letters, digits, ".", "_", ":" or "-"');
    }
    return this.commandBus.execute(new FileRequestCommand(actor, body, idempotencyKey ?? null));
  }

  @Get()
  @ApiOkResponse({ type: RequestPage })
  list(@CurrentActor() actor: Actor, @Query() filters: ListRequestsDto): Promise<RequestPage> {
    return this.queryBus.execute(new ListRequestsQuery(actor, filters));
  }

  @Get(':id')
  @ApiOkResponse({ type: RequestResponse })
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RequestResponse> {
    return this.queryBus.execute(new GetRequestQuery(actor, id));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('grid_worker')
  @ApiOkResponse({ type: RequestResponse })
  resolve(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ResolutionNoteDto): Promise<RequestResponse> {
    return this.commandBus.execute(new ResolveGridTaskCommand(actor, id, body.note));
  }
}
