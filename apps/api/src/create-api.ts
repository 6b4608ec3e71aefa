import { FirstAdmin } from '@app/identity';
import { configureHttp } from '@app/operations';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiModule, ApiOptions } from './api.module';

/** Builds and initialises the api (used by main and by the HTTP tests). */
export async function createApi(options: ApiOptions): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(options), { bufferLogs: true, bodyParser: false });
  configureHttp(app, { docs: true, webApp: true });
  await app.init();
  await app.get(FirstAdmin).ensure();
  return app;
}
