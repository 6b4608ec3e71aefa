import { randomBytes } from 'node:crypto';
import { passwordProblem } from './password-policy';

/**
 * Configuration, read once from the environment and validated at start-up. Any bad value
 * stops the process with a message that names the variable.
 */
export interface AppConfig {
  readonly port: number;
  /** null: the embedded PostgreSQL of the all-in-one default. */
  readonly databaseUrl: string | null;
  /** Where the embedded PostgreSQL keeps its cluster when DATABASE_URL is not set. */
  readonly embeddedDbDir: string;
  /** null: events travel through a log kept in the database (all-in-one default, see DatabaseLogBroker). */
  readonly kafkaBrokers: readonly string[] | null;
  readonly kafkaClientId: string;
  readonly jwtSecret: string;
  readonly jwtTtlSeconds: number;
  readonly adminUsername: string | null;
  readonly adminPassword: string | null;
  readonly logLevel: LogLevel;
  readonly migrationsRun: boolean;
  readonly outboxPollMs: number;
  readonly handlerMaxAttempts: number;
  readonly departmentRefreshMs: number;
  readonly dbPoolSize: number;
  /** The server cancels a statement that runs longer (the client gives up 5 s later). */
  readonly dbStatementTimeoutMs: number;
  /** How often the api's deadline watcher looks for overdue tasks and assignments. */
  readonly deadlineWatchMs: number;
  /** Failed sign-ins of one account (in every replica) before it is locked. */
  readonly signInMaxFailures: number;
  /** How long an account stays locked; also the window its failures are counted in. */
  readonly signInLockoutSeconds: number;
  /** Sign-in attempts one client address may make per minute (per replica). */
  readonly signInPerAddressPerMinute: number;
  /** Tracking-page lookups one client address may make per minute (per replica). */
  readonly trackPerAddressPerMinute: number;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client address. */
  readonly trustProxy: TrustProxy;
  /** Where the local media storage keeps photos (MEDIA_DIR). */
  readonly mediaDir: string;
  /** Department code (or `*` for every other) to the URL its notices are POSTed to; empty: notices are logged. */
  readonly noticeWebhooks: ReadonlyMap<string, string>;
  /** The HMAC-SHA256 key of webhook signatures; null when no webhook is configured. */
  readonly noticeWebhookSecret: string | null;
  /** Attempts at a webhook delivery before it is dead-lettered. */
  readonly noticeWebhookMaxAttempts: number;
  /** The delay before the first retry; each next one doubles. */
  readonly noticeWebhookBackoffMs: number;
  /** How often a department handler process looks for outbound notices to send. */
  readonly noticeDispatchMs: number;
  /** How often each api replica looks for new notices to push to open streams. */
  readonly noticePollMs: number;
  /** The built web app served at /; null: dist/web beside the compiled api. */
  readonly webAppDir: string | null;
  /** Map tiles for the web app's maps (e.g. 天地图 with its key); null: maps show the grid boundaries alone. */
  readonly mapTileUrl: string | null;
  readonly mapTileAttribution: string;
  /** The tiles' coordinate system: wgs84 (天地图, CGCS2000) or gcj02 (高德, 腾讯), which the app converts with gcoord. */
  readonly mapTileCoordinates: 'wgs84' | 'gcj02';
}

/** false, a number of proxy hops, or addresses, CIDR ranges and the names loopback, linklocal, uniquelocal. */
export type TrustProxy = false | number | string[];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(name, `must be "true" or "false", got "${raw}"`);
}

function trustProxy(env: Env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === 'false') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!/^(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)$/.test(entry)) {
      throw new ConfigError('TRUST_PROXY', `must be false, a number of hops, or addresses and CIDR ranges (or loopback, linklocal, uniquelocal), got "${entry}"`);
    }
  }
  return entries;
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'must be a URL such as postgres://user@127.0.0.1:5432/governance');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must use the postgres:// scheme, got "${url.protocol}"`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', 'must name a database');
  return raw;
}

function kafkaBrokers(env: Env): string[] | null {
  const raw = env.KAFKA_BROKERS;
  if (!raw) return null;
  const brokers = raw.split(',').map((b) => b.trim());
  for (const broker of brokers) {
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(broker)) {
      throw new ConfigError('KAFKA_BROKERS', `must be a comma-separated list of host:port, got "${broker}"`);
    }
  }
  return brokers;
}

/** NOTICE_WEBHOOK_URLS: `code=url` pairs, comma-separated; `*=url` for the departments not named. */
function noticeWebhooks(env: Env): Map<string, string> {
  const raw = env.NOTICE_WEBHOOK_URLS?.trim();
  const webhooks = new Map<string, string>();
  if (!raw) return webhooks;
  for (const entry of raw.split(',').map((e) => e.trim())) {
    const at = entry.indexOf('=');
    const code = entry.slice(0, at).trim();
    const url = entry.slice(at + 1).trim();
    let parsed: URL | null = null;
    try {
      parsed = at > 0 ? new URL(url) : null;
    } catch {
      parsed = null;
    }
    if (!(code === '*' || /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(code)) || !parsed || !['http:', 'https:'].includes(parsed.protocol)) {
      throw new ConfigError('NOTICE_WEBHOOK_URLS', `must be comma-separated department-code=http(s)-URL pairs (or *=URL), got "${entry}"`);
    }
    webhooks.set(code, url);
  }
  return webhooks;
}

/** A tile URL template: http(s), with {z}, {x} and {y} (Leaflet's placeholders; {s} for subdomains allowed). */
function mapTileUrl(env: Env): string | null {
  const raw = env.MAP_TILE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.replace(/\{[a-z]\}/g, '0'));
  } catch {
    throw new ConfigError('MAP_TILE_URL', `must be a URL template such as https://t0.tianditu.gov.cn/vec_w/wmts?...&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('MAP_TILE_URL', `must use http or https, got "${url.protocol}"`);
  for (const placeholder of ['{z}', '{x}', '{y}']) {
    if (!raw.includes(placeholder)) throw new ConfigError('MAP_TILE_URL', `must hold the placeholders {z}, {x} and {y}; ${placeholder} is missing`);
  }
  return raw;
}

function mapTileCoordinates(env: Env): 'wgs84' | 'gcj02' {
  const raw = env.MAP_TILE_COORDINATES?.trim() || 'wgs84';
  if (raw !== 'wgs84' && raw !== 'gcj02') throw new ConfigError('MAP_TILE_COORDINATES', `must be "wgs84" or "gcj02", got "${raw}"`);
  return raw;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const db = databaseUrl(env);
  const brokers = kafkaBrokers(env);
  const embedded = db === null && brokers === null;

  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    // Only the embedded demo may run without a configured secret: its tokens die with the process.
    if (!embedded) throw new ConfigError('JWT_SECRET', 'must be set when DATABASE_URL or KAFKA_BROKERS is set');
    jwtSecret = randomBytes(32).toString('hex');
  } else if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }

  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }

  const adminUsername = env.ADMIN_USERNAME || (embedded ? 'admin' : null);
  const adminPassword = env.ADMIN_PASSWORD || (embedded ? 'county-demo-2026' : null);
  if ((adminUsername === null) !== (adminPassword === null)) {
    throw new ConfigError(adminUsername ? 'ADMIN_PASSWORD' : 'ADMIN_USERNAME', 'must be set together with the other');
  }
  // The first admin is held to the same password policy as every user.
  const weakness = adminUsername !== null && adminPassword !== null ? passwordProblem(adminPassword, adminUsername) : null;
  if (weakness) throw new ConfigError('ADMIN_PASSWORD', weakness);

  const webhooks = noticeWebhooks(env);
  const webhookSecret = env.NOTICE_WEBHOOK_SECRET || null;
  if (webhooks.size > 0 && (webhookSecret === null || webhookSecret.length < 16)) {
    throw new ConfigError('NOTICE_WEBHOOK_SECRET', 'must be set, 16 characters or more, when NOTICE_WEBHOOK_URLS is');
  }

  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: db,
    embeddedDbDir: env.EMBEDDED_DB_DIR || '.embedded-db',
    kafkaBrokers: brokers,
    kafkaClientId: env.KAFKA_CLIENT_ID || 'grid-governance',
    jwtSecret,
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    adminUsername,
    adminPassword,
    logLevel,
    migrationsRun: flag(env, 'MIGRATIONS_RUN', true),
    outboxPollMs: integer(env, 'OUTBOX_POLL_MS', 200, 10, 60_000),
    handlerMaxAttempts: integer(env, 'HANDLER_MAX_ATTEMPTS', 3, 1, 20),
    departmentRefreshMs: integer(env, 'DEPARTMENT_REFRESH_MS', 5000, 100, 600_000),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 100),
    dbStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 15_000, 100, 600_000),
    deadlineWatchMs: integer(env, 'DEADLINE_WATCH_MS', 30_000, 50, 3_600_000),
    signInMaxFailures: integer(env, 'SIGN_IN_MAX_FAILURES', 5, 1, 1_000_000),
    signInLockoutSeconds: integer(env, 'SIGN_IN_LOCKOUT_SECONDS', 900, 1, 86_400),
    signInPerAddressPerMinute: integer(env, 'SIGN_IN_PER_ADDRESS_PER_MINUTE', 30, 1, 1_000_000),
    trackPerAddressPerMinute: integer(env, 'TRACK_PER_ADDRESS_PER_MINUTE', 60, 1, 1_000_000),
    trustProxy: trustProxy(env),
    mediaDir: env.MEDIA_DIR || '.media',
    noticeWebhooks: webhooks,
    noticeWebhookSecret: webhookSecret,
    noticeWebhookMaxAttempts: integer(env, 'NOTICE_WEBHOOK_MAX_ATTEMPTS', 6, 1, 50),
    noticeWebhookBackoffMs: integer(env, 'NOTICE_WEBHOOK_BACKOFF_MS', 2000, 10, 3_600_000),
    noticeDispatchMs: integer(env, 'NOTICE_DISPATCH_MS', 1000, 10, 600_000),
    noticePollMs: integer(env, 'NOTICE_POLL_MS', 1000, 50, 60_000),
    webAppDir: env.WEB_APP_DIR?.trim() || null,
    mapTileUrl: mapTileUrl(env),
    mapTileAttribution: (env.MAP_TILE_ATTRIBUTION ?? '').slice(0, 300),
    mapTileCoordinates: mapTileCoordinates(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
