// What both benchmarks share: options, the bench database, logging, histograms, child processes
// (the services under test and short commands), an HTTP client, readiness waits, Kafka start-up
// and the build.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import hdr from 'hdr-histogram-js';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
export const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
export const REQUEST_TIMEOUT_MS = 30_000;
export const STOP_GRACE_MS = 10_000;

let logPrefix = 'bench';

/** Names the benchmark in every log line. */
export function setLogPrefix(prefix) {
  logPrefix = prefix;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const children = new Set();
let stopping = null;

process.on('exit', () => {
  for (const entry of children) if (!entry.exited) entry.child.kill('SIGKILL');
});

export class BenchError extends Error {}

export function fail(message) {
  throw new BenchError(message);
}

export function log(message) {
  process.stdout.write(`${logPrefix}: ${message}\n`);
}

export function fmtMs(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function fmtInt(value) {
  return value === null || value === undefined ? '-' : Math.round(value).toLocaleString('en-US');
}

export function stamp(date = new Date()) {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function newHistogram() {
  // Microseconds, 3 significant digits, auto-resizing.
  return hdr.build({ lowestDiscernibleValue: 1, numberOfSignificantValueDigits: 3 });
}

/** p50/p99/max etc. in milliseconds from a histogram recorded in microseconds. */
export function summary(histogram) {
  if (histogram.totalCount === 0) return { count: 0, p50Ms: null, p90Ms: null, p95Ms: null, p99Ms: null, maxMs: null, meanMs: null };
  const ms = (us) => Math.round(us) / 1000;
  return {
    count: histogram.totalCount,
    p50Ms: ms(histogram.getValueAtPercentile(50)),
    p90Ms: ms(histogram.getValueAtPercentile(90)),
    p95Ms: ms(histogram.getValueAtPercentile(95)),
    p99Ms: ms(histogram.getValueAtPercentile(99)),
    maxMs: ms(histogram.maxValue),
    meanMs: ms(histogram.mean),
  };
}

export function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** A port nothing listens on now, chosen by the system. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts a long-running child with its output in a log file; keeps the last lines for error messages. */
export function startService(name, args, env, logFile) {
  const out = fs.createWriteStream(logFile);
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const entry = { name, child, logFile, tail: [], exited: null, warnLines: 0, errorLines: 0, otherLines: 0, foreignEvents: 0, kafkaTrouble: 0, firstKafkaTrouble: null };
  const onData = (chunk) => {
    out.write(chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      entry.tail.push(line);
      if (entry.tail.length > 40) entry.tail.shift();
      // pino levels: 40 warn, 50 error, 60 fatal
      const level = /"level":(\d+)/.exec(line)?.[1];
      // Events of other databases on the shared broker, which the monitoring projector looks up and skips.
      if (line.includes('event not in the event store')) entry.foreignEvents++;
      if (/ECONNREFUSED|Crash: |Restarting the consumer|not the correct coordinator|not the leader/.test(line) && /kafka/i.test(line)) {
        entry.kafkaTrouble++;
        entry.firstKafkaTrouble ??= line.slice(0, 300);
      }
      if (level === '40') entry.warnLines++;
      else if (level === '50' || level === '60') entry.errorLines++;
      else if (!level) entry.otherLines++;
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  entry.done = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      entry.exited = { code, signal };
      out.end();
      resolve();
    });
    child.once('error', (error) => {
      entry.exited = { code: null, signal: null, error: String(error) };
      out.end();
      resolve();
    });
  });
  children.add(entry);
  return entry;
}

export async function stopService(entry) {
  if (entry.exited) {
    children.delete(entry);
    return;
  }
  const t0 = performance.now();
  entry.child.kill('SIGTERM');
  const killed = await Promise.race([entry.done.then(() => false), sleep(STOP_GRACE_MS).then(() => true)]);
  if (killed && !entry.exited) {
    log(`${entry.name} still running ${STOP_GRACE_MS / 1000} s after SIGTERM; sending SIGKILL`);
    entry.child.kill('SIGKILL');
    await entry.done;
    entry.neededSigkill = true;
  }
  entry.stopS = Math.round(performance.now() - t0) / 1000;
  children.delete(entry);
}

export function stopAll() {
  stopping ??= Promise.allSettled([...children].map((entry) => stopService(entry)));
  return stopping;
}

/** A short-lived command with its output shown; rejects on a non-zero exit. */
export function run(command, args, { env = process.env, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'] });
    const entry = { name: command, child, exited: null, tail: [] };
    entry.done = new Promise((r) => child.once('close', r));
    children.add(entry);
    let stdout = '';
    let stderr = '';
    if (capture) {
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
    }
    child.once('error', (error) => {
      entry.exited = { error };
      children.delete(entry);
      reject(new BenchError(`${command}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      entry.exited = { code, signal };
      children.delete(entry);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new BenchError(`${command} ${args.join(' ')} exited with ${code ?? signal}${capture ? `\n${stdout}${stderr}` : ''}`));
    });
  });
}

export function httpClient(port, maxSockets) {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  /** Resolves {status, body, text}; rejects only on network errors and timeouts. */
  function call(method, urlPath, { token, body, headers = {}, timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: urlPath,
          agent,
          headers: {
            accept: 'application/json, text/csv',
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed = null;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              parsed = null;
            }
            resolve({ status: res.statusCode, body: parsed, text, bytes: text.length });
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
      req.on('error', reject);
      req.end(payload ?? undefined);
    });
  }
  return { call, close: () => agent.destroy() };
}

export async function waitReady(entry, port, timeoutMs) {
  const client = httpClient(port, 2);
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  try {
    while (Date.now() < deadline) {
      if (entry.exited) {
        throw new BenchError(`${entry.name} exited during start-up (${JSON.stringify(entry.exited)}); last lines:\n${entry.tail.join('\n')}`);
      }
      try {
        const res = await client.call('GET', '/health/ready', { timeoutMs: 5000 });
        if (res.status === 200) return;
        last = `${res.status} ${res.text.slice(0, 300)}`;
      } catch (error) {
        last = error.message;
      }
      await sleep(250);
    }
  } finally {
    client.close();
  }
  throw new BenchError(`${entry.name} not ready on port ${port} within ${timeoutMs / 1000} s (last: ${last}); log: ${entry.logFile}`);
}

export async function kafkaUp() {
  log('starting Kafka if needed (scripts/kafka.sh up)');
  await run('bash', [path.join(ROOT, 'scripts', 'kafka.sh'), 'up']);
}

export function newestMtime(dir) {
  let newest = 0;
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(current, e.name);
      if (e.isDirectory()) stack.push(full);
      // Declarations compile to nothing, and the web build writes one (components.d.ts) after the server's.
      else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

export async function buildIfNeeded(options) {
  const outputs = ['dist/apps/api/src/main.js', 'dist/apps/dept-handler/src/main.js'].map((p) => path.join(ROOT, p));
  let reason = null;
  if (options.build === 'always') reason = '--build';
  else if (options.build === 'when-stale') {
    if (!outputs.every((p) => fs.existsSync(p))) reason = 'dist is missing';
    else {
      const built = Math.min(...outputs.map((p) => fs.statSync(p).mtimeMs));
      const sources = Math.max(
        newestMtime(path.join(ROOT, 'apps')),
        newestMtime(path.join(ROOT, 'libs')),
        ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => {
          try {
            return fs.statSync(path.join(ROOT, f)).mtimeMs;
          } catch {
            return 0;
          }
        }),
      );
      if (sources > built) reason = 'sources are newer than dist';
    }
  }
  if (!reason) {
    log('dist is up to date; not building');
    return false;
  }
  log(`building (${reason}): npm run build`);
  const t0 = performance.now();
  await run('npm', ['run', '--silent', 'build']).catch((error) => fail(`the build failed: ${error.message}`));
  log(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const p of outputs) if (!fs.existsSync(p)) fail(`the build did not produce ${path.relative(ROOT, p)}`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Options and the bench database

/** A bench script's help: its header comment, from after the shebang to the first line of code. */
function usageOf(scriptUrl) {
  const lines = fs.readFileSync(fileURLToPath(scriptUrl), 'utf8').split('\n').slice(1);
  return lines
    .slice(0, lines.findIndex((l) => !l.startsWith('//')))
    .map((l) => l.replace(/^\/\/ ?/, ''))
    .join('\n');
}

/**
 * The command line of a bench script: its `options` plus --build, --skip-build and --help (which
 * prints the script's header comment). `int(flag, env, fallback, min, max)` reads a whole number
 * from the flag or else the environment variable; `build` is 'always', 'never' or 'when-stale'.
 */
export function parseBenchArgs(scriptUrl, options) {
  const { values } = parseArgs({
    options: {
      ...options,
      build: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usageOf(scriptUrl));
    process.exit(0);
  }
  if (values.build && values['skip-build']) fail('--build and --skip-build exclude each other');
  const int = (flag, env, fallback, min, max) => {
    const raw = values[flag] ?? process.env[env];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(String(raw))) fail(`--${flag} (${env}) must be a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) fail(`--${flag} (${env}) must be between ${min} and ${max}, got ${n}`);
    return n;
  };
  return { values, int, build: values.build ? 'always' : values['skip-build'] ? 'never' : 'when-stale' };
}

/** The database a bench recreates, from `envName` or `fallback`: on loopback, with "bench" in its name. */
export function benchDatabase(envName, fallback) {
  const databaseUrl = process.env[envName] || fallback;
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  if (!/bench/i.test(database)) fail(`refusing to recreate database "${database}": its name must contain "bench"`);
  if (!/^[A-Za-z0-9_]+$/.test(database)) fail(`database name "${database}" must be letters, digits and "_"`);
  if (!LOOPBACK.has(url.hostname)) fail(`${envName} must point to a loopback host, got ${url.hostname}`);
  return { databaseUrl, database };
}

/** A client of the server's `postgres` database, for what is done outside the bench database. */
async function serverClient(databaseUrl) {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect().catch((error) => fail(`PostgreSQL is not reachable at ${url.host}: ${error.message}`));
  return client;
}

/** The server's version and the named settings, for the results. */
export async function postgresInfo(databaseUrl, settings) {
  const client = await serverClient(databaseUrl);
  try {
    const { rows } = await client.query('SHOW server_version');
    const found = await client.query('SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)', [settings]);
    return {
      version: rows[0].server_version,
      settings: Object.fromEntries(found.rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting])),
    };
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(databaseUrl, database) {
  const client = await serverClient(databaseUrl);
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

/** The environment of a service under test: nothing from the caller's shell may point it elsewhere. */
export function serviceEnv(options, clientId, extra) {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'PORT', 'MIGRATIONS_RUN', 'EMBEDDED_DB_DIR', 'KAFKA_CLIENT_ID', 'JWT_TTL_SECONDS']) {
    delete env[name];
  }
  return {
    ...env,
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    KAFKA_BROKERS: options.kafkaBrokers,
    KAFKA_CLIENT_ID: clientId,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    JWT_SECRET: options.jwtSecret,
    ADMIN_USERNAME: options.admin.username,
    ADMIN_PASSWORD: options.admin.password,
    LOG_LEVEL: 'warn',
    // Every client of a bench runs on this machine, one address: the per-address limits would throttle the load.
    SIGN_IN_PER_ADDRESS_PER_MINUTE: '1000000',
    TRACK_PER_ADDRESS_PER_MINUTE: '1000000',
    ...extra,
  };
}
