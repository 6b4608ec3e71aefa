import { DomainError } from '@app/common';
import { EntityManager, In } from 'typeorm';
import { MediaEntity } from '../database/media.entity';

/**
 * The photos a resolution names, checked: each must be a handling (处置) photo already attached
 * to the same request. Answers them in the order given, for the event.
 */
export async function handlingPhotos(manager: EntityManager, requestId: string, mediaIds: readonly string[] | undefined): Promise<string[]> {
  if (!mediaIds?.length) return [];
  const found = await manager.getRepository(MediaEntity).find({ select: { id: true }, where: { id: In([...mediaIds]), requestId, stage: 'handling' } });
  const missing = mediaIds.filter((id) => !found.some((m) => m.id === id));
  if (missing.length > 0) {
    throw DomainError.invalid('MEDIA.NOT_ATTACHED', `mediaIds: not a handling photo of this request: ${missing.join(', ')}`);
  }
  return [...mediaIds];
}
