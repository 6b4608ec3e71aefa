import { Actor, DomainError } from '@app/common';
import { mutateReturning, UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentEntity } from '../../database/assignment.entity';
import { MediaEntity } from '../../database/media.entity';
import { lockRequest } from '../../database/request-locks';
import { RequestEntity } from '../../database/request.entity';
import { EVENT_TYPES } from '../../domain/event-types';
import { canAttachMedia, detectImageType, MAX_MEDIA_PER_STAGE, MediaStage } from '../../domain/media';
import { RequestTimeline } from '../../timeline/request-timeline';
import { findWhistles, summonedDepartments } from '../../whistle/whistle-records';
import { MediaResponse, toMediaResponse } from '../media.response';
import { processPhoto } from '../photo-processing';
import { MediaStorage } from '../storage/media-storage';
import { AttachMediaCommand } from './attach-media.command';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

type Outcome = { attached: MediaResponse } | { replayed: MediaEntity };

/**
 * Attaches a photo to a request. The bytes are checked by content, decoded and stored without
 * their metadata before anything is written to the database; then one transaction, under the
 * request's lock, checks the rules again, inserts the row and appends `media.attached` (id and
 * stage, never bytes) to the timeline and the outbox. A failure after the files were stored
 * removes them; a crash in between leaves files no row points at, never a row without its file.
 */
@CommandHandler(AttachMediaCommand)
export class AttachMediaHandler implements ICommandHandler<AttachMediaCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
    private readonly storage: MediaStorage,
  ) {}

  async execute({ actor, requestId, stage, bytes, idempotencyKey }: AttachMediaCommand): Promise<MediaResponse> {
    const fingerprint = createHash('sha256').update(`${requestId}\n${stage}\n`).update(bytes).digest('hex');
    if (idempotencyKey) {
      const earlier = await this.dataSource.getRepository(MediaEntity).findOne({ where: { uploadedBy: actor.userId, idempotencyKey } });
      if (earlier) return replay(earlier, fingerprint);
    }
    // The cheap refusals first: no decoding for someone who may not attach anything here.
    await this.assertMayAttach(this.dataSource.manager, actor, await this.findRequest(requestId), stage);
    const type = detectImageType(bytes);
    if (!type) throw DomainError.unsupportedMediaType('MEDIA.UNSUPPORTED_TYPE', 'file: not a JPEG, PNG, WebP or HEIC image (judged by its content, not its name)');
    const processed = await processPhoto(bytes, type);

    const id = randomUUID();
    const storageKey = `${requestId}/${id}.${EXTENSIONS[processed.photo.contentType]}`;
    const thumbnailKey = `${requestId}/${id}-thumbnail.jpg`;
    const removeFiles = (): Promise<unknown> => Promise.allSettled([this.storage.remove(storageKey), this.storage.remove(thumbnailKey)]);
    let outcome: Outcome;
    try {
      await this.storage.put(storageKey, processed.photo.bytes, processed.photo.contentType);
      await this.storage.put(thumbnailKey, processed.thumbnail.bytes, processed.thumbnail.contentType);
      outcome = await this.unitOfWork.run(async (manager): Promise<Outcome> => {
        const request = await lockRequest(manager, requestId);
        await this.assertMayAttach(manager, actor, request, stage);
        const attached = await manager.getRepository(MediaEntity).count({ where: { requestId, stage } });
        if (attached >= MAX_MEDIA_PER_STAGE) {
          throw DomainError.invalid('MEDIA.TOO_MANY', `stage: the request already holds ${MAX_MEDIA_PER_STAGE} photos of stage ${stage}`);
        }
        const now = new Date();
        const media: MediaEntity = {
          id,
          requestId,
          stage,
          contentType: processed.photo.contentType,
          uploadedType: type,
          width: processed.photo.width,
          height: processed.photo.height,
          bytes: processed.photo.bytes.length,
          storageKey,
          thumbnailKey,
          uploadedBy: actor.userId,
          uploadedByName: actor.username,
          idempotencyKey,
          fingerprint,
          createdAt: now,
        };
        // A concurrent retry with the same key waits here for the first, then finds its row.
        const inserted = await mutateReturning<{ id: string }>(
          manager,
          `INSERT INTO media (id, request_id, stage, content_type, uploaded_type, width, height, bytes, storage_key, thumbnail_key,
                              uploaded_by, uploaded_by_name, idempotency_key, fingerprint, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
           ON CONFLICT (uploaded_by, idempotency_key) DO NOTHING RETURNING id`,
          [id, requestId, stage, media.contentType, type, media.width, media.height, media.bytes, storageKey, thumbnailKey, actor.userId, actor.username, idempotencyKey, fingerprint, now],
        );
        if (inserted.length === 0) {
          return { replayed: await manager.getRepository(MediaEntity).findOneOrFail({ where: { uploadedBy: actor.userId, idempotencyKey: idempotencyKey ?? '' } }) };
        }
        await this.timeline.append(
          manager,
          request,
          [{ type: EVENT_TYPES.mediaAttached, actor: actor.username, payload: { mediaId: id, stage, contentType: media.contentType } }],
          now,
        );
        return { attached: toMediaResponse(media) };
      });
    } catch (error) {
      await removeFiles();
      throw error;
    }
    if ('replayed' in outcome) {
      await removeFiles();
      return replay(outcome.replayed, fingerprint);
    }
    return outcome.attached;
  }

  private async findRequest(requestId: string): Promise<RequestEntity> {
    const request = await this.dataSource.getRepository(RequestEntity).findOne({ where: { id: requestId } });
    if (!request) throw DomainError.notFound('CASEWORK.REQUEST_NOT_FOUND', `no request has id ${requestId}`);
    return request;
  }

  private async assertMayAttach(manager: EntityManager, actor: Actor, request: RequestEntity, stage: MediaStage): Promise<void> {
    const assignments = await manager.getRepository(AssignmentEntity).find({ select: { departmentCode: true }, where: { requestId: request.id } });
    const target = {
      gridCode: request.gridCode,
      assignedDepartments: assignments.map((a) => a.departmentCode),
      summonedDepartments: summonedDepartments(await findWhistles(manager, request.id)),
    };
    if (!canAttachMedia(actor, stage, target)) {
      throw DomainError.forbidden('MEDIA.ATTACH_SCOPE', `stage: you may not attach ${stage} photos to this request`);
    }
    if (request.status === 'closed') throw DomainError.conflict('CASEWORK.REQUEST_STATE', 'cannot attach a photo: the request is closed');
  }
}

/** The first answer to a retried upload; the same key for another upload is a conflict. */
function replay(earlier: MediaEntity, fingerprint: string): MediaResponse {
  if (earlier.fingerprint !== fingerprint) {
    throw DomainError.conflict('MEDIA.IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key was already used for another upload');
  }
  return toMediaResponse(earlier);
}
