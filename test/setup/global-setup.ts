// Global setup runs outside jest's module mapper, hence the relative path.
import { runMigrations } from '../../libs/persistence/src/run-migrations';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { TEST_DATABASE_URL, TEST_KAFKA_BROKERS } from '../support/environment';

/**
 * A fresh database for each test run, migrated; refuses any database whose name lacks "test".
 * Checks the broker answers, so a missing one fails at once with what to do.
 */
export default async function globalSetup(): Promise<void> {
  const url = new URL(TEST_DATABASE_URL);
  const name = url.pathname.slice(1);
  if (!/test/i.test(name)) throw new Error(`refusing to reset database "${name}": its name must contain "test"`);
  const admin = new URL(TEST_DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  await runMigrations(TEST_DATABASE_URL);

  const kafkaAdmin = new Kafka({ brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  try {
    await kafkaAdmin.connect();
    await kafkaAdmin.describeCluster();
  } catch (error) {
    throw new Error(`Kafka is not reachable at ${TEST_KAFKA_BROKERS.join(',')}: run "npm run kafka:up" (${String(error)})`);
  } finally {
    await kafkaAdmin.disconnect();
  }
}
