// Global set-up of the embedded tier; it runs outside jest's module mapper, hence the relative paths.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres } from '../../libs/persistence/src/embedded-postgres';
import { runMigrations } from '../../libs/persistence/src/run-migrations';

/**
 * The embedded PostgreSQL as `npm start` opens it (a fresh cluster in a folder of its own,
 * migrated), for the specs of this run: they read TEST_ENGINE and TEST_DATABASE_URL.
 */
export default async function embeddedSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'governance-embedded-test-'));
  const server = await EmbeddedPostgres.start({ dataDir });
  await runMigrations(server.url);
  (globalThis as { embeddedPostgres?: EmbeddedPostgres }).embeddedPostgres = server;
  process.env.TEST_ENGINE = 'embedded';
  process.env.TEST_DATABASE_URL = server.url;
}
