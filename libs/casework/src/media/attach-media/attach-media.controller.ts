import { Actor, DomainError } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, Headers, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { idempotencyKeyOf } from '../../idempotency-key';
import { MediaResponse } from '../media.response';
import { AttachMediaCommand } from './attach-media.command';
import { AttachMediaDto, AttachMediaForm } from './attach-media.dto';
import { PhotoUploadInterceptor } from './photo-upload.interceptor';

@ApiTags('media')
@ApiBearerAuth()
@Controller('requests')
export class AttachMediaController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/media')
  @Roles('grid_worker', 'dept_staff', 'leader')
  @UseInterceptors(PhotoUploadInterceptor)
  @ApiOperation({
    summary:
      'Attach a photo (multipart/form-data: `file`, `stage`). JPEG, PNG, WebP or HEIC by content, at most 10 MB and 9 per stage; served without metadata (HEIC as JPEG), with a thumbnail',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachMediaForm })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying an upload with the same key returns the first answer and attaches nothing more' })
  @ApiCreatedResponse({ type: MediaResponse })
  attach(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: AttachMediaDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<MediaResponse> {
    const key = idempotencyKeyOf(idempotencyKey);
    if (!file || file.size === 0) throw DomainError.invalid('MEDIA.NO_FILE', 'file: send the photo in the form field "file"');
    return this.commandBus.execute(new AttachMediaCommand(actor, id, body.stage, file.buffer, key));
  }
}
