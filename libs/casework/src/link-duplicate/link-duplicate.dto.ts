import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RequestStatus, REQUEST_STATUSES } from '../domain/lifecycle';
import { Route, ROUTES } from '../domain/routing-policy';
import { RequestResponse } from '../request.responses';

export class LinkDuplicateDto {
  @ApiProperty({ description: 'The request this one duplicates' })
  @IsUUID('all', { message: 'originalId must be a UUID' })
  originalId: string;
}

/** The original as the linker sees it: it may lie in another grid, so no personal data. */
export class OriginalSummary {
  @ApiProperty() id: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty({ enum: ROUTES }) route: Route;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty({ description: 'Duplicates linked to it' }) duplicateCount: number;
  @ApiProperty({ description: 'Its own report and each duplicate' }) reports: number;
}

export class LinkDuplicateResponse {
  @ApiProperty({ type: RequestResponse, description: 'The duplicate, now closed' }) duplicate: RequestResponse;
  @ApiProperty({ type: OriginalSummary }) original: OriginalSummary;
}
