import { CreateUserCommand } from '@app/identity';
import { CreateCategoryCommand, CreateDepartmentCommand, CreateGridCommand, GridEntity } from '@app/reference-data';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

export const DEMO_PASSWORD = 'demo-pass-2026';

export interface DemoSignIn {
  username: string;
  role: string;
  scope: string;
}

const STREET = 'S-PG01';

const GRIDS = [
  { code: 'G-0101', name: 'Binhe community, grid 1' },
  { code: 'G-0102', name: 'Binhe community, grid 2' },
  { code: 'G-0201', name: 'Xinglong community, grid 1' },
];

const DEPARTMENTS = [
  { code: 'market-regulation', name: 'Market Regulation Bureau' },
  { code: 'urban-management', name: 'Urban Management Bureau' },
  { code: 'housing', name: 'Housing and Construction Bureau' },
  { code: 'ecology', name: 'Ecology and Environment Bureau' },
];

const CATEGORIES = [
  { code: 'street-lighting', name: 'Broken street light', leadDepartment: 'urban-management', assistingDepartments: [] },
  { code: 'noise', name: 'Noise nuisance', leadDepartment: 'ecology', assistingDepartments: [] },
  { code: 'food-safety', name: 'Food safety', leadDepartment: 'market-regulation', assistingDepartments: ['urban-management'] },
  { code: 'illegal-construction', name: 'Illegal construction', leadDepartment: 'urban-management', assistingDepartments: ['housing'] },
];

const USERS = [
  { username: 'worker.binhe', role: 'grid_worker' as const, gridCodes: ['G-0101', 'G-0102'] },
  { username: 'worker.xinglong', role: 'grid_worker' as const, gridCodes: ['G-0201'] },
  { username: 'staff.market', role: 'dept_staff' as const, departmentCode: 'market-regulation' },
  { username: 'staff.urban', role: 'dept_staff' as const, departmentCode: 'urban-management' },
  { username: 'staff.urban2', role: 'dept_staff' as const, departmentCode: 'urban-management' },
  { username: 'leader.street', role: 'leader' as const, gridCodes: ['G-0101', 'G-0102', 'G-0201'] },
];

/** A small demo county for the embedded default: one street, three grids, four departments, a user per role. */
@Injectable()
export class DemoCounty {
  private readonly logger = new Logger(DemoCounty.name);

  constructor(
    private readonly commandBus: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  async seedIfEmpty(): Promise<DemoSignIn[]> {
    if ((await this.dataSource.getRepository(GridEntity).count()) === 0) {
      for (const grid of GRIDS) await this.commandBus.execute(new CreateGridCommand({ ...grid, streetCode: STREET }));
      for (const department of DEPARTMENTS) await this.commandBus.execute(new CreateDepartmentCommand(department));
      for (const category of CATEGORIES) await this.commandBus.execute(new CreateCategoryCommand(category));
      for (const user of USERS) await this.commandBus.execute(new CreateUserCommand({ ...user, password: DEMO_PASSWORD }));
      this.logger.log('demo county seeded');
    }
    return USERS.map((u) => ({
      username: u.username,
      role: u.role,
      scope: 'gridCodes' in u ? (u.gridCodes ?? []).join(', ') : u.departmentCode,
    }));
  }
}
