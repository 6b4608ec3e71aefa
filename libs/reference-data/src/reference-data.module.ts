import { AuditModule } from '@app/audit';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesController } from './categories/categories.controller';
import { CategoryEntity } from './categories/category.entity';
import { CreateCategoryHandler } from './categories/create-category.handler';
import { CreateDepartmentHandler } from './departments/create-department.handler';
import { DepartmentEntity } from './departments/department.entity';
import { DepartmentsController } from './departments/departments.controller';
import { CreateGridHandler } from './grids/create-grid.handler';
import { GridEntity } from './grids/grid.entity';
import { GridsController } from './grids/grids.controller';

/** Grids, departments and categories, kept by admins and read by everyone signed in. */
@Module({
  imports: [AuditModule, TypeOrmModule.forFeature([GridEntity, DepartmentEntity, CategoryEntity])],
  controllers: [GridsController, DepartmentsController, CategoriesController],
  providers: [CreateGridHandler, CreateDepartmentHandler, CreateCategoryHandler],
})
export class ReferenceDataModule {}

/** The entities other contexts read (and only read). */
export const REFERENCE_DATA_ENTITIES = [GridEntity, DepartmentEntity, CategoryEntity];
