import { loadConfig } from '@app/common';
import { runMigrations } from './run-migrations';

/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    console.error('DATABASE_URL is not set: the embedded database migrates itself at start-up.');
    process.exit(1);
  }
  const applied = await runMigrations(config.databaseUrl);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is current.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
