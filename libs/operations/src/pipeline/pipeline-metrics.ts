import { Injectable, Optional } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Gauge } from 'prom-client';
import { PipelineStatus } from './pipeline-status';

type ConsumerLabels = 'group' | 'topic';

/** The pipeline's gauges, read afresh at each scrape (see MetricsController). */
@Injectable()
export class PipelineMetrics {
  constructor(
    private readonly pipeline: PipelineStatus,
    @InjectMetric('consumer_lag_messages') private readonly lag: Gauge<ConsumerLabels>,
    @InjectMetric('consumer_consuming') private readonly consuming: Gauge<ConsumerLabels>,
    @InjectMetric('consumer_restarts') private readonly restarts: Gauge<ConsumerLabels>,
    // Registered only where this process runs the outbox relay.
    @Optional() @InjectMetric('outbox_backlog_rows') private readonly backlogRows?: Gauge,
    @Optional() @InjectMetric('outbox_oldest_unpublished_age_seconds') private readonly oldestAge?: Gauge,
    @Optional() @InjectMetric('outbox_since_last_publish_seconds') private readonly sinceLastPublish?: Gauge,
  ) {}

  async refresh(): Promise<void> {
    const reports = this.pipeline.consumers();
    const [backlog, lags] = await Promise.all([
      this.pipeline.outbox().catch(() => null),
      Promise.all(reports.map((r) => this.pipeline.lag(r))),
    ]);
    if (backlog) {
      this.backlogRows?.set(backlog.rows);
      this.oldestAge?.set(backlog.oldestAgeSeconds ?? 0);
      this.sinceLastPublish?.set(backlog.sinceLastPublishSeconds ?? -1);
    }
    // Groups closed since the last scrape drop out.
    for (const gauge of [this.lag, this.consuming, this.restarts]) gauge.reset();
    reports.forEach((report, i) => {
      const labels = { group: report.groupId, topic: report.topic };
      const lag = lags[i];
      if (lag !== null) this.lag.set(labels, lag);
      this.consuming.set(labels, report.state === 'consuming' ? 1 : 0);
      this.restarts.set(labels, report.restarts);
    });
  }
}

/** The gauges' definitions, registered by the platform module (the outbox's where the relay runs). */
export const OUTBOX_GAUGES = [
  { name: 'outbox_backlog_rows', help: 'Outbox rows not yet published' },
  { name: 'outbox_oldest_unpublished_age_seconds', help: 'Age of the oldest unpublished outbox row; 0 when none waits' },
  { name: 'outbox_since_last_publish_seconds', help: 'Seconds since any outbox relay last published; -1 when never' },
];

export const CONSUMER_GAUGES = [
  { name: 'consumer_lag_messages', help: 'Messages of the topic the consumer group has not committed yet', labelNames: ['group', 'topic'] },
  { name: 'consumer_consuming', help: '1 while the consumer group member of this process consumes, 0 while it joins or restarts', labelNames: ['group', 'topic'] },
  { name: 'consumer_restarts', help: 'Fresh consumers this process started for the group after a crash or a stall', labelNames: ['group', 'topic'] },
];
