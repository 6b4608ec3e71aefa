import { CaseworkDeliveryModule } from '@app/casework';
import { NoticeBookModule, NoticeDispatchModule } from '@app/notices';
import { DepartmentEntity } from '@app/reference-data';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentConsumers } from './department-consumers';

/** The departmental handlers: consume each department's topic, record deliveries and notices, and send notices out. */
@Module({
  imports: [CaseworkDeliveryModule, NoticeBookModule, NoticeDispatchModule, TypeOrmModule.forFeature([DepartmentEntity])],
  providers: [DepartmentConsumers],
  exports: [DepartmentConsumers],
})
export class DeptHandlingModule {}
