import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { uniqueSuffix } from '../factories/county.factory';
import { bearer } from '../support/test-api';
import { createFieldCounty, FieldCounty, PASSWORD } from './field-support';

export const DESK = { width: 1366, height: 768 };

type Http = ReturnType<typeof request>;

/** The field county with department staff: two of the market regulator (the food category's lead), one of urban management. */
export interface DeskCounty extends FieldCounty {
  staff: { marketA: string; marketB: string; urban: string };
}

export async function createDeskCounty(http: Http, adminToken: string): Promise<DeskCounty> {
  const county = await createFieldCounty(http, adminToken);
  const s = uniqueSuffix();
  const staff = { marketA: `market-a-${s}`, marketB: `market-b-${s}`, urban: `urban-${s}` };
  const departmentOf = { marketA: county.departments.market.code, marketB: county.departments.market.code, urban: county.departments.urban.code };
  for (const key of Object.keys(staff) as Array<keyof typeof staff>) {
    const response = await http
      .post('/api/v1/users')
      .set(bearer(adminToken))
      .send({ username: staff[key], password: PASSWORD, role: 'dept_staff', departmentCode: departmentOf[key] });
    if (response.status !== 201) throw new Error(`POST users: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return { ...county, staff };
}

/** A desk-sized page in Chinese, in a browser set to New York time, recording what the content security policy refused. */
export async function deskPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; refused: string[] }> {
  const context = await browser.newContext({ viewport: DESK, locale: 'zh-CN', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  return { context, page, refused };
}

export interface FiledCase {
  id: string;
  trackingNo: string;
  title: string;
  dueAt: string;
  assignments: Array<{ id: string; departmentCode: string; role: string; status: string }>;
}

/** A matter filed by the grid worker through the api: the food category makes it joint (market leads, urban assists). */
export async function fileCase(http: Http, county: FieldCounty, body: Record<string, unknown>): Promise<FiledCase> {
  const response = await http
    .post('/api/v1/requests')
    .set(bearer(county.worker.token))
    .send({
      gridCode: county.grid.code,
      categoryCode: county.categories.joint.code,
      description: '学校门口流动摊点售卖无证食品',
      location: { lat: 40.145, lng: 117.125, address: '滨河路 8 号' },
      ...body,
    });
  if (response.status !== 201) throw new Error(`POST requests: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as FiledCase;
}
