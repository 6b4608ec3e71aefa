import { DataSource } from 'typeorm';
import { postgresOptions } from './data-source.options';

/** An arbitrary constant: replicas starting together apply migrations one at a time. */
const MIGRATION_LOCK_ID = 741_852_964;

/** Applies pending migrations under an advisory lock; returns the names applied. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = await new DataSource(postgresOptions(databaseUrl, 1)).initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await dataSource.destroy();
  }
}
