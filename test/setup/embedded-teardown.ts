import { rmSync } from 'node:fs';
import { EmbeddedPostgres } from '../../libs/persistence/src/embedded-postgres';

/** Stops the embedded tier's PostgreSQL and removes its folder. */
export default async function embeddedTeardown(): Promise<void> {
  const server = (globalThis as { embeddedPostgres?: EmbeddedPostgres }).embeddedPostgres;
  if (!server) return;
  await server.stop();
  rmSync(server.dataDir, { recursive: true, force: true });
}
