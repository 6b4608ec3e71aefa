import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of a request's timeline; the same event went to Kafka through the outbox. */
@Entity('request_events')
export class RequestEventEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' }) requestId: string;
  @PrimaryColumn() sequence: number;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column() type: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'varchar', nullable: true }) actor: string | null;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
}
