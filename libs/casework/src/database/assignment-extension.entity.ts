import { Column, Entity, PrimaryColumn } from 'typeorm';

export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** An ask for more time on an assignment (延期) and its decision; at most one pending per assignment. */
@Entity('assignment_extensions')
export class AssignmentExtensionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId: string;
  @Column({ type: 'varchar' }) status: ExtensionStatus;
  @Column({ name: 'previous_due_at', type: 'timestamptz' }) previousDueAt: Date;
  @Column({ name: 'requested_due_at', type: 'timestamptz' }) requestedDueAt: Date;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Column({ name: 'requested_by_name' }) requestedByName: string;
  @Column({ name: 'decided_by_name', type: 'varchar', nullable: true }) decidedByName: string | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
