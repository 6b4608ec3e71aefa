import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REQUEST_STATUSES, RequestStatus } from '../domain/lifecycle';
import { Route } from '../domain/routing-policy';

export class TrackedMilestone {
  @ApiProperty() type: string;
  @ApiProperty() occurredAt: string;
  @ApiPropertyOptional({ description: 'The answer to the citizen, on request.resolved' }) note?: string;
  @ApiPropertyOptional({ enum: ['grid', 'joint'] }) route?: string;
}

export class TrackedReference {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

/** The citizen's view of a request: no reporter, no staff names, no internal replies. */
export class TrackResponse {
  @ApiProperty() trackingNo: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty({ enum: ['grid', 'joint'] }) route: Route;
  @ApiProperty({ type: TrackedReference }) category: TrackedReference;
  @ApiProperty({ type: TrackedReference }) grid: TrackedReference;
  @ApiProperty() filedAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'The answer to the citizen once resolved' }) answer: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty() reopenCount: number;
  @ApiProperty({ type: [TrackedMilestone] }) milestones: TrackedMilestone[];
}
