import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES, AssignmentRole, AssignmentStatus, REQUEST_STATUSES, RequestStatus } from './domain/lifecycle';
import { Route } from './domain/routing-policy';
import { MediaResponse } from './media/media.response';
import { LocationDto, ReporterDto } from './file-request/file-request.dto';
import { WhistleResponse } from './whistle/whistle.responses';

export class DecisionResponse {
  @ApiProperty() policyVersion: number;
  @ApiProperty({ type: [String] }) rules: string[];
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class AssignmentSummary {
  @ApiProperty() id: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty({ enum: ASSIGNMENT_ROLES }) role: AssignmentRole;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty() claimDueAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ nullable: true, type: String }) claimedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) claimedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolutionNote: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the department handler received it' }) deliveredAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why staff returned it (退单)' }) returnReason: string | null;
  @ApiProperty({ nullable: true, type: String }) returnedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) returnedBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The assignment an admin rerouted this return to' }) reroutedTo: string | null;
}

export class LikelyDuplicate {
  @ApiProperty() id: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ description: 'When both requests have a location' }) distanceMeters?: number;
  @ApiProperty() createdAt: string;
}

export class TimelineEntry {
  @ApiProperty() sequence: number;
  @ApiProperty() type: string;
  @ApiProperty() occurredAt: string;
  @ApiPropertyOptional() actor?: string;
  @ApiPropertyOptional({ type: Object }) data?: Record<string, unknown>;
}

export class RequestResponse {
  @ApiProperty() id: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty() gridCode: string;
  @ApiProperty() categoryCode: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: LocationDto }) location: { lat: number; lng: number; address?: string } | null;
  @ApiPropertyOptional({
    nullable: true,
    type: ReporterDto,
    description:
      "The reporter's contact: only in the filing answer and in the request's detail (GET /requests/:id), each read of which the audit log records",
  })
  reporter?: { name?: string; phone?: string } | null;
  @ApiProperty() safetyRisk: boolean;
  @ApiProperty() affectedPeople: number;
  @ApiProperty() urgency: string;
  @ApiProperty({ enum: ['grid', 'joint'] }) route: Route;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty({ type: DecisionResponse }) decision: DecisionResponse;
  @ApiProperty() dueAt: string;
  @ApiProperty({ type: [AssignmentSummary] }) assignments: AssignmentSummary[];
  @ApiProperty({ nullable: true, type: String }) resolutionNote: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ description: 'How many times an unsatisfied citizen reopened it (重办)' }) reopenCount: number;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The original, when this request was linked to it as a duplicate' }) duplicateOf: string | null;
  @ApiProperty({ description: 'Duplicates linked to this request (its reports less its own)' }) duplicateCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: [WhistleResponse] }) whistles?: WhistleResponse[];
  @ApiPropertyOptional({ type: [TimelineEntry] }) timeline?: TimelineEntry[];
  @ApiPropertyOptional({ type: [LikelyDuplicate], description: 'On filing: open requests that may be the same matter' })
  likelyDuplicates?: LikelyDuplicate[];
}

/** What queues add to a request: where it is, and how much working time is left. */
export class RequestListItem extends RequestResponse {
  @ApiProperty({ nullable: true, type: String, description: 'location.address, when the filer gave one' }) address: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Working minutes on the county’s calendar until dueAt (an emergency’s, urgency critical, on the clock: clock minutes); negative when overdue (minutes past it). null once resolved or closed',
  })
  workingMinutesLeft: number | null;
  @ApiProperty({ description: 'Open or in progress, and dueAt has passed' }) overdue: boolean;
}

/** GET /requests/:id: the request with its timeline, whistles and photos. */
export class RequestDetail extends RequestListItem {
  @ApiProperty({ type: [MediaResponse], description: 'Its photos, oldest first (the public tracking page shows none)' }) media: MediaResponse[];
}

export class RequestPage {
  @ApiProperty({ type: [RequestListItem] }) items: RequestListItem[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class AssignmentQueueItem extends AssignmentSummary {
  @ApiProperty() requestId: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty() gridCode: string;
  @ApiProperty() categoryCode: string;
  @ApiProperty() title: string;
  @ApiProperty() urgency: string;
  @ApiProperty({ enum: REQUEST_STATUSES, description: 'The status of the request as a whole' }) requestStatus: RequestStatus;
  @ApiProperty({ nullable: true, type: String, description: 'location.address of the request, when the filer gave one' }) address: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Working minutes until claimDueAt while unclaimed (clock minutes for an emergency; negative when past it); null once claimed, resolved or returned',
  })
  claimWorkingMinutesLeft: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Working minutes until dueAt while unclaimed or claimed (clock minutes for an emergency; negative when past it); null once resolved or returned',
  })
  resolveWorkingMinutesLeft: number | null;
  @ApiProperty({ description: 'Unclaimed past claimDueAt, or unclaimed or claimed past dueAt' }) overdue: boolean;
  @ApiProperty() createdAt: string;
}

export class AssignmentPage {
  @ApiProperty({ type: [AssignmentQueueItem] }) items: AssignmentQueueItem[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
