import { ChildProcess, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { builtEntry, ROOT } from '../support/built-apps';
import { freePort } from '../support/dept-handler-process';
import { TEST_DATABASE_URL, testEnv } from '../support/environment';
import { eventually } from '../support/eventually';

interface Started {
  script: string;
  port: number;
  child: ChildProcess;
  output: string;
}

/** Issue 8: the start scripts run the build and never make it, so processes started together all come up. */
describe('start scripts started in the same second', () => {
  const started: Started[] = [];
  let apiEntry: string;

  beforeAll(() => {
    // `npm install` builds; a build older than the sources is made again here, before anything starts.
    apiEntry = builtEntry('apps/api/src/main.js');
  }, 240_000);

  afterAll(async () => {
    // npm leaves at once on SIGTERM; the node process it ran shuts down gracefully: wait for the whole group.
    const groupAlive = (pid: number): boolean => {
      try {
        process.kill(-pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await Promise.all(
      started.map(async ({ child }) => {
        const pid = child.pid!;
        if (!groupAlive(pid)) return;
        process.kill(-pid, 'SIGTERM');
        await eventually(`the processes of npm run (group ${pid}) have ended`, () => expect(groupAlive(pid)).toBe(false), { timeoutMs: 30_000 }).catch(
          () => process.kill(-pid, 'SIGKILL'),
        );
      }),
    );
  }, 60_000);

  const start = (script: string, port: number): Started => {
    const child = spawn('npm', ['run', script], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...testEnv(),
        PORT: String(port),
        MONITORING_PROJECTOR_GROUP: `monitoring-projector.${new URL(TEST_DATABASE_URL).pathname.slice(1)}`,
      },
      // A process group of its own, so that npm and the node process it runs are stopped together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const entry: Started = { script, port, child, output: '' };
    const keep = (chunk: Buffer): void => {
      entry.output = (entry.output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return entry;
  };

  it('brings up two api replicas and a department handler, and leaves the build as it was', async () => {
    const builtAt = statSync(apiEntry).mtimeMs;
    const ports = [await freePort(), await freePort(), await freePort()];
    started.push(start('start:api', ports[0]), start('start:api', ports[1]), start('start:dept-handler', ports[2]));

    await Promise.all(
      started.map((s) =>
        eventually(
          `npm run ${s.script} on port ${s.port} answers GET /health/ready with 200`,
          async () => {
            if (s.child.exitCode !== null) throw new Error(`npm run ${s.script} exited with ${s.child.exitCode}:\n${s.output}`);
            const response = await fetch(`http://127.0.0.1:${s.port}/health/ready`);
            expect(response.status).toBe(200);
          },
          // The api replicas migrate one after the other and every process joins its consumer groups.
          { timeoutMs: 90_000, intervalMs: 250 },
        ),
      ),
    );
    expect(statSync(apiEntry).mtimeMs).toBe(builtAt);
  }, 120_000);
});
