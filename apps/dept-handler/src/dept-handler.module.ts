import { AppConfig } from '@app/common';
import { DeptHandlingModule } from '@app/dept-handling';
import { PlatformModule } from '@app/operations';
import { DynamicModule, Module } from '@nestjs/common';

/** The department handlers: one consumer group per department; health and metrics over HTTP. */
@Module({})
export class DeptHandlerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: DeptHandlerModule,
      imports: [PlatformModule.forRoot({ config, databaseUrl, relay: false }), DeptHandlingModule],
    };
  }
}
