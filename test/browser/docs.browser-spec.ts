import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { startTestApi, TestApi } from '../support/test-api';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** The API docs (Swagger UI) still render under the content security policy every page gets. */
describe('the API docs in Chromium', () => {
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('render the operations, with no script or style refused by the policy', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    const response = await page.goto(`${baseUrl}/docs`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'Grid governance event-routing service' }).waitFor({ timeout: 30_000 });
    await page.locator('.opblock-summary-path', { hasText: '/api/v1/users/{id}/password' }).first().waitFor({ timeout: 30_000 });
    // Swagger UI's own stylesheet applies: the operation blocks are laid out, not bare text.
    const corners = await page.evaluate<string>(`getComputedStyle(document.querySelector('.opblock')).borderRadius`);
    expect(corners).not.toBe('0px');
    await page.screenshot({ path: join(ARTIFACTS, 'docs.png') });
    expect(refused).toEqual([]);
    await page.close();
  });
});
