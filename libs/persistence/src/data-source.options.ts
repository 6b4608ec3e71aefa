import { DataSourceOptions } from 'typeorm';
import { InitialSchema1764230400000 } from './migrations/1764230400000-initial-schema';
import { RoutingAndIntake1764300000000 } from './migrations/1764300000000-routing-and-intake';
import { CalendarAndEscalation1764300100000 } from './migrations/1764300100000-calendar-and-escalation';
import { WhistleReturnsFeedback1764300200000 } from './migrations/1764300200000-whistle-returns-feedback';
import { MonitoringReadModels1764400000000 } from './migrations/1764400000000-monitoring-read-models';
import { LeaderAlerts1764400100000 } from './migrations/1764400100000-leader-alerts';
import { MonitoringDailyFigures1764400200000 } from './migrations/1764400200000-monitoring-daily-figures';
import { UserAccess1764500000000 } from './migrations/1764500000000-user-access';
import { AuditLog1764500100000 } from './migrations/1764500100000-audit-log';
import { OutboxRelayState1764600000000 } from './migrations/1764600000000-outbox-relay-state';
import { EmbeddedTopics1764600100000 } from './migrations/1764600100000-embedded-topics';
import { QueueIndexes1764700000000 } from './migrations/1764700000000-queue-indexes';
import { Media1764700100000 } from './migrations/1764700100000-media';
import { Notices1764700200000 } from './migrations/1764700200000-notices';

/** Every migration, in order; the api applies pending ones at start-up unless MIGRATIONS_RUN=false. */
export const MIGRATIONS = [
  InitialSchema1764230400000,
  RoutingAndIntake1764300000000,
  CalendarAndEscalation1764300100000,
  WhistleReturnsFeedback1764300200000,
  MonitoringReadModels1764400000000,
  LeaderAlerts1764400100000,
  MonitoringDailyFigures1764400200000,
  UserAccess1764500000000,
  AuditLog1764500100000,
  OutboxRelayState1764600000000,
  EmbeddedTopics1764600100000,
  QueueIndexes1764700000000,
  Media1764700100000,
  Notices1764700200000,
];

/**
 * Time limits of the services' connections, so a hung query or a stuck transaction cannot freeze
 * the relay or a consumer: the server cancels a statement after `statementTimeoutMs` and ends a
 * session idle in a transaction for longer than the relay's longest publish; the client gives up
 * on an answer that does not come (a server or network that hangs).
 */
export interface QueryLimits {
  statementTimeoutMs: number;
}

/** Longer than the longest the outbox relay holds its transaction open around a publish (60 s). */
const IDLE_IN_TRANSACTION_MS = 90_000;

/** `limits` null: no time limits (migrations and the read-model rebuild may run long). */
export function postgresOptions(url: string, poolSize: number, limits: QueryLimits | null = null): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 10_000,
      ...(limits && {
        statement_timeout: limits.statementTimeoutMs,
        idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
        query_timeout: limits.statementTimeoutMs + 5_000,
      }),
    },
  };
}
