import { Role } from '@app/common';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid') id: string;
  @Column() username: string;
  @Column({ name: 'password_hash' }) passwordHash: string;
  @Column({ type: 'varchar' }) role: Role;
  @Column({ name: 'grid_codes', type: 'varchar', array: true }) gridCodes: string[];
  @Column({ name: 'department_code', type: 'varchar', nullable: true }) departmentCode: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
