import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { AssignmentSummary } from '../request.responses';

export class ResolveAssignmentCommand extends Command<AssignmentSummary> {
  constructor(
    readonly actor: Actor,
    readonly assignmentId: string,
    readonly note: string,
  ) {
    super();
  }
}
