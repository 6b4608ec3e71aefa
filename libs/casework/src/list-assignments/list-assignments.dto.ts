import { BooleanQueryField, CodeField, EnumField, TextField } from '@app/common/http';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES, AssignmentRole, AssignmentStatus } from '../domain/lifecycle';
import { PageDto } from '../list-requests/list-requests.dto';

/** The desk's tabs: 待签收, 办理中, 已办结, 已退回; each is one assignment status. */
export const QUEUE_TABS = { pending: 'unclaimed', in_progress: 'claimed', resolved: 'resolved', returned: 'returned' } as const satisfies Record<
  string,
  AssignmentStatus
>;
export type QueueTab = keyof typeof QUEUE_TABS;

export const QUEUE_SORTS = ['claimDue', 'due', 'created', 'trackingNo'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export class ListAssignmentsDto extends PageDto {
  @CodeField({ optional: true, description: 'Department code; staff default to their own' }) department?: string;
  @EnumField(ASSIGNMENT_STATUSES, { optional: true }) status?: AssignmentStatus;
  @EnumField(Object.keys(QUEUE_TABS) as QueueTab[], {
    optional: true,
    description: 'pending (待签收: unclaimed), in_progress (办理中: claimed), resolved (已办结), returned (已退回); with status, both must hold',
  })
  tab?: QueueTab;
  @EnumField(QUEUE_SORTS, { optional: true, description: 'claimDue, due (the resolve deadline), created (default) or trackingNo' }) sort?: QueueSort;
  @EnumField(['asc', 'desc'] as const, { optional: true, description: 'asc (default) or desc' }) order?: 'asc' | 'desc';
  @EnumField(ASSIGNMENT_ROLES, { optional: true, description: 'lead (主办) or assist (协办)' }) role?: AssignmentRole;
  @TextField({ optional: true, max: 100, description: 'A tracking number (or its beginning), or words of the title' }) q?: string;
  @BooleanQueryField({ optional: true, description: 'true: only assignments past a deadline they still have to meet (claim or resolve)' })
  overdue?: boolean;
}
