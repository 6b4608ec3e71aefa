import { Injectable, NestMiddleware } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';

/** Request durations by route and final status (errors included), for /metrics. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@InjectMetric('http_request_duration_seconds') private readonly histogram: Histogram<'method' | 'route' | 'status'>) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.histogram.startTimer();
    response.on('finish', () => {
      // Unmatched paths share one label so that scanning clients cannot blow up the series count.
      const route = request.route?.path ? `${request.baseUrl}${request.route.path}` : 'unmatched';
      stop({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  }
}
