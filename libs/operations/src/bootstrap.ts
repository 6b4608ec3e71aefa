import { APP_CONFIG, AppConfig, ConfigError, loadConfig } from '@app/common';
import { answerClientErrorsInShape, createValidationPipe, HttpErrorFilter, jsonBody } from '@app/common/http';
import { EmbeddedPostgres, EmbeddedPostgresError, isDatabaseUnavailable, runMigrations } from '@app/persistence';
import { INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { serveOpenApi } from './openapi';
import { isBuiltCode, serveWebApp } from './web-app/web-app-hosting';

export const API_PREFIX = 'api/v1';

/** Reads the configuration or stops the process with a message naming the bad variable. */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL, or the embedded PostgreSQL when it is not set; pending migrations applied unless disabled. */
export async function openDatabase(config: AppConfig): Promise<Database> {
  if (config.databaseUrl) {
    if (config.migrationsRun) await runMigrations(config.databaseUrl);
    return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  }
  // The pool, a migration connection and room for a psql session beside them.
  const embedded = await EmbeddedPostgres.start({ dataDir: config.embeddedDbDir, maxConnections: Math.max(50, config.dbPoolSize + 10) }).catch(
    (error: unknown) => {
      if (!(error instanceof EmbeddedPostgresError)) throw error;
      console.error(error.message);
      process.exit(1);
    },
  );
  try {
    await runMigrations(embedded.url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, embedded: true, stop: () => embedded.stop() };
}

/**
 * Where map tiles come from, as a CSP source: the tile server's origin (e.g. 天地图), with a
 * subdomain placeholder (`t{s}.tianditu.gov.cn`) as a wildcard label (`*.tianditu.gov.cn`).
 */
export function tileSource(template: string): string {
  const [, scheme, host] = /^(https?:\/\/)([^/?#]+)/.exec(template) ?? [];
  return `${scheme}${host.split('.').map((label) => (label.includes('{') ? '*' : label)).join('.')}`;
}

/**
 * Security headers (helmet) on every answer, pages and api alike: no X-Powered-By, nosniff, and a
 * content security policy that lets a page load only its own files and be framed only by this
 * origin. Swagger UI at /docs puts its layout in inline <style> blocks, so there alone styles may
 * be inline; its scripts are files, like the dashboard's. upgrade-insecure-requests is left out:
 * county networks serve plain HTTP, where it would break every page.
 */
function securityHeaders(config: AppConfig): RequestHandler {
  const tileOrigins = config.mapTileUrl ? [tileSource(config.mapTileUrl)] : [];
  const policy = (inlineStyles: boolean): RequestHandler =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigins],
          objectSrc: ["'none'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        },
      },
    });
  const strict = policy(false);
  const docs = policy(true);
  return (req, res, next) => {
    if (isBuiltCode(req.path)) {
      // A script, stylesheet or font is no document: the page's policy governs what it may do, and
      // only nosniff and the resource policy apply to it. About 1 kB less per file on a slow network.
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
      return next();
    }
    return (req.path === '/docs' || req.path.startsWith('/docs/') ? docs : strict)(req, res, next);
  };
}

/**
 * The HTTP conventions every deployable shares: prefix, validation, error shape, headers, logs,
 * docs; the api also serves the web app at /.
 */
export function configureHttp(app: INestApplication, options: { docs: boolean; webApp?: boolean }): void {
  app.useLogger(app.get(Logger));
  answerClientErrorsInShape(app.getHttpServer());
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  const config = app.get<AppConfig>(APP_CONFIG);
  app.use(securityHeaders(config));
  // Api answers carry personal data (a reporter's contact, names, notes): no browser or proxy keeps them.
  app.use(`/${API_PREFIX}`, ((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  }) as RequestHandler);
  // Api answers compressed (brotli or gzip, as the client accepts) from 1 kB: the reference data a
  // phone's filing page waits for shrinks to a third. Event streams are left as they are, so each
  // event reaches its listener when it is written.
  app.use(
    `/${API_PREFIX}`,
    compression({ filter: (req, res) => !/^text\/event-stream/.test(String(res.getHeader('Content-Type') ?? '')) && compression.filter(req, res) }),
  );
  // The client address (req.ip) that per-address limits count: behind a proxy, from its X-Forwarded-For.
  express.set('trust proxy', config.trustProxy);
  if (options.webApp) serveWebApp(app, config);
  // The apps are created with { bodyParser: false }; this parser answers bad JSON in the contract's shape.
  app.use(...jsonBody());
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      // The leaders' dashboard page and its assets (its data comes from /api/v1/monitoring).
      { path: 'dashboard', method: RequestMethod.GET },
      { path: 'dashboard/{*path}', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter([isDatabaseUnavailable]));
  if (options.docs) serveOpenApi(app);
}

/**
 * On SIGTERM or SIGINT: stop taking requests, let the relay and consumers finish what they hold
 * (Nest's shutdown hooks), then close the database, then exit.
 */
export function stopGracefullyOnSignals(app: INestApplication, database: Database): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    const logger = app.get(Logger);
    logger.log({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger.error('shutdown took longer than 30 s; exiting');
      process.exit(1);
    }, 30_000);
    forced.unref();
    app
      .close()
      .then(() => database.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
