import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoutingDecision, Route, Urgency } from '../domain/routing-policy';
import type { RequestStatus } from '../domain/lifecycle';

export interface Location {
  lat: number;
  lng: number;
  address?: string;
}

export interface Reporter {
  name?: string;
  phone?: string;
}

@Entity('requests')
export class RequestEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tracking_no' }) trackingNo: string;
  @Column({ name: 'grid_id', type: 'uuid' }) gridId: string;
  @Column({ name: 'grid_code' }) gridCode: string;
  @Column({ name: 'category_code' }) categoryCode: string;
  @Column() title: string;
  @Column() description: string;
  @Column({ type: 'jsonb', nullable: true }) location: Location | null;
  /** Personal data: shown to staff who handle the request, never in events or to the public. */
  @Column({ type: 'jsonb', nullable: true }) reporter: Reporter | null;
  @Column({ name: 'safety_risk' }) safetyRisk: boolean;
  @Column({ name: 'affected_people' }) affectedPeople: number;
  @Column({ type: 'varchar' }) urgency: Urgency;
  @Column({ type: 'varchar' }) route: Route;
  @Column({ type: 'varchar' }) status: RequestStatus;
  @Column({ type: 'jsonb' }) decision: RoutingDecision;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'filed_by', type: 'uuid' }) filedBy: string;
  @Column({ name: 'resolution_note', type: 'text', nullable: true }) resolutionNote: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  /** How many times an unsatisfied citizen reopened it (重办). */
  @Column({ name: 'reopen_count' }) reopenCount: number;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  /** The original this request was linked to as a duplicate (it is closed then). */
  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true }) duplicateOf: string | null;
  /** Duplicates linked to this request: it has this many reports besides its own. */
  @Column({ name: 'duplicate_count' }) duplicateCount: number;
  @Column({ name: 'last_sequence' }) lastSequence: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
