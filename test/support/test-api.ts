import { loadConfig } from '@app/common';
import { INestApplication } from '@nestjs/common';
import { register } from 'prom-client';
import request from 'supertest';
import { createApi } from '../../apps/api/src/create-api';
import { TEST_ADMIN, TEST_DATABASE_URL, testEnv } from './environment';

export interface TestApi {
  app: INestApplication;
  http: ReturnType<typeof request>;
  adminToken: string;
  close(): Promise<void>;
}

/** The api in this process against the real PostgreSQL and Kafka; department handlers too when asked. */
/**
 * The monitoring projector's consumer group: read models live in one database, and engineers'
 * test databases share one Kafka, so each database gets its own group.
 */
process.env.MONITORING_PROJECTOR_GROUP ??= `monitoring-projector.${new URL(TEST_DATABASE_URL).pathname.slice(1)}`;

export async function startTestApi(options: { withDepartmentHandlers?: boolean; env?: Record<string, string> } = {}): Promise<TestApi> {
  const config = loadConfig(testEnv(options.env));
  // prom-client's registry is global: a spec's next app registers its metrics afresh (one app at a time per spec).
  register.clear();
  const app = await createApi({
    config,
    databaseUrl: TEST_DATABASE_URL,
    withDepartmentHandlers: options.withDepartmentHandlers ?? false,
  });
  await app.listen(0, '127.0.0.1');
  const http = request(app.getHttpServer());
  const adminToken = await signIn(http, TEST_ADMIN.username, TEST_ADMIN.password);
  return { app, http, adminToken, close: () => app.close() };
}

export async function signIn(http: ReturnType<typeof request>, username: string, password: string): Promise<string> {
  const response = await http.post('/api/v1/auth/token').send({ username, password });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
