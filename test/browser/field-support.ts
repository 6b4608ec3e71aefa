import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import request from 'supertest';
import { uniqueSuffix } from '../factories/county.factory';
import { bearer, signIn } from '../support/test-api';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', 'artifacts');
export const PHONE = { width: 390, height: 844 };
export const PASSWORD = 'field-test-password-2026';
const BUILT_APP = join(__dirname, '..', '..', 'dist', 'web', 'index.html');

type Http = ReturnType<typeof request>;

/** A county as its people read it: Chinese names, a grid with its boundary, a worker of that grid. */
export interface FieldCounty {
  grid: { code: string; name: string };
  /** small and stalls: one department, so the grid's own; joint: two departments. */
  categories: { small: { code: string; name: string }; stalls: { code: string; name: string }; joint: { code: string; name: string } };
  departments: { urban: { code: string; name: string }; market: { code: string; name: string } };
  worker: { username: string; token: string };
}

export async function createFieldCounty(http: Http, adminToken: string): Promise<FieldCounty> {
  const s = uniqueSuffix();
  const post = async (path: string, body: object): Promise<void> => {
    const response = await http.post(`/api/v1/${path}`).set(bearer(adminToken)).send(body);
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  };
  const grid = { code: `G-${s}`, name: `滨河社区第一网格 ${s}` };
  const departments = { urban: { code: `urban-${s}`, name: `城市管理局 ${s}` }, market: { code: `market-${s}`, name: `市场监管局 ${s}` } };
  const categories = {
    small: { code: `lights-${s}`, name: `路灯损坏 ${s}` },
    stalls: { code: `stalls-${s}`, name: `占道经营 ${s}` },
    joint: { code: `food-${s}`, name: `食品安全 ${s}` },
  };
  const boundary = { type: 'Polygon', coordinates: [[[117.12, 40.14], [117.13, 40.14], [117.13, 40.15], [117.12, 40.15], [117.12, 40.14]]] };
  await post('grids', { code: grid.code, name: grid.name, streetCode: `S-${s}`, boundary });
  await post('departments', departments.urban);
  await post('departments', departments.market);
  await post('categories', { ...categories.small, leadDepartment: departments.urban.code, assistingDepartments: [] });
  await post('categories', { ...categories.stalls, leadDepartment: departments.urban.code, assistingDepartments: [] });
  await post('categories', { ...categories.joint, leadDepartment: departments.market.code, assistingDepartments: [departments.urban.code] });
  const username = `worker-${s}`;
  await post('users', { username, password: PASSWORD, role: 'grid_worker', gridCodes: [grid.code] });
  return { grid, departments, categories, worker: { username, token: await signIn(http, username, PASSWORD) } };
}

/**
 * A new one-department category: three open matters of one category in a grid within a day turn the
 * next joint (the routing policy's same-category-cluster rule), so a test that needs the grid's own
 * route files under a category of its own.
 */
export async function smallCategory(http: Http, adminToken: string, county: FieldCounty, name: string): Promise<{ code: string; name: string }> {
  const category = { code: `small-${uniqueSuffix()}`, name: `${name} ${uniqueSuffix()}` };
  const response = await http
    .post('/api/v1/categories')
    .set(bearer(adminToken))
    .send({ ...category, leadDepartment: county.departments.urban.code, assistingDepartments: [] });
  if (response.status !== 201) throw new Error(`POST categories: ${response.status} ${JSON.stringify(response.body)}`);
  return category;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(BUILT_APP)) throw new Error(`the web app is not built (${BUILT_APP} is missing): run "npm run build"`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** A phone-sized page that records what the content security policy refused and every script it loaded. */
export async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page; refused: string[]; scripts: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'America/New_York', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const refused: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  return { context, page, refused, scripts };
}

export async function signInThroughForm(page: Page, baseUrl: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  nodes: string[];
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousAccessibilityFindings(page: Page): Promise<AxeFinding[]> {
  // A dialog still fading in has colours between its own and the page's: axe would judge a frame.
  // An expression, not waitForFunction: that one compiles its predicate with eval, which the policy refuses.
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 5000)),
  ])`);
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.slice(0, 300)) }));
}

/**
 * axe-core and a screenshot (test/artifacts/<room>-<name>.png) of each page a spec visits, kept by
 * name for the spec's final check and printed record.
 */
export function accessibilityRecord(room: string): { findings: Record<string, AxeFinding[]>; check(page: Page, name: string): Promise<void> } {
  const findings: Record<string, AxeFinding[]> = {};
  return {
    findings,
    async check(page, name) {
      findings[name] = await seriousAccessibilityFindings(page);
      await page.screenshot({ path: join(ARTIFACTS, `${room}-${name}.png`), fullPage: true });
    },
  };
}

/** A small JPEG drawn by the browser itself, as a phone's camera would hand one over. */
export async function cameraPhoto(page: Page): Promise<Buffer> {
  // A string, run in the page: this project's tests compile without the DOM's types.
  const dataUrl = await page.evaluate<string>(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext('2d');
    context.fillStyle = '#4a7';
    context.fillRect(0, 0, 640, 480);
    context.fillStyle = '#fc3';
    context.fillRect(200, 100, 240, 280);
    return canvas.toDataURL('image/jpeg', 0.9);
  })()`);
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** The requests of a grid whose title is this one, as the admin sees them through the api. */
export async function requestsTitled(http: Http, adminToken: string, gridCode: string, title: string): Promise<Array<Record<string, unknown>>> {
  const response = await http.get('/api/v1/requests').query({ gridCode, pageSize: 100 }).set(bearer(adminToken));
  if (response.status !== 200) throw new Error(`GET /requests: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body.items as Array<Record<string, unknown>>).filter((r) => r.title === title);
}
