import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { builtEntry, ROOT } from './built-apps';
import { testEnv } from './environment';

export interface BuiltApp {
  /** Absolute path of a compiled entry, e.g. dist/apps/dept-handler/src/main.js. */
  entry: string;
}

/** The compiled dept-handler in dist/ (built first when missing or stale). */
export function buildDeptHandler(): BuiltApp {
  return { entry: builtEntry('apps/dept-handler/src/main.js') };
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
