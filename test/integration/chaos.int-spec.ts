import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_KAFKA_BROKERS } from '../support/environment';

const ROOT = join(__dirname, '..', '..');

interface ChaosResult {
  acknowledged: number;
  statuses: Record<string, number>;
  counts: { claims: number; assignmentResolves: number; retriedFilings: number };
  checks: { name: string; ok: boolean; detail: string }[];
  timeline: { atS: number; what: string }[];
}

/**
 * Five free ports in a row from a random start: two apis, two handlers, PostgreSQL. Below Linux's
 * ephemeral range (32768 and up): a port there may be taken by an outgoing connection while a killed
 * service is down, and the service could not listen on it again.
 */
async function freeRun(): Promise<number> {
  const free = (port: number): Promise<boolean> =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const all = await Promise.all([0, 1, 2, 3, 4].map((i) => free(base + i)));
    if (all.every(Boolean)) return base;
  }
}

/**
 * The short version of `npm run chaos`: two api replicas and two department handlers under steady
 * filing, claiming and resolving, with clients that retry with the same Idempotency-Key; a handler
 * and an api are killed -9 and restarted, the broker is stopped and started while the restarted
 * handler is still rejoining its groups, and PostgreSQL (a cluster of the run's own) restarts.
 */
describe('faults under load (npm run chaos, short)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chaos-'));
  // As root the cluster runs as the OS user postgres, which must be able to enter the folder.
  chmodSync(dir, 0o755);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing: every acknowledged filing once, gapless timelines, outbox published, deliveries once, read models as rebuilt', async () => {
    const basePort = await freeRun();
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['scripts/chaos.mjs', '--duration', '40', '--filers', '1', '--pause', '150', '--skip-build', '--base-port', String(basePort)], {
        cwd: ROOT,
        env: { ...process.env, KAFKA_PORT: TEST_KAFKA_BROKERS[0].split(':')[1], CHAOS_DIR: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.once('exit', resolve);
    });
    process.stderr.write(output.join(''));
    expect(code).toBe(0);

    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as ChaosResult;
    expect(result.timeline.map((t) => t.what)).toEqual(
      expect.arrayContaining(['kill -9 handler-1', 'kill -9 api-1', 'broker starting again', 'PostgreSQL starting again']),
    );
    expect(result.acknowledged).toBeGreaterThan(50);
    expect(result.counts.claims).toBeGreaterThan(0);
    expect(result.counts.assignmentResolves).toBeGreaterThan(0);
    expect(result.checks.map((c) => c.name)).toEqual([
      'every filing answered 201 exists exactly once',
      'every timeline is gapless (1..n, matching the request)',
      'every outbox row is published',
      'every assignment delivered to its department exactly once in effect',
      'the monitoring read models equal a fresh rebuild',
      'every service is ready again after the faults',
    ]);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
  }, 480_000);
});
