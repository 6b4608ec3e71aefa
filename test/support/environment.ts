import { tmpdir } from 'node:os';
import { join } from 'node:path';
/**
 * Where the tests find the services. The http, integration and browser tiers use the real
 * PostgreSQL and Kafka that scripts/test.mjs makes sure of. The embedded tier
 * (test/jest.embedded.config.js) runs the api as `npm start` does: no DATABASE_URL and no
 * KAFKA_BROKERS, so the api publishes to its in-process broker, against the embedded PostgreSQL its
 * global set-up started (which sets TEST_ENGINE and TEST_DATABASE_URL for the specs).
 */
export const EMBEDDED = process.env.TEST_ENGINE === 'embedded';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/governance_test';
// KAFKA_PORT alone moves the local broker that scripts/kafka.sh starts (a second engineer's run beside this one).
export const TEST_KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`).split(',');
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256!';
export const TEST_ADMIN = { username: 'admin', password: 'county-test-secret-2026' };

/** Photos of a test run, apart from `npm start`'s .media/ and from other runs' databases. */
export const TEST_MEDIA_DIR = join(tmpdir(), `governance-media-${new URL(TEST_DATABASE_URL).pathname.slice(1)}`);

export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    MEDIA_DIR: TEST_MEDIA_DIR,
    ...(EMBEDDED ? {} : { DATABASE_URL: TEST_DATABASE_URL, KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(',') }),
    JWT_SECRET: TEST_JWT_SECRET,
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    OUTBOX_POLL_MS: '50',
    DEPARTMENT_REFRESH_MS: '300',
    // The deadline watcher only where a test asks for it: elsewhere it would add reminders to timelines.
    DEADLINE_WATCH_MS: '3600000',
    // Every test signs in from 127.0.0.1, and fuzzed sign-ins may name the admin: the throttling
    // spec sets its own limits; elsewhere they must not get in the way.
    SIGN_IN_PER_ADDRESS_PER_MINUTE: '1000000',
    TRACK_PER_ADDRESS_PER_MINUTE: '1000000',
    SIGN_IN_MAX_FAILURES: '1000000',
    ...extra,
  };
}
