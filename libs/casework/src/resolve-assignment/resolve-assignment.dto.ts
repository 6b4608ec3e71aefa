import { TextField } from '@app/common/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { MAX_MEDIA_PER_STAGE } from '../domain/media';

export class ResolutionNoteDto {
  @TextField({ max: 2000, description: 'What was done, in words the citizen can read' }) note: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_MEDIA_PER_STAGE,
    description: 'Photos of stage handling (处置后) already attached to this request (POST /requests/:id/media) that show the result',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MEDIA_PER_STAGE)
  @ArrayUnique({ message: 'mediaIds must not name a photo twice' })
  @IsUUID('all', { each: true, message: 'each value in mediaIds must be a UUID' })
  mediaIds?: string[];
}
