import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A citizen's answer on a resolved request, as a grid worker recorded it; one per resolution. */
@Entity('request_feedback')
export class RequestFeedbackEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column() resolved: boolean;
  @Column() satisfied: boolean;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'recorded_by' }) recordedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
