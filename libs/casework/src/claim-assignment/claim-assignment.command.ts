import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { AssignmentSummary } from '../request.responses';

export class ClaimAssignmentCommand extends Command<AssignmentSummary & { claimedBy: string }> {
  constructor(
    readonly actor: Actor,
    readonly assignmentId: string,
  ) {
    super();
  }
}
