import { DomainError } from '@app/common';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { MAX_MEDIA_BYTES } from '../../domain/media';

/** The form the photo upload takes: one file in `file`, the stage in `stage`; anything more is refused. */
const parseForm = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_MEDIA_BYTES, files: 1, fields: 2, fieldNameSize: 40, fieldSize: 200, parts: 4, headerPairs: 40 },
}).single('file');

function refusal(error: unknown): DomainError {
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return DomainError.tooLarge('MEDIA.TOO_LARGE', `file: larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB`);
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return DomainError.invalid('MEDIA.BAD_FORM', 'file: send one photo, in the form field "file"');
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_FIELD_KEY':
      case 'LIMIT_FIELD_VALUE':
      case 'MISSING_FIELD_NAME':
        return DomainError.invalid('MEDIA.BAD_FORM', `body: the form holds too many, too long or unnamed fields (${error.code})`);
    }
  }
  return DomainError.invalid('MEDIA.BAD_FORM', 'body: not a well-formed multipart/form-data body');
}

/**
 * Reads a multipart photo upload with multer (in memory, within the limits), answering every
 * refusal in the contract's shape with a code: 415 for a body that is not multipart, 413 for a
 * file over the size limit, 400 for a malformed form.
 */
@Injectable()
export class PhotoUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    if (!request.is('multipart/form-data')) {
      throw DomainError.unsupportedMediaType('MEDIA.NOT_MULTIPART', 'body: send multipart/form-data with the photo in the field "file" and the stage in "stage"');
    }
    await new Promise<void>((resolve, reject) => parseForm(request, response, (error: unknown) => (error ? reject(refusal(error)) : resolve())));
    return next.handle();
  }
}
