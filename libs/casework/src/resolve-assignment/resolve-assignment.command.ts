import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { AssignmentSummary } from '../request.responses';

export class ResolveAssignmentCommand extends Command<AssignmentSummary> {
  constructor(
    readonly actor: Actor,
    readonly assignmentId: string,
    readonly note: string,
    /** Handling photos (处置后) of the request that show the result. */
    readonly mediaIds: readonly string[] = [],
  ) {
    super();
  }
}
