import { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { bearer, startTestApi, TestApi } from '../support/test-api';
import {
  accessibilityRecord,
  cameraPhoto,
  createFieldCounty,
  FieldCounty,
  launchChromium,
  phonePage,
  requestsTitled,
  signInThroughForm,
  smallCategory,
} from './field-support';

/** The field app's photos (offline too), live notices and the home page's deadline order. */
describe('the field app on a phone, with photos, notices and deadlines', () => {
  let api: TestApi;
  let county: FieldCounty;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let refused: string[];
  let baseUrl: string;
  const { findings, check: checkPage } = accessibilityRecord('field');
  const check = (name: string) => checkPage(page, name);

  const file = (body: Record<string, unknown>) =>
    api.http
      .post('/api/v1/requests')
      .set(bearer(county.worker.token))
      .send({ gridCode: county.grid.code, categoryCode: county.categories.small.code, description: '现场情况见照片', ...body });

  interface Detail {
    status: string;
    duplicateOf: string | null;
    media: Array<{ id: string; stage: string; contentType: string }>;
  }
  const detail = async (id: string) => (await api.http.get(`/api/v1/requests/${id}`).set(bearer(api.adminToken))).body as Detail;

  beforeAll(async () => {
    api = await startTestApi({ withDepartmentHandlers: true });
    county = await createFieldCounty(api.http, api.adminToken);
    baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
    ({ context, page, refused } = await phonePage(browser));
    await signInThroughForm(page, baseUrl, county.worker.username);
    await page.waitForURL(`${baseUrl}/field`);
  }, 180_000);

  afterAll(async () => {
    console.log(`axe-core serious/critical findings per field page (photos, notices): ${JSON.stringify(findings)}`);
    await browser?.close();
    await api?.close();
  });

  it('files a matter with a photo while offline; when the network returns exactly one request exists, with its photo', async () => {
    const title = `离线带照片上报 ${county.grid.code}`;
    await page.getByRole('link', { name: '上报', exact: true }).click();
    await page.getByLabel('事项类别').selectOption({ label: county.categories.small.name });
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('问题描述').fill('路灯杆倾斜，有倒塌危险');
    await page.getByLabel('从相册选择').setInputFiles({ name: 'lamp.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(page) });
    await page.getByRole('img', { name: '第 1 张照片' }).waitFor();
    await context.setOffline(true);
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('网络不可用，事项已保存到待发送').waitFor();
    await page.getByRole('link', { name: /待发送/ }).click();
    const kept = page.locator('li', { hasText: title });
    expect(await kept.innerText()).toContain('照片 1 张');
    await context.setOffline(false);
    await kept.waitFor({ state: 'detached', timeout: 30_000 });

    const filed = await requestsTitled(api.http, api.adminToken, county.grid.code, title);
    expect(filed).toHaveLength(1);
    const { media } = await detail(filed[0]!.id as string);
    expect(media).toHaveLength(1);
    expect(media[0]).toMatchObject({ stage: 'report', contentType: 'image/jpeg' });
    const photo = await api.http.get(`/api/v1/media/${media[0]!.id}`).set(bearer(api.adminToken));
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toMatch(/^image\/jpeg/);
  });

  it('lists my grids’ open matters by deadline, the most urgent first, with the working time left', async () => {
    const later = await file({ title: `一般事项 ${county.grid.code}`, categoryCode: (await smallCategory(api.http, api.adminToken, county, '噪声扰民')).code });
    const urgent = await file({ title: `紧急事项 ${county.grid.code}`, categoryCode: county.categories.stalls.code, urgency: 'critical' });
    expect([later.status, urgent.status]).toEqual([201, 201]);
    await page.getByRole('link', { name: '事项', exact: true }).click();
    await page.getByRole('button', { name: '刷新' }).click();
    const titles = page.locator('.home__item-title');
    await eventually('both matters are listed', async () => expect(await titles.allInnerTexts()).toEqual(expect.arrayContaining([urgent.body.title, later.body.title])));
    const order = await titles.allInnerTexts();
    expect(order.indexOf(urgent.body.title)).toBeLessThan(order.indexOf(later.body.title));
    expect(await page.locator('li', { hasText: urgent.body.title }).innerText()).toMatch(/剩余 (\d+ 小时 )?\d+ 分|剩余 \d+ 小时/);
    await check('home-listed');
  });

  it('marks a reopened matter live, with a badge, without a reload', async () => {
    const filed = await file({ title: `重办事项 ${county.grid.code}`, categoryCode: (await smallCategory(api.http, api.adminToken, county, '垃圾堆放')).code });
    expect(filed.body.route).toBe('grid');
    const id = filed.body.id as string;
    expect((await api.http.post(`/api/v1/requests/${id}/resolve`).set(bearer(county.worker.token)).send({ note: '已劝离' })).status).toBe(200);
    await page.getByRole('button', { name: '刷新' }).click();
    const feedback = await api.http.post(`/api/v1/requests/${id}/feedback`).set(bearer(county.worker.token)).send({ resolved: false, satisfied: false });
    expect(feedback.status).toBe(200);
    const notices = page.getByRole('region', { name: /新消息/ });
    await notices.waitFor({ timeout: 30_000 });
    expect(await notices.innerText()).toContain(filed.body.trackingNo);
    await page.locator('li', { hasText: filed.body.title }).getByText('新').waitFor();
    await check('home-notice');
  });

  it('resolves a small matter (办结) with a photo after handling', async () => {
    const filed = await file({ title: `办结带照片 ${county.grid.code}`, categoryCode: (await smallCategory(api.http, api.adminToken, county, '井盖破损')).code });
    expect(filed.body.route).toBe('grid');
    const target = filed.body.id as string;
    await page.goto(`${baseUrl}/field/requests/${target}`);
    await page.getByRole('button', { name: '办结' }).click();
    await page.getByLabel('办结说明').fill('已修复');
    await page.getByLabel('从相册选择').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(page) });
    await page.getByRole('img', { name: '第 1 张照片' }).waitFor();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByRole('status').filter({ hasText: '已办结' }).waitFor();
    const resolved = await detail(target);
    expect(resolved.status).toBe('resolved');
    expect(resolved.media.filter((m) => m.stage === 'handling')).toHaveLength(1);
    await page.getByRole('img', { name: /处置照片 1/ }).waitFor();
    await check('request-photos');
  });

  it('links a duplicate (关联重复件) to the open matter it repeats', async () => {
    const category = await smallCategory(api.http, api.adminToken, county, '违章停车');
    const original = await file({ title: `原件 ${county.grid.code}`, categoryCode: category.code });
    const duplicate = await file({ title: `重复件 ${county.grid.code}`, categoryCode: category.code });
    expect([original.body.route, duplicate.body.route]).toEqual(['grid', 'grid']);
    await page.goto(`${baseUrl}/field/requests/${duplicate.body.id}`);
    await page.getByRole('button', { name: '关联重复件' }).click();
    await page.getByLabel('原事项').selectOption({ label: `${original.body.trackingNo} ${original.body.title}` });
    await check('request-link');
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByRole('status').filter({ hasText: '已关联为重复件' }).waitFor();
    expect(await detail(duplicate.body.id)).toMatchObject({ status: 'closed', duplicateOf: original.body.id });
  });

  it('passed axe-core with no serious or critical findings, under the content security policy', () => {
    expect(Object.keys(findings).length).toBeGreaterThanOrEqual(4);
    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((name) => [name, []])));
    expect(refused).toEqual([]);
  });
});
