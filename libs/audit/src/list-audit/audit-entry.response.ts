import { ROLES, Role } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction } from '../audit-log';

export class AuditActorResponse {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class AuditTargetResponse {
  @ApiProperty({ example: 'user' }) type: string;
  @ApiProperty() id: string;
}

export class AuditEntryResponse {
  @ApiProperty({ description: 'Grows with each entry' }) id: number;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ type: AuditActorResponse, nullable: true, description: 'null: the system itself' }) actor: AuditActorResponse | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: AuditAction;
  @ApiProperty({ type: AuditTargetResponse }) target: AuditTargetResponse;
  @ApiProperty({ type: Object, description: 'What changed ({field: {from, to}} or {added, removed}), or a summary; never a secret' })
  details: Record<string, unknown>;
  @ApiProperty({ description: 'The correlation id of the HTTP call, as in the logs and the events' }) correlationId: string;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntryResponse] }) items: AuditEntryResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
