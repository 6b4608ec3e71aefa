import { DEMO_REQUEST_COUNT } from '@app/operations';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { builtEntry, ROOT } from '../support/built-apps';
import { freePort } from '../support/dept-handler-process';
import { eventually } from '../support/eventually';
import { runUserSessions } from '../support/user-sessions';

const SESSIONS = 6;
const FILINGS_PER_SESSION = 4;

interface Service {
  child: ChildProcess;
  url: string;
  output(): string;
}

/**
 * Issue 8: `npm start` with nothing configured (the compiled entry with `--all-in-one`, no
 * DATABASE_URL, no KAFKA_BROKERS, no secrets) holds several user sessions at the same time, and
 * again after a restart on the same data: no 5xx, every outbox row published, the read models
 * caught up, ready.
 */
describe('npm start with nothing configured', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'governance-npm-start-'));
  let entry: string;
  let service: Service | undefined;

  beforeAll(() => {
    entry = builtEntry('apps/api/src/main.js');
  }, 240_000);

  afterAll(async () => {
    if (service) await stop(service).catch(() => service?.child.kill('SIGKILL'));
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function start(): Promise<Service> {
    const port = await freePort();
    let output = '';
    const child = spawn(process.execPath, [entry, '--all-in-one'], {
      cwd: ROOT,
      // Nothing configured but where to listen and where to keep the data (a folder of this test's own).
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), EMBEDDED_DB_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-40_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const url = `http://127.0.0.1:${port}`;
    await eventually(
      'npm start prints the demo sign-ins and answers GET /health/ready with 200',
      async () => {
        if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${output}`);
        expect(output).toContain('Demo sign-ins');
        expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    return { child, url, output: () => output };
  }

  /** SIGTERM, as Ctrl-C or a process manager would: a clean exit that also stops the embedded server. */
  async function stop(running: Service): Promise<void> {
    const exited = new Promise<number | null>((resolve) => running.child.once('exit', (code) => resolve(code)));
    running.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(false);
  }

  /** The service's own database, as its files describe it: the port in postmaster.pid, the password beside the cluster. */
  async function queryDatabase<T>(sql: string): Promise<T[]> {
    const port = readFileSync(join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[3].trim();
    const password = readFileSync(join(dataDir, 'password'), 'utf8').trim();
    const client = new Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async function sessionsHold(running: Service): Promise<void> {
    const report = await runUserSessions(running.url, SESSIONS, FILINGS_PER_SESSION);
    const serverErrors = Object.keys(report.statuses).filter((status) => Number(status) >= 500);
    expect({ failures: report.failures, serverErrors }).toEqual({ failures: [], serverErrors: [] });
    expect(report.filed).toBe(SESSIONS * FILINGS_PER_SESSION);
    // The only refusals are lost claim races.
    expect(report.refusals.filter((r) => !/\/claim: 409 CASEWORK\./.test(r))).toEqual([]);

    await eventually(
      'every outbox row is published and the monitoring read models hold every request',
      async () => {
        const [row] = await queryDatabase<{ unpublished: number; requests: number; projected: number }>(
          `SELECT (SELECT count(*)::int FROM outbox WHERE published_at IS NULL) AS unpublished,
                  (SELECT count(*)::int FROM requests) AS requests,
                  (SELECT count(*)::int FROM mon_requests) AS projected`,
        );
        expect(row.unpublished).toBe(0);
        expect(row.projected).toBe(row.requests);
      },
      { timeoutMs: 30_000 },
    );
    expect((await fetch(`${running.url}/health/ready`)).status).toBe(200);
  }

  it('holds concurrent user sessions on its first start', async () => {
    service = await start();
    await sessionsHold(service);
    await stop(service);
    service = undefined;
  }, 120_000);

  it('holds them again after a restart on the same data', async () => {
    if (service) await stop(service);
    service = await start();
    const [{ requests }] = await queryDatabase<{ requests: number }>('SELECT count(*)::int AS requests FROM requests');
    // The demo county's sample matters, and the first start's filings: none lost, none doubled.
    expect(requests).toBe(DEMO_REQUEST_COUNT + SESSIONS * FILINGS_PER_SESSION);
    await sessionsHold(service);
  }, 120_000);
});
