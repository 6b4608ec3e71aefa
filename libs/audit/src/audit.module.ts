import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log';
import { AuditController } from './list-audit/audit.controller';
import { ListAuditHandler } from './list-audit/list-audit.handler';

/** The audit log: AuditLog for the contexts that record into it, GET /audit for admins. */
@Module({
  controllers: [AuditController],
  providers: [AuditLog, ListAuditHandler],
  exports: [AuditLog],
})
export class AuditModule {}
