import { EmbeddedPostgres, EmbeddedPostgresError } from '@app/persistence';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { builtEntry } from '../support/built-apps';
import { freePort } from '../support/dept-handler-process';
import { eventually } from '../support/eventually';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a fault-injection script and a killed `npm start` rely on: restarts on the same data and port. */
describe('EmbeddedPostgres', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'governance-embedded-postgres-'));
  let server: EmbeddedPostgres | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps committed rows across a stop and a start on the same folder and port', async () => {
    const port = await freePort();
    server = await EmbeddedPostgres.start({ dataDir, port });
    await query(server.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (1), (2)');
    const url = server.url;
    await server.stop();
    await expect(query(url, 'SELECT 1')).rejects.toThrow();

    server = await EmbeddedPostgres.start({ dataDir, port });
    expect(server.url).toBe(url);
    expect(await query(server.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 2 }]);
  });

  it('starts again on the same port after its server was killed with SIGKILL', async () => {
    const { port } = server!;
    process.kill(server!.pid, 'SIGKILL');
    server = await EmbeddedPostgres.start({ dataDir, port });
    expect(await query(server.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 2 }]);
  });

  it('refuses a folder whose server another live process owns, naming it', async () => {
    const refusal = await EmbeddedPostgres.start({ dataDir }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(EmbeddedPostgresError);
    expect((refusal as Error).message).toContain(`in use by process ${process.pid}`);
    await server!.stop();
    server = undefined;
  });

  it('stops the server a killed process left running, and starts its own', async () => {
    // Another process starts the server and is killed with SIGKILL, as `kill -9` of `npm start` would.
    const persistence = dirname(builtEntry('libs/persistence/src/index.js'));
    const owner = spawn(
      process.execPath,
      ['-e', `require(${JSON.stringify(persistence)}).EmbeddedPostgres.start({ dataDir: ${JSON.stringify(dataDir)} }).then((s) => { console.log('pid', s.pid); setInterval(() => {}, 60_000); })`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const leftPid = await new Promise<number>((resolve, reject) => {
      owner.stdout!.on('data', (chunk: Buffer) => {
        const found = /pid (\d+)/.exec(chunk.toString());
        if (found) resolve(Number(found[1]));
      });
      owner.once('exit', (code) => reject(new Error(`the owning process exited with ${code} before its server was up`)));
    });
    const killed = new Promise((resolve) => owner.once('exit', resolve));
    owner.kill('SIGKILL');
    await killed;
    expect(isAlive(leftPid)).toBe(true);

    server = await EmbeddedPostgres.start({ dataDir });
    // Stopped: gone once its new parent (init) has reaped it.
    await eventually('the server left running is gone', () => expect(isAlive(leftPid)).toBe(false), { timeoutMs: 10_000 });
    expect(await query(server.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 2 }]);
  });
});
