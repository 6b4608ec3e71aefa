import { AppConfig } from '@app/common';
import { INestApplication, Logger } from '@nestjs/common';
import compression from 'compression';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Paths the api answers itself; the web app never shadows them. */
const SERVER_PATHS = /^\/(api|docs|dashboard|health|metrics|open311)(\/|$)|^\/docs-/;
/** Vite names built files after their content, so they may be kept for a year. */
const HASHED_ASSETS = /^\/assets\//;
/** The built scripts, stylesheets and fonts among them: code and style, never a document. */
const BUILT_CODE = /^\/assets\/[^?]+\.(js|css|woff2?|ttf)$/;

/** Whether a path is one of the web app's built scripts, stylesheets or fonts (hashed, under /assets/). */
export function isBuiltCode(path: string): boolean {
  return BUILT_CODE.test(path);
}

/**
 * The built web app (Vite's output, `dist/web`) at `/`: its files, hashed assets cached for a year,
 * the page itself and the service worker revalidated on every load (a new build reaches phones at
 * once), and a page navigation to any other path (`/field/file`) answered with the page, whose
 * router shows the room (SPA fallback). Requests that do not ask for a page, and the api's own
 * paths, get the api's answers: an unknown /assets/x.js is a 404, never the page.
 * `/app-settings.json` tells the app what the server is configured with (map tiles).
 */
export function serveWebApp(app: INestApplication, config: AppConfig): void {
  const logger = new Logger('WebApp');
  const folder = config.webAppDir ?? findBuiltWebApp();
  const index = folder ? join(folder, 'index.html') : null;
  if (!folder || !index || !existsSync(index)) {
    logger.warn(`the web app is not built (${folder ?? 'dist/web'} has no index.html): run "npm run build"; / answers 404 until then`);
    return;
  }
  const settings = JSON.stringify({ mapTileUrl: config.mapTileUrl, mapTileAttribution: config.mapTileAttribution, mapTileCoordinates: config.mapTileCoordinates });
  // The build writes a brotli copy (.br, highest quality) beside each script and stylesheet: a browser
  // that accepts brotli gets it as it is; anything else is compressed on the fly below.
  const files = expressStaticGzip(folder, {
    enableBrotli: true,
    orderPreference: ['br'],
    index: false,
    serveStatic: {
      index: false,
      redirect: false,
      setHeaders: (res, path) => {
        const url = path.slice(folder.length).split('\\').join('/');
        res.setHeader('Cache-Control', HASHED_ASSETS.test(url) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  });

  // The other files (the page itself, the service worker) compressed on the fly, brotli or gzip:
  // a phone on a slow network gets the page sooner.
  const gzip = compression();
  const hosting: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    gzip(req, res, () => serve(req, res, next));
  };
  const serve = (req: Request, res: Response, next: NextFunction): void => {
    if (req.path === '/app-settings.json') {
      res.status(200).set({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' }).send(settings);
      return;
    }
    files(req, res, () => {
      // A path with a file name that is not there is a missing file, not a page of the app.
      const wantsPage = req.path === '/' || (!/\.[A-Za-z0-9]+$/.test(basename(req.path)) && (req.accepts(['text/html', 'json']) === 'text/html'));
      if (!wantsPage) return next();
      // Read each time: a new build swapped into place names new assets, and a running api serves it at once.
      readFile(index).then(
        (page) => res.status(200).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).send(page),
        next,
      );
    });
  };
  app.use(hosting);
}

/** dist/web of the build this code runs from (dist/libs/operations/...), or of the repository (tests run the sources). */
function findBuiltWebApp(): string | null {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    for (const candidate of [join(dir, 'web'), join(dir, 'dist', 'web')]) {
      if (basename(dirname(candidate)) === 'dist' && existsSync(join(candidate, 'index.html'))) return candidate;
    }
  }
  return null;
}
