import { DomainError } from '@app/common';
import { Logger } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AssignmentEntity } from '../../database/assignment.entity';
import { MediaEntity } from '../../database/media.entity';
import { RequestEntity } from '../../database/request.entity';
import { canSeeRequest } from '../../domain/visibility';
import { findWhistles, summonedDepartments } from '../../whistle/whistle-records';
import { MediaStorage } from '../storage/media-storage';
import { GetMediaQuery, MediaFile } from './get-media.query';

/** A photo or its thumbnail, for whoever may open its request (the same rule as the request's detail). */
@QueryHandler(GetMediaQuery)
export class GetMediaHandler implements IQueryHandler<GetMediaQuery> {
  private readonly logger = new Logger(GetMediaHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: MediaStorage,
  ) {}

  async execute({ actor, mediaId, variant }: GetMediaQuery): Promise<MediaFile> {
    const media = await this.dataSource.getRepository(MediaEntity).findOne({ where: { id: mediaId } });
    if (!media) throw DomainError.notFound('MEDIA.NOT_FOUND', `no photo has id ${mediaId}`);
    const request = await this.dataSource.getRepository(RequestEntity).findOneOrFail({ select: { id: true, gridCode: true }, where: { id: media.requestId } });
    const assignments = await this.dataSource.getRepository(AssignmentEntity).find({ select: { departmentCode: true }, where: { requestId: request.id } });
    const summoned = summonedDepartments(await findWhistles(this.dataSource.manager, request.id));
    if (!canSeeRequest(actor, request.gridCode, [...assignments.map((a) => a.departmentCode), ...summoned])) {
      throw DomainError.forbidden('CASEWORK.REQUEST_SCOPE', 'this photo’s request is outside your grids or department');
    }
    const key = variant === 'photo' ? media.storageKey : media.thumbnailKey;
    const bytes = await this.storage.get(key);
    if (!bytes) {
      this.logger.error({ mediaId, key }, 'a photo’s file is missing from the media storage');
      throw DomainError.notFound('MEDIA.NOT_FOUND', `the file of photo ${mediaId} is missing`);
    }
    return { bytes, contentType: variant === 'photo' ? media.contentType : 'image/jpeg' };
  }
}
