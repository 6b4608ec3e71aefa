import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One department summoned by a whistle, and its arrival on site (报到) once reported. */
@Entity('whistle_summons')
export class WhistleSummonsEntity {
  @PrimaryColumn({ name: 'whistle_id', type: 'uuid' }) whistleId: string;
  @PrimaryColumn({ name: 'department_code' }) departmentCode: string;
  @Column({ name: 'arrived_at', type: 'timestamptz', nullable: true }) arrivedAt: Date | null;
  @Column({ name: 'arrived_by', type: 'varchar', nullable: true }) arrivedBy: string | null;
}
