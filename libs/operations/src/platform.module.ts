import { APP_CONFIG, AppConfig, peekCorrelationId } from '@app/common';
import { addressRateLimits } from '@app/common/http';
import { MessagingModule } from '@app/messaging';
import { postgresOptions, UnitOfWork } from '@app/persistence';
import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { makeGaugeProvider, makeHistogramProvider, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { CorrelationMiddleware, correlationIdFor } from './correlation.middleware';
import { HealthController } from './health/health.controller';
import { BrokerHealthIndicator } from './health/kafka.health';
import { PipelineHealthIndicator } from './health/pipeline.health';
import { CONSUMER_GAUGES, OUTBOX_GAUGES, PipelineMetrics } from './pipeline/pipeline-metrics';
import { PipelineStatus } from './pipeline/pipeline-status';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { LOG_REDACTIONS } from './log-redaction';
import { MetricsController } from './metrics.controller';

export interface PlatformOptions {
  config: AppConfig;
  /** The database to use: DATABASE_URL or the embedded server's. */
  databaseUrl: string;
  /** Publish the outbox from this process. */
  relay: boolean;
}

/** What every deployable shares: config, database, CQRS, messaging, logs, health and metrics. */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config } = options;
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          // Named wildcard: the legacy '*' default makes path-to-regexp 8 print a warning.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => correlationIdFor(req, res),
            customProps: (req) => ({ correlationId: req.id }),
            mixin: () => {
              const correlationId = peekCorrelationId();
              return correlationId ? { correlationId } : {};
            },
            redact: LOG_REDACTIONS,
            // An event stream takes its token in the query (EventSource sends no headers): never log it.
            serializers: {
              req: (req: { url?: string }) => ({ ...req, url: req.url?.replace(/([?&]access_token=)[^&]*/, '$1[Redacted]') }),
            },
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          },
        }),
        TypeOrmModule.forRoot({
          ...postgresOptions(options.databaseUrl, config.dbPoolSize, { statementTimeoutMs: config.dbStatementTimeoutMs }),
          autoLoadEntities: true,
        }),
        CqrsModule.forRoot(),
        MessagingModule.forRoot({ relay: options.relay }),
        PrometheusModule.register({ path: '/metrics', controller: MetricsController, defaultMetrics: { enabled: true } }),
        TerminusModule,
        ThrottlerModule.forRoot(addressRateLimits(config)),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        UnitOfWork,
        BrokerHealthIndicator,
        PipelineStatus,
        PipelineHealthIndicator,
        PipelineMetrics,
        ...[...CONSUMER_GAUGES, ...(options.relay ? OUTBOX_GAUGES : [])].map((gauge) => makeGaugeProvider(gauge)),
        makeHistogramProvider({
          name: 'http_request_duration_seconds',
          help: 'HTTP request duration',
          labelNames: ['method', 'route', 'status'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        }),
      ],
      exports: [APP_CONFIG, UnitOfWork, PipelineMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware, HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
