import { ApiProperty } from '@nestjs/swagger';
import { Attendance, ATTENDANCES } from '../domain/whistle-attendance';

export class SummonsResponse {
  @ApiProperty() departmentCode: string;
  @ApiProperty({ enum: ATTENDANCES, description: 'pending until the deadline; absent after it with no arrival' }) status: Attendance;
  @ApiProperty({ nullable: true, type: String }) arrivedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) arrivedBy: string | null;
}

export class WhistleResponse {
  @ApiProperty() id: string;
  @ApiProperty() requestId: string;
  @ApiProperty() blownBy: string;
  @ApiProperty() deadlineAt: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [SummonsResponse] }) departments: SummonsResponse[];
}
