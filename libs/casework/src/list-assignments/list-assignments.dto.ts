import { CodeField, EnumField } from '@app/common/http';
import { ASSIGNMENT_STATUSES, AssignmentStatus } from '../domain/lifecycle';
import { PageDto } from '../list-requests/list-requests.dto';

export class ListAssignmentsDto extends PageDto {
  @CodeField({ optional: true, description: 'Department code; staff default to their own' }) department?: string;
  @EnumField(ASSIGNMENT_STATUSES, { optional: true }) status?: AssignmentStatus;
}
