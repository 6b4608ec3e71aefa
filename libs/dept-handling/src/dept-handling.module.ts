import { CaseworkDeliveryModule } from '@app/casework';
import { DepartmentEntity } from '@app/reference-data';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentConsumers } from './department-consumers';

/** The departmental handlers: consume each department's topic and record deliveries. */
@Module({
  imports: [CaseworkDeliveryModule, TypeOrmModule.forFeature([DepartmentEntity])],
  providers: [DepartmentConsumers],
  exports: [DepartmentConsumers],
})
export class DeptHandlingModule {}
