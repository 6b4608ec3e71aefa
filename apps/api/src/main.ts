import 'reflect-metadata';
import { configOrExit, DEMO_PASSWORD, DemoCounty, openDatabase, stopGracefullyOnSignals } from '@app/operations';
import { Logger } from '@nestjs/common';
import { createApi } from './create-api';

/**
 * `npm run start:api`: the api against DATABASE_URL and KAFKA_BROKERS.
 * `npm start` (--all-in-one): api and department handlers in one process; with nothing
 * configured, on the embedded PostgreSQL with events kept in its log tables, with a demo county.
 */
async function main(): Promise<void> {
  const allInOne = process.argv.includes('--all-in-one');
  const config = configOrExit();
  if (!allInOne && !config.kafkaBrokers) {
    console.error('Invalid configuration: KAFKA_BROKERS must be set for the api alone (its department handlers run elsewhere); `npm start` runs everything in one process');
    process.exit(1);
  }
  const database = await openDatabase(config);
  const app = await createApi({ config, databaseUrl: database.url, withDepartmentHandlers: allInOne });
  stopGracefullyOnSignals(app, database);
  await app.listen(config.port, '0.0.0.0');
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  const logger = new Logger('Main');
  logger.log({ url, embeddedDatabase: database.embedded, kafka: config.kafkaBrokers ?? 'none (events through the database log)' }, 'api listening');

  if (database.embedded) {
    const signIns = await app.get(DemoCounty).seedIfEmpty();
    const lines = [
      '',
      `Web app: ${url}/   (the leaders' dashboard: ${url}/dashboard)`,
      `Grid governance service: ${url}/api/v1   (API docs: ${url}/docs, health: ${url}/health)`,
      `Embedded mode: PostgreSQL run by this process (data in ${config.embeddedDbDir}/), events through its log tables (no Kafka).`,
      'Demo sign-ins 演示账号 (the demo county 演示县: 滨河街道, 渔阳街道; sign in at the web app or POST /api/v1/auth/token {username, password}):',
      `  ${(config.adminUsername ?? '').padEnd(18)} admin          password ${config.adminPassword}   管理员`,
      ...signIns.map((s) => `  ${s.username.padEnd(18)} ${s.role.padEnd(14)} password ${DEMO_PASSWORD}   ${s.label} (${s.scope})`),
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
