import { AuditModule } from '@app/audit';
import { AppConfig } from '@app/common';
import { CaseworkModule } from '@app/casework';
import { DeptHandlingModule } from '@app/dept-handling';
import { IdentityModule } from '@app/identity';
import { MonitoringModule } from '@app/monitoring';
import { NoticesModule } from '@app/notices';
import { DemoCounty, PlatformModule } from '@app/operations';
import { ReferenceDataModule } from '@app/reference-data';
import { DynamicModule, Module } from '@nestjs/common';

export interface ApiOptions {
  config: AppConfig;
  databaseUrl: string;
  /** All in one process: the department handlers run here too. */
  withDepartmentHandlers: boolean;
}

/** The api: HTTP, the command and query side, and the outbox relay. */
@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ config: options.config, databaseUrl: options.databaseUrl, relay: true }),
        AuditModule,
        IdentityModule,
        ReferenceDataModule,
        CaseworkModule,
        MonitoringModule,
        NoticesModule,
        ...(options.withDepartmentHandlers ? [DeptHandlingModule] : []),
      ],
      providers: [DemoCounty],
    };
  }
}
