import { Public } from '@app/common/http';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { BrokerHealthIndicator } from './kafka.health';
import { PipelineHealthIndicator } from './pipeline.health';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly broker: BrokerHealthIndicator,
    private readonly pipeline: PipelineHealthIndicator,
  ) {}

  /** Alive: the process answers. */
  @Get()
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready: the database and the broker answer, the outbox relay is not stalled (where this process
   * runs it) and every consumer of this process consumes; a 503 names what is not.
   */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.broker.check('kafka'),
      () => this.pipeline.outbox('outbox'),
      () => this.pipeline.consumers('consumers'),
    ]);
  }
}
