import { Query } from '@nestjs/cqrs';
import { AuditPage } from './audit-entry.response';
import { ListAuditDto } from './list-audit.dto';

export class ListAuditQuery extends Query<AuditPage> {
  constructor(readonly filters: ListAuditDto) {
    super();
  }
}
