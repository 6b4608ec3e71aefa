import { loadConfig } from '@app/common';
import { postgresOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { rebuildReadModels } from './projection/rebuild-read-models';

/** `npm run monitoring:rebuild`: refills the monitoring read models of DATABASE_URL from its event store. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    console.error('DATABASE_URL is not set: name the database whose read models to rebuild.');
    process.exit(1);
  }
  const dataSource = await new DataSource(postgresOptions(config.databaseUrl, 2)).initialize();
  try {
    const started = Date.now();
    const { requests, events } = await rebuildReadModels(dataSource);
    console.log(`Rebuilt the monitoring read models: ${requests} requests from ${events} events in ${Date.now() - started} ms.`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
