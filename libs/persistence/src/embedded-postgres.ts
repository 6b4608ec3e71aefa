import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The embedded default's PostgreSQL: PGlite in this process, served over the ordinary wire
 * protocol so the same `pg` driver, TypeORM and migrations run against it.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  /** `dataDir` null keeps everything in memory. */
  static async start(dataDir: string | null, maxConnections: number): Promise<EmbeddedPostgres> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir ?? undefined);
    const port = await freePort();
    // The socket server must accept at least as many connections as the pool opens.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
    await server.start();
    return new EmbeddedPostgres(db, server, `postgres://postgres@127.0.0.1:${port}/postgres`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
