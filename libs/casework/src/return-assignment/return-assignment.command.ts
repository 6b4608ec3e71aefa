import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { AssignmentSummary } from '../request.responses';

export class ReturnAssignmentCommand extends Command<AssignmentSummary> {
  constructor(
    readonly actor: Actor,
    readonly assignmentId: string,
    readonly reason: string,
  ) {
    super();
  }
}
