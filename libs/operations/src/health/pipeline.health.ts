import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { PipelineStatus } from '../pipeline/pipeline-status';

/** Readiness of the event pipeline: the outbox relay keeps publishing, every consumer consumes. */
@Injectable()
export class PipelineHealthIndicator {
  constructor(
    private readonly pipeline: PipelineStatus,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async outbox(key: string): Promise<HealthIndicatorResult> {
    const check = this.indicator.check(key);
    try {
      const backlog = await this.pipeline.outbox();
      const problem = this.pipeline.outboxProblem(backlog);
      return problem ? check.down({ message: problem, ...backlog }) : check.up({ ...backlog });
    } catch (error) {
      return check.down({ message: `could not read the outbox: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  consumers(key: string): HealthIndicatorResult {
    const check = this.indicator.check(key);
    const reports = this.pipeline.consumers();
    const problems = reports.flatMap((r) => (r.problem ? [r.problem] : []));
    const groups = Object.fromEntries(reports.map((r) => [r.groupId, r.state]));
    return problems.length ? check.down({ message: `not consuming: ${problems.join('; ')}`, groups }) : check.up({ groups });
  }
}
