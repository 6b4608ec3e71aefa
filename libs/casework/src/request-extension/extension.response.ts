import { toOffsetIso, toOffsetIsoOrNull } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';
import { AssignmentExtensionEntity, EXTENSION_STATUSES, ExtensionStatus } from '../database/assignment-extension.entity';

export class ExtensionResponse {
  @ApiProperty() id: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty({ enum: EXTENSION_STATUSES }) status: ExtensionStatus;
  @ApiProperty() previousDueAt: string;
  @ApiProperty() requestedDueAt: string;
  @ApiProperty() reason: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty() createdAt: string;
}

export function toExtensionResponse(e: AssignmentExtensionEntity): ExtensionResponse {
  return {
    id: e.id,
    assignmentId: e.assignmentId,
    status: e.status,
    previousDueAt: toOffsetIso(e.previousDueAt),
    requestedDueAt: toOffsetIso(e.requestedDueAt),
    reason: e.reason,
    requestedBy: e.requestedByName,
    decidedBy: e.decidedByName,
    decisionNote: e.decisionNote,
    decidedAt: toOffsetIsoOrNull(e.decidedAt),
    createdAt: toOffsetIso(e.createdAt),
  };
}
