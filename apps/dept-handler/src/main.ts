import 'reflect-metadata';
import { configOrExit, configureHttp, openDatabase, stopGracefullyOnSignals } from '@app/operations';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DeptHandlerModule } from './dept-handler.module';

/** `npm run start:dept-handler`: needs DATABASE_URL and KAFKA_BROKERS; scale out by starting more. */
async function main(): Promise<void> {
  const config = configOrExit();
  for (const variable of ['DATABASE_URL', 'KAFKA_BROKERS'] as const) {
    if (!process.env[variable]) {
      console.error(`Invalid configuration: ${variable} must be set for the department handler`);
      process.exit(1);
    }
  }
  const database = await openDatabase(config);
  const app = await NestFactory.create(DeptHandlerModule.forRoot(config, database.url), { bufferLogs: true, bodyParser: false });
  configureHttp(app, { docs: false });
  stopGracefullyOnSignals(app, database);
  // Beside an api on the same host by default: PORT if given, else 3001.
  const port = process.env.PORT ? config.port : 3001;
  await app.listen(port, '0.0.0.0');
  new Logger('Main').log({ port }, 'department handler running');
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
