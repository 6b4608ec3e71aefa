import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { startTestApi, TestApi } from '../support/test-api';

const PAGE = '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="app"></div></body></html>';
const TILES = 'https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=demo-key';

/** The web app at /: its files, the page for any route of its router, and the api's own paths untouched. */
describe('the web app served by the api', () => {
  let api: TestApi;
  let folder: string;

  beforeAll(async () => {
    // A build of the app as Vite lays it out (the real one is tested in the browser tier).
    folder = mkdtempSync(join(tmpdir(), 'web-app-'));
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), PAGE);
    writeFileSync(join(folder, 'assets', 'index-abc123.js'), `console.log("app");${' '.repeat(4096)}`);
    // The build's brotli copy beside a script (vite-plugin-compression2).
    writeFileSync(join(folder, 'assets', 'index-abc123.js.br'), brotliCompressSync(`console.log("app");${' '.repeat(4096)}`));
    writeFileSync(join(folder, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    api = await startTestApi({ env: { WEB_APP_DIR: folder, MAP_TILE_URL: TILES, MAP_TILE_ATTRIBUTION: '天地图', MAP_TILE_COORDINATES: 'gcj02' } });
  });
  afterAll(async () => {
    await api.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const page = (path: string) => api.http.get(path).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');

  it('answers / with the page, revalidated on every load, under the content security policy', async () => {
    const response = await page('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.text).toBe(PAGE);
  });

  it('answers a navigation to any route of the app with the page, so a reload or a shared link opens it', async () => {
    for (const path of ['/field', '/field/file', '/desk/assignments/0b7f8e0e-4a52-4a4f-9d8c-1c1a2b3c4d5e', '/sign-in?next=%2Ffield']) {
      const response = await page(path);
      expect([path, response.status, response.text]).toEqual([path, 200, PAGE]);
    }
  });

  it('serves hashed assets for a year and the service worker revalidated', async () => {
    const asset = await api.http.get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Sent gzipped to a browser that accepts it.
    const zipped = await api.http.get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    // The build's brotli copy as it is, with the file's own type and caching, to a browser that takes brotli.
    const brotli = await api.http.get('/assets/index-abc123.js').set('Accept-Encoding', 'br, gzip');
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers['vary']).toMatch(/Accept-Encoding/i);
    // A script is no document: nosniff, and none of the page's policies, which would only add bytes.
    expect(brotli.headers['x-content-type-options']).toBe('nosniff');
    expect(brotli.headers['content-security-policy']).toBeUndefined();
    const worker = await api.http.get('/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers['cache-control']).toBe('no-cache');
    // The service worker and the page keep the whole policy: they are what runs.
    expect(worker.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await api.http.get('/').set('Accept', 'text/html')).headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers a missing file with a 404 in the error shape, never with the page', async () => {
    for (const path of ['/assets/index-gone.js', '/favicon.ico']) {
      const response = await page(path);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
  });

  it('leaves the api’s own paths their meaning', async () => {
    expect((await page('/api/v1/no-such-thing')).status).toBe(404);
    expect((await page('/api/v1/grids')).status).toBe(401);
    expect((await page('/health')).body).toMatchObject({ status: 'ok' });
    expect((await page('/health/ready')).status).toBe(200);
    expect((await page('/metrics')).text).toContain('outbox_backlog_rows');
    const dashboard = await page('/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).not.toBe(PAGE);
    expect((await page('/docs')).text).toContain('swagger');
    expect((await api.http.get('/docs-json')).body).toMatchObject({ openapi: expect.any(String) });
  });

  it('gives a request that asks for data, not a page, the api’s 404', async () => {
    const response = await api.http.get('/field/file').set('Accept', 'application/json');
    expect(response.status).toBe(404);
    expect((await api.http.post('/').send({})).status).toBe(404);
  });

  it('tells the app the configured map tiles, and lets the page load them', async () => {
    const settings = await api.http.get('/app-settings.json');
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({ mapTileUrl: TILES, mapTileAttribution: '天地图', mapTileCoordinates: 'gcj02' });
    const policy = (await page('/')).headers['content-security-policy'] as string;
    expect(policy).toContain("img-src 'self' data: blob: https://*.tianditu.gov.cn");
  });
});
