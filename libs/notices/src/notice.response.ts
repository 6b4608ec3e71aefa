import { toOffsetIso, toOffsetIsoOrNull } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';
import { NOTICE_KINDS, NoticeKind } from './domain/notice-kinds';

export class NoticeResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTICE_KINDS, description: 'What happened; the app shows it in words from this code' }) kind: NoticeKind;
  @ApiProperty() requestId: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty() title: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: Object, description: 'The event’s details (assignmentId, deadlines, whistleId, departments, reason, …), as on the timeline' })
  data: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'When the caller marked it read; null while unread' }) readAt: string | null;
}

export class NoticePage {
  @ApiProperty({ type: [NoticeResponse] }) items: NoticeResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'How many of the caller’s notices are unread (for a badge), whatever the filter' }) unread: number;
}

export interface NoticeRow {
  id: string;
  kind: NoticeKind;
  request_id: string;
  tracking_no: string;
  title: string;
  created_at: Date;
  data: Record<string, unknown>;
  read_at: Date | null;
}

export function toNoticeResponse(row: NoticeRow): NoticeResponse {
  return {
    id: row.id,
    kind: row.kind,
    requestId: row.request_id,
    trackingNo: row.tracking_no,
    title: row.title,
    createdAt: toOffsetIso(row.created_at),
    data: row.data,
    readAt: toOffsetIsoOrNull(row.read_at),
  };
}
