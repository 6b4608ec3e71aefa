import { Role } from '@app/common';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid') id: string;
  /** As typed when created; unique whatever its case, and sign-in ignores the case. */
  @Column() username: string;
  @Column({ name: 'password_hash' }) passwordHash: string;
  @Column({ type: 'varchar' }) role: Role;
  @Column({ name: 'grid_codes', type: 'varchar', array: true }) gridCodes: string[];
  @Column({ name: 'department_code', type: 'varchar', nullable: true }) departmentCode: string | null;
  /** In every token; raised by each change of role, scope, password or state, which refuses older tokens. */
  @Column({ name: 'token_version', type: 'integer', default: 0 }) tokenVersion: number;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
