import { NumberField } from '@app/common/http';
import { ApiProperty } from '@nestjs/swagger';
import { LONGEST_DEADLINE } from '../domain/deadlines';

/** A category's deadlines; a field left out falls back to the default of PRODUCT.md section 3. */
export class CategoryDeadlinesDto {
  @NumberField({ optional: true, min: 0, max: 240, description: 'Claim a joint assignment within (default 2)' }) claimWorkingHours?: number;
  @NumberField({ optional: true, min: 0, max: LONGEST_DEADLINE.workingDays, description: 'Resolve a grid task within (default 3)' }) gridResolveWorkingDays?: number;
  @NumberField({ optional: true, min: 0, max: LONGEST_DEADLINE.workingDays, description: 'Resolve a joint case within (default 7)' }) jointResolveWorkingDays?: number;
  @NumberField({ optional: true, min: 0, max: 720, description: 'Resolve an emergency (urgency critical) within (default 2)' })
  emergencyClockHours?: number;
  @NumberField({
    optional: true,
    min: 0,
    max: 240,
    description: 'After a reminder, a still-overdue assignment goes to the grid leaders within (default 2)',
  })
  leadersAfterWorkingHours?: number;
}

export class CategoryDeadlinesResponse {
  @ApiProperty() categoryCode: string;
  @ApiProperty() claimWorkingHours: number;
  @ApiProperty() gridResolveWorkingDays: number;
  @ApiProperty() jointResolveWorkingDays: number;
  @ApiProperty() emergencyClockHours: number;
  @ApiProperty() leadersAfterWorkingHours: number;
  @ApiProperty({ type: [String], description: 'The fields that fall back to the defaults' }) defaults: string[];
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}
