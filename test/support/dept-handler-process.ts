import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEnv } from './environment';

const ROOT = join(__dirname, '..', '..');
const ENTRY = join('apps', 'dept-handler', 'src', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export interface BuiltApp {
  /** Absolute path of dist/apps/dept-handler/src/main.js (or of a private build of it). */
  entry: string;
  /** Where node finds the packages when the build lives outside the repository. */
  nodePath: string | undefined;
  cleanup(): void;
}

/**
 * The compiled dept-handler. `npm run build` output is reused when it is newer than every source
 * file; otherwise the same compilation (tsc + tsc-alias with tsconfig.build.json) goes to a private
 * folder, because `npm run build` starts with `rm -rf dist` and other processes may be running from dist/.
 */
export function buildDeptHandler(): BuiltApp {
  const distEntry = join(ROOT, 'dist', ENTRY);
  const sourcesAt = Math.max(newestSource(join(ROOT, 'apps')), newestSource(join(ROOT, 'libs')));
  if (existsSync(distEntry) && statSync(distEntry).mtimeMs > sourcesAt) {
    return { entry: distEntry, nodePath: undefined, cleanup: () => {} };
  }
  const outDir = mkdtempSync(join(tmpdir(), 'int-dept-handler-'));
  const run = (args: string[]): void => {
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', args[0]), [...args.slice(1), '-p', 'tsconfig.build.json', '--outDir', outDir], {
        cwd: ROOT,
        timeout: 180_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      rmSync(outDir, { recursive: true, force: true });
      throw new Error(`build failed: ${args.join(' ')}\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    }
  };
  run(['tsc']);
  run(['tsc-alias']);
  return { entry: join(outDir, ENTRY), nodePath: join(ROOT, 'node_modules'), cleanup: () => rmSync(outDir, { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface HandlerProcess {
  child: ChildProcess;
  port: number;
  /** What the process printed so far, for failure messages. */
  output(): string;
  /** Resolves with how it ended, or rejects after `timeoutMs`. */
  exited(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node dist/apps/dept-handler/src/main.js` with the test services, on its own port. */
export function spawnDeptHandler(app: BuiltApp, port: number, extraEnv: Record<string, string> = {}): HandlerProcess {
  let output = '';
  const exit = { done: false, code: null as number | null, signal: null as NodeJS.Signals | null };
  const child = spawn(process.execPath, [app.entry], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...testEnv(),
      PORT: String(port),
      MIGRATIONS_RUN: 'false',
      ...(app.nodePath ? { NODE_PATH: app.nodePath } : {}),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const ended = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      Object.assign(exit, { done: true, code, signal });
      resolve();
    });
  });
  return {
    child,
    port,
    output: () => output,
    exited: async (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`dept-handler still running ${timeoutMs} ms later; output:\n${output.slice(-4000)}`)), timeoutMs);
      });
      try {
        await Promise.race([ended, timeout]);
      } finally {
        clearTimeout(timer);
      }
      return { code: exit.code, signal: exit.signal };
    },
  };
}
