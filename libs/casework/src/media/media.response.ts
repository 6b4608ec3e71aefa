import { toOffsetIso } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';
import { API_MEDIA_PATH } from './media-paths';
import { MediaEntity } from '../database/media.entity';
import { MEDIA_STAGES, MediaStage } from '../domain/media';

export class MediaResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: MEDIA_STAGES, description: 'report (上报), handling (处置), whistle (吹哨)' }) stage: MediaStage;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'], description: 'What GET url serves (an uploaded HEIC is served as JPEG)' })
  contentType: string;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty({ description: 'Size of what GET url serves' }) bytes: number;
  @ApiProperty({ description: 'Who attached it (username)' }) uploadedBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ example: '/api/v1/media/0b6f…', description: 'The photo, without its metadata; the same people as the request may fetch it (bearer token, or ?access_token= for <img>)' })
  url: string;
  @ApiProperty({ example: '/api/v1/media/0b6f…/thumbnail', description: 'A JPEG at most 320 px on its longer side' }) thumbnailUrl: string;
}

export function toMediaResponse(m: MediaEntity): MediaResponse {
  return {
    id: m.id,
    stage: m.stage,
    contentType: m.contentType,
    width: m.width,
    height: m.height,
    bytes: m.bytes,
    uploadedBy: m.uploadedByName,
    createdAt: toOffsetIso(m.createdAt),
    url: `${API_MEDIA_PATH}/${m.id}`,
    thumbnailUrl: `${API_MEDIA_PATH}/${m.id}/thumbnail`,
  };
}
