import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('categories')
export class CategoryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column() code: string;
  @Column() name: string;
  @Column({ name: 'lead_department_code' }) leadDepartmentCode: string;
  @Column({ name: 'assisting_department_codes', type: 'varchar', array: true }) assistingDepartmentCodes: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
