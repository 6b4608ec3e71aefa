#!/usr/bin/env node
// `npm run budgets`: measures the field app against issue 9's budgets and prints the figures (no
// pass or fail is enforced; speed targets are measured, not tested):
//  1. the JavaScript a grid worker's first page loads (sign-in, then their home), gzipped as the
//     api sends it, against 250 kB;
//  2. the filing page (上报) from a cold cache (no HTTP cache, no service worker) on Chromium's
//     emulated slow 3G (CDP Network.emulateNetworkConditions), until its 提交 button and its
//     categories are there, against 3 s; also on a regular 3G profile for comparison.
// It starts the built api (`npm run build` first) on a throwaway embedded PostgreSQL with the demo
// county, and drives Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort } from './bench/common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'dist', 'web');
const entry = join(root, 'dist', 'apps', 'api', 'src', 'main.js');
const JS_BUDGET = 250 * 1024;
const USABLE_BUDGET_MS = 3000;
// The budget's profile is slow 3G as WebPageTest defines it (400 kbit/s each way, 400 ms round trip);
// Chromium DevTools' own "Slow 3G" preset (2 s added to every request) and a regular 3G are printed beside it.
const PROFILES = [
  { name: 'slow 3G (400 kbit/s, 400 ms)', latency: 400, download: (400 * 1000) / 8, upload: (400 * 1000) / 8, budget: true },
  { name: 'DevTools "Slow 3G" preset (400 kbit/s, 2000 ms)', latency: 2000, download: (500 * 1000 * 0.8) / 8, upload: (500 * 1000 * 0.8) / 8 },
  { name: 'regular 3G (700 kbit/s, 300 ms)', latency: 300, download: (700 * 1000) / 8, upload: (700 * 1000) / 8 },
];

if (!existsSync(join(web, 'index.html')) || !existsSync(entry)) {
  console.error('There is no build to measure: run "npm run build" first.');
  process.exit(1);
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

// The build's JavaScript, each file's gzip size as the api's compression sends it (level 6, its default).
const sizes = new Map();
for (const dir of ['assets', join('assets', 'rooms')]) {
  for (const name of readdirSync(join(web, dir))) {
    if (name.endsWith('.js')) sizes.set(`/${dir}/${name}`.replace(/\\/g, '/'), gzipSync(readFileSync(join(web, dir, name)), { level: 6 }).length);
  }
}

const port = await freePort();
const dbDir = mkdtempSync(join(tmpdir(), 'budgets-db-'));
const api = spawn(process.execPath, [entry, '--all-in-one'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), EMBEDDED_DB_DIR: dbDir, LOG_LEVEL: 'warn', DATABASE_URL: '', KAFKA_BROKERS: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
api.stdout.on('data', (chunk) => (output += chunk));
const base = `http://127.0.0.1:${port}`;
let browser;
try {
  for (let i = 0; !output.includes('Demo sign-ins'); i += 1) {
    if (api.exitCode !== null || i > 240) throw new Error(`the api did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const signIn = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'worker.binhe', password: 'demo-pass-2026' }),
  });
  const { accessToken } = await signIn.json();

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

  // 1. The first page: sign-in, then the worker's home, as a phone opens them.
  const first = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const page = await first.newPage();
  const loaded = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const path = new URL(response.url()).pathname;
    const body = await response.body().catch(() => Buffer.alloc(0));
    loaded.push({ path, gzip: sizes.get(path) ?? gzipSync(body).length, encoding: response.headers()['content-encoding'] ?? 'none' });
  });
  await page.goto(`${base}/`);
  await page.getByLabel('用户名').fill('worker.binhe');
  await page.getByLabel('密码').fill('demo-pass-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/field`);
  await page.getByRole('link', { name: '上报', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  const total = loaded.reduce((sum, s) => sum + s.gzip, 0);
  console.log('\n1. JavaScript loaded by the grid worker\'s first page (sign-in, then home), gzipped:');
  for (const script of loaded) console.log(`   ${script.path.padEnd(48)} ${kB(script.gzip).padStart(9)}  (sent ${script.encoding})`);
  console.log(`   total ${kB(total)} of ${kB(JS_BUDGET)}: ${total <= JS_BUDGET ? 'within' : 'OVER'} the budget`);
  const desk = loaded.filter((s) => s.path.startsWith('/assets/rooms/'));
  console.log(`   desk/admin code (Element Plus) loaded: ${desk.length ? desk.map((s) => s.path).join(', ') : 'none'}`);
  await first.close();

  // 2. The filing page from a cold cache on throttled networks, already signed in (token in the tab).
  console.log('\n2. The filing page (上报) from a cold cache, until 提交 and the categories are there:');
  for (const profile of PROFILES) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    await context.addInitScript((token) => sessionStorage.setItem('gg.session', token), accessToken);
    // The page's own clock (ms since the navigation started) at the first DOM change that has both 提交 and
    // a category: the moment the page became usable, without the polling delay of the waits below.
    await context.addInitScript(() => {
      const check = () => {
        if (window.__usableAt) return;
        const submit = [...document.querySelectorAll('button')].some((button) => button.textContent.trim() === '提交');
        if (submit && document.querySelector('#file-category option:not([disabled])')) window.__usableAt = performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.download, uploadThroughput: profile.upload });
    let bytes = 0;
    // Each request's start and end (ms after the navigation starts) and its bytes on the wire, for the budget's profile.
    const requests = new Map();
    let origin = null;
    cdp.on('Network.requestWillBeSent', (event) => {
      origin ??= event.timestamp;
      requests.set(event.requestId, { url: event.request.url, start: event.timestamp, end: null, bytes: 0 });
    });
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
      const request = requests.get(event.requestId);
      if (request) Object.assign(request, { end: event.timestamp, bytes: event.encodedDataLength });
    });
    const started = Date.now();
    await tab.goto(`${base}/field/file`, { waitUntil: 'commit', timeout: 120_000 });
    await tab.getByRole('button', { name: '提交' }).waitFor({ timeout: 120_000 });
    await tab.locator('#file-category option:not([disabled])').first().waitFor({ state: 'attached', timeout: 120_000 });
    const usable = Date.now() - started;
    const inPage = await tab.evaluate(() => window.__usableAt ?? null);
    const verdict = profile.budget ? `: ${usable <= USABLE_BUDGET_MS ? 'within' : 'OVER'} the 3 s budget` : ' (for comparison)';
    const pageClock = inPage === null ? '' : ` (page's own clock: ${(inPage / 1000).toFixed(2)} s)`;
    console.log(`   ${profile.name.padEnd(50)} ${(usable / 1000).toFixed(2)} s${pageClock}, ${kB(bytes)} transferred${verdict}`);
    if (profile.budget) {
      for (const request of [...requests.values()].sort((a, b) => a.start - b.start)) {
        const { pathname, search } = new URL(request.url);
        const at = (seconds) => (seconds === null ? '    …' : ((seconds - origin) * 1000).toFixed(0).padStart(5));
        console.log(`     ${at(request.start)} → ${at(request.end)} ms  ${kB(request.bytes).padStart(9)}  ${(pathname + search).slice(0, 60)}`);
      }
    }
    await context.close();
  }
  console.log('');
} finally {
  await browser?.close();
  if (api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  rmSync(dbDir, { recursive: true, force: true });
}
