import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A whistle blown on a request (吹哨): the departments it summons are its summons rows. */
@Entity('whistles')
export class WhistleEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'blown_by' }) blownBy: string;
  @Column({ name: 'deadline_at', type: 'timestamptz' }) deadlineAt: Date;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
