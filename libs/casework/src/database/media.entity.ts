import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MediaStage } from '../domain/media';

/** A photo attached to a request; its bytes (and its thumbnail's) are in MediaStorage under the keys. */
@Entity('media')
export class MediaEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ type: 'varchar' }) stage: MediaStage;
  /** What is served: image/jpeg, image/png or image/webp. */
  @Column({ name: 'content_type' }) contentType: string;
  /** What was uploaded, by its content (image/heic is served as JPEG). */
  @Column({ name: 'uploaded_type' }) uploadedType: string;
  @Column() width: number;
  @Column() height: number;
  @Column() bytes: number;
  @Column({ name: 'storage_key' }) storageKey: string;
  @Column({ name: 'thumbnail_key' }) thumbnailKey: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @Column({ name: 'uploaded_by_name' }) uploadedByName: string;
  @Column({ name: 'idempotency_key', type: 'varchar', nullable: true }) idempotencyKey: string | null;
  /** sha256 of the request, stage and uploaded bytes: a retried upload must be the same upload. */
  @Column() fingerprint: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
