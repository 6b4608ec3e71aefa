import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';

export type MediaVariant = 'photo' | 'thumbnail';

export interface MediaFile {
  bytes: Buffer;
  contentType: string;
}

export class GetMediaQuery extends Query<MediaFile> {
  constructor(
    readonly actor: Actor,
    readonly mediaId: string,
    readonly variant: MediaVariant,
  ) {
    super();
  }
}
