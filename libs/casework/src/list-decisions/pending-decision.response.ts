import { ApiProperty } from '@nestjs/swagger';
import { ASSIGNMENT_ROLES, AssignmentRole } from '../domain/lifecycle';

export const DECISION_KINDS = ['return', 'extension'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** A 退单 or a 延期 that waits for someone to decide it. */
export class PendingDecision {
  @ApiProperty({ enum: DECISION_KINDS, description: 'return: decide with POST /assignments/:id/return-decision; extension: POST /assignments/:id/extension-decision' })
  kind: DecisionKind;
  @ApiProperty() assignmentId: string;
  @ApiProperty() requestId: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty() title: string;
  @ApiProperty() gridCode: string;
  @ApiProperty() categoryCode: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty({ enum: ASSIGNMENT_ROLES }) role: AssignmentRole;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ description: 'Who returned it or asked for more time (username)' }) requestedBy: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ description: 'The reason given' }) reason: string;
  @ApiProperty({ description: 'The assignment’s due time now' }) dueAt: string;
  @ApiProperty({ description: 'The request’s due time now' }) requestDueAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'extension: its id; return: null' }) extensionId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'extension: the due time asked for; return: null' }) requestedDueAt: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'extension: the working minutes on the county’s calendar that approving adds to the assignment; return: null',
  })
  extraWorkingMinutes: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'extension: approving also moves the request’s due time (the part would end after it); return: null' })
  movesRequestDueAt: boolean | null;
}

export class PendingDecisionPage {
  @ApiProperty({ type: [PendingDecision] }) items: PendingDecision[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
