import { DataSourceOptions } from 'typeorm';
import { InitialSchema1764230400000 } from './migrations/1764230400000-initial-schema';

/** Every migration, in order; the api applies pending ones at start-up unless MIGRATIONS_RUN=false. */
export const MIGRATIONS = [InitialSchema1764230400000];

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
