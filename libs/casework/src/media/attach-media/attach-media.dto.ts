import { EnumField } from '@app/common/http';
import { ApiProperty } from '@nestjs/swagger';
import { MEDIA_STAGES, MediaStage } from '../../domain/media';

/** The text part of the multipart form; the photo itself comes in the field `file`. */
export class AttachMediaDto {
  @EnumField(MEDIA_STAGES, { description: 'report (上报), handling (处置) or whistle (吹哨)' }) stage: MediaStage;
}

/** The form as OpenAPI shows it (the file is read by PhotoUploadInterceptor, not by the validation pipe). */
export class AttachMediaForm extends AttachMediaDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'JPEG, PNG, WebP or HEIC, recognised by content; at most 10 MB' }) file: unknown;
}
