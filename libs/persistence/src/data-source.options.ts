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
];

export function postgresOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  };
}
