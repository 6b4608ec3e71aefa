import { Roles } from '@app/common/http';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditPage } from './audit-entry.response';
import { ListAuditDto } from './list-audit.dto';
import { ListAuditQuery } from './list-audit.query';

/** The audit log (操作日志), read-only: no endpoint changes or removes an entry. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: AuditPage })
  list(@Query() filters: ListAuditDto): Promise<AuditPage> {
    return this.queryBus.execute(new ListAuditQuery(filters));
  }
}
