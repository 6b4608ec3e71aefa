import { ApiProperty } from '@nestjs/swagger';
import { AssignmentSummary } from '../request.responses';

export class ReturnDecisionResponse {
  @ApiProperty({ type: AssignmentSummary, description: 'The returned assignment, after the decision' }) assignment: AssignmentSummary;
  @ApiProperty({ type: AssignmentSummary, nullable: true, description: 'The new assignment of a reroute' }) reroutedTo: AssignmentSummary | null;
}
