import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssignmentRole, AssignmentStatus } from '../domain/lifecycle';

@Entity('assignments')
export class AssignmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'department_code' }) departmentCode: string;
  @Column({ type: 'varchar' }) role: AssignmentRole;
  @Column({ type: 'varchar' }) status: AssignmentStatus;
  @Column({ name: 'claim_due_at', type: 'timestamptz' }) claimDueAt: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'claimed_by', type: 'uuid', nullable: true }) claimedBy: string | null;
  @Column({ name: 'claimed_by_name', type: 'varchar', nullable: true }) claimedByName: string | null;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt: Date | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'resolution_note', type: 'text', nullable: true }) resolutionNote: string | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
  @Column({ name: 'return_reason', type: 'text', nullable: true }) returnReason: string | null;
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt: Date | null;
  @Column({ name: 'returned_by_name', type: 'varchar', nullable: true }) returnedByName: string | null;
  /** Set when an admin rerouted the return to another department; a returned assignment without it awaits a decision. */
  @Column({ name: 'rerouted_to', type: 'uuid', nullable: true }) reroutedTo: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
