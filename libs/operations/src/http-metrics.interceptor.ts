import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Request, Response } from 'express';
import type { Histogram } from 'prom-client';
import { Observable, finalize } from 'rxjs';

/** Request durations by route and status, for the /metrics endpoint. */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(@InjectMetric('http_request_duration_seconds') private readonly histogram: Histogram<'method' | 'route' | 'status'>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const stop = this.histogram.startTimer({ method: request.method, route: request.route?.path ?? 'unknown' });
    return next.handle().pipe(finalize(() => stop({ status: String(http.getResponse<Response>().statusCode) })));
  }
}
