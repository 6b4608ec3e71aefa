import { Public } from '@app/common/http';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';
import { PipelineMetrics } from './pipeline/pipeline-metrics';

/** Prometheus text at /metrics, readable without a token (scrapers have none); the pipeline's gauges are read at each scrape. */
@Public()
@ApiExcludeController()
@Controller()
export class MetricsController extends PrometheusController {
  constructor(private readonly pipeline: PipelineMetrics) {
    super();
  }

  @Get()
  override async index(@Res({ passthrough: true }) response: Response): Promise<string> {
    await this.pipeline.refresh();
    return super.index(response);
  }
}
