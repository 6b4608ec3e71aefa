import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { AssignmentPage } from '../request.responses';
import { ListAssignmentsDto } from './list-assignments.dto';

export class ListAssignmentsQuery extends Query<AssignmentPage> {
  constructor(
    readonly actor: Actor,
    readonly filters: ListAssignmentsDto,
  ) {
    super();
  }
}
