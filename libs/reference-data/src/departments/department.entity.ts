import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('departments')
export class DepartmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column() code: string;
  @Column() name: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
