import { Browser, Page } from 'playwright-core';
import { TEST_ADMIN } from '../support/environment';
import { eventually } from '../support/eventually';
import { bearer, startTestApi, TestApi } from '../support/test-api';
import { accessibilityRecord, cameraPhoto, launchChromium, signInThroughForm } from './field-support';
import { createDeskCounty, DeskCounty, deskPage, fileCase, FiledCase } from './desk-support';

/** Beijing time as the county reads it, whatever zone the test machine or the browser is in. */
function countyTime(iso: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The county's calendar day `days` from now, as a date input takes it. */
function countyDayFromNow(days: number): string {
  return countyTime(new Date(Date.now() + days * 86_400_000).toISOString()).slice(0, 10);
}

interface Part {
  id: string;
  departmentCode: string;
  status: string;
  claimedBy: string | null;
  claimedAt: string | null;
  claimDueAt: string;
  dueAt: string;
  resolutionNote: string | null;
  returnReason: string | null;
}
interface Detail {
  status: string;
  assignments: Part[];
  media: Array<{ id: string; stage: string }>;
}

/**
 * Issue 9 item 3, the department staff's desk at 1366×768 in a browser set to New York time:
 * the queue live, the claim race, 回单 with a photo, 退单, 申请延期 and its approval, a whistle
 * summons answered with 到场报到; axe-core and a screenshot on every desk page.
 */
describe('the department desk', () => {
  let api: TestApi;
  let county: DeskCounty;
  let browser: Browser;
  let baseUrl: string;
  const pages: Record<'marketA' | 'marketB' | 'urban', Page> = {} as never;
  const refused: string[] = [];
  const { findings, check } = accessibilityRecord('desk');
  let first: FiledCase;
  let second: FiledCase;
  let winner: 'marketA' | 'marketB';
  let loser: 'marketA' | 'marketB';

  const detail = async (id: string) => (await api.http.get(`/api/v1/requests/${id}`).set(bearer(api.adminToken))).body as Detail;
  const partOf = (d: Detail, departmentCode: string) => d.assignments.find((a) => a.departmentCode === departmentCode)!;

  async function openDesk(who: keyof typeof pages): Promise<Page> {
    const opened = await deskPage(browser);
    opened.page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(`${who}: ${message.text()}`);
    });
    await signInThroughForm(opened.page, baseUrl, county.staff[who]);
    await opened.page.waitForURL(`${baseUrl}/desk`);
    await opened.page.getByRole('tab', { name: '待签收', exact: true }).waitFor();
    pages[who] = opened.page;
    return opened.page;
  }

  beforeAll(async () => {
    api = await startTestApi({ withDepartmentHandlers: true });
    county = await createDeskCounty(api.http, api.adminToken);
    baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    // Printed for the record (issue 9 asks for the axe results per page).
    console.log(`axe-core serious/critical findings per desk page: ${JSON.stringify(findings)}`);
    await browser?.close();
    await api?.close();
  });

  it('shows a new assignment live in 待签收 with its deadlines in Beijing time; of two staff racing to 签收 one wins and the other is told who, in Chinese', async () => {
    const a = await openDesk('marketA');
    const b = await openDesk('marketB');
    for (const tab of ['待签收', '办理中', '已办结', '已退回']) await a.getByRole('tab', { name: tab, exact: true }).waitFor();
    expect(await a.getByRole('tab', { name: '待签收', exact: true }).getAttribute('aria-selected')).toBe('true');

    // Filed while both desks are open: it appears without a reload.
    first = await fileCase(api.http, county, { title: `学校门口无证食品 ${county.grid.code}` });
    const row = a.getByRole('row').filter({ has: a.getByRole('link', { name: first.trackingNo, exact: true }) });
    await row.waitFor({ timeout: 60_000 });
    await a.getByRole('status').filter({ hasText: '有新的任务，列表已更新' }).waitFor();
    const market = partOf(await detail(first.id), county.departments.market.code);
    const rowText = await row.innerText();
    for (const expected of [first.title, county.categories.joint.name, county.grid.name, '滨河路 8 号', '主办', countyTime(market.claimDueAt), countyTime(market.dueAt), '剩余', '未超时']) {
      expect(rowText).toContain(expected);
    }
    await check(a, 'queue-pending');

    await a.getByRole('link', { name: first.trackingNo, exact: true }).click();
    await b.getByRole('link', { name: first.trackingNo, exact: true }).click();
    await a.getByRole('heading', { name: first.title }).waitFor();
    await b.getByRole('button', { name: '签收', exact: true }).waitFor();
    await a.getByRole('button', { name: '签收', exact: true }).waitFor();
    await a.getByText('网格员上报').waitFor();
    await check(a, 'case');

    await Promise.all([a.getByRole('button', { name: '签收', exact: true }).click(), b.getByRole('button', { name: '签收', exact: true }).click()]);
    const said = await Promise.all(
      [a, b].map(async (page) => {
        const answer = page.getByText(/^签收成功|^签收未成功/);
        await answer.waitFor();
        return answer.innerText();
      }),
    );
    expect(said.filter((text) => text.startsWith('签收成功'))).toHaveLength(1);
    winner = said[0]!.startsWith('签收成功') ? 'marketA' : 'marketB';
    loser = winner === 'marketA' ? 'marketB' : 'marketA';

    const claimed = partOf(await detail(first.id), county.departments.market.code);
    expect(claimed).toMatchObject({ status: 'claimed', claimedBy: county.staff[winner] });
    const lost = said.find((text) => text.startsWith('签收未成功'));
    expect(lost).toBe(`签收未成功：该任务已由 ${county.staff[winner]} 于 ${countyTime(claimed.claimedAt!)} 签收`);
    // The timeline reads in Chinese, with the department by name.
    await pages[winner].getByText(`部门签收 · ${county.departments.market.name}`).waitFor();
  });

  it('asks for more time (申请延期), and a colleague of the lead department approves it from 待审批', async () => {
    const mine = pages[winner];
    const day = countyDayFromNow(40);
    await mine.getByRole('button', { name: '申请延期', exact: true }).click();
    await mine.getByLabel('延期至').fill(day);
    await mine.getByLabel('延期理由').fill('需等待检测报告');
    await check(mine, 'case-extend');
    await mine.getByRole('button', { name: '确定', exact: true }).click();
    await mine.getByRole('status').filter({ hasText: '延期申请已提交，等待审批' }).waitFor();

    const other = pages[loser];
    await other.getByRole('link', { name: '待审批', exact: true }).click();
    const row = other.getByRole('row').filter({ hasText: first.trackingNo });
    await row.waitFor();
    expect(await row.innerText()).toContain(`申请延至 ${day} 17:30`);
    await check(other, 'decisions');
    await row.getByRole('button', { name: '批准延期' }).click();
    await other.getByRole('status').filter({ hasText: '已审批' }).waitFor();
    expect(countyTime(partOf(await detail(first.id), county.departments.market.code).dueAt)).toBe(`${day} 17:30`);
  });

  it('resolves an assisting part (回单) with a note and a photo, and returns another (退单) with a reason', async () => {
    const u = await openDesk('urban');
    await u.getByRole('link', { name: first.trackingNo, exact: true }).click();
    await u.getByRole('button', { name: '签收', exact: true }).click();
    await u.getByRole('status').filter({ hasText: '签收成功' }).waitFor();
    await u.getByRole('button', { name: '回单', exact: true }).click();
    await u.getByLabel('回单说明').fill('已联合取缔流动摊点');
    await u.getByLabel('选择处置照片').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(u) });
    await u.getByText('after.jpg').waitFor();
    await check(u, 'case-resolve');
    await u.getByRole('button', { name: '确定', exact: true }).click();
    await u.getByRole('status').filter({ hasText: '已回单' }).waitFor();
    const resolved = await detail(first.id);
    expect(partOf(resolved, county.departments.urban.code)).toMatchObject({ status: 'resolved', resolutionNote: '已联合取缔流动摊点' });
    expect(resolved.media.filter((m) => m.stage === 'handling')).toHaveLength(1);
    // The photo shows on the case (a thumbnail the api served with the token).
    await u.getByRole('img', { name: '处置照片第 1 张' }).waitFor();

    await u.getByRole('link', { name: '工作队列', exact: true }).click();
    second = await fileCase(api.http, county, { title: `超市售卖过期食品 ${county.grid.code}` });
    await u.getByRole('link', { name: second.trackingNo, exact: true }).click({ timeout: 30_000 });
    await u.getByRole('button', { name: '退单', exact: true }).click();
    await u.getByLabel('退单理由').fill('属市场监管职责，非城管事项');
    await u.getByRole('button', { name: '确定', exact: true }).click();
    await u.getByRole('status').filter({ hasText: '已退单，等待分办审核' }).waitFor();
    expect(partOf(await detail(second.id), county.departments.urban.code)).toMatchObject({ status: 'returned', returnReason: '属市场监管职责，非城管事项' });
  });

  it('lists each tab of the queue: 办理中, 已办结 and 已退回', async () => {
    const a = pages[winner];
    await a.getByRole('link', { name: '工作队列', exact: true }).click();
    await a.getByRole('tab', { name: '办理中', exact: true }).click();
    await a.getByRole('link', { name: first.trackingNo, exact: true }).waitFor();
    await check(a, 'queue-in-progress');

    const u = pages.urban;
    await u.getByRole('link', { name: '工作队列', exact: true }).click();
    await u.getByRole('tab', { name: '已办结', exact: true }).click();
    await u.getByRole('link', { name: first.trackingNo, exact: true }).waitFor();
    await check(u, 'queue-resolved');
    await u.getByRole('tab', { name: '已退回', exact: true }).click();
    await u.getByRole('link', { name: second.trackingNo, exact: true }).waitFor();
    expect(await u.getByRole('link', { name: first.trackingNo, exact: true }).count()).toBe(0);
    await check(u, 'queue-returned');

    // Filters: the keyword narrows the list to the matter asked for.
    await u.getByRole('tab', { name: '已办结', exact: true }).click();
    await u.getByLabel('关键字').fill(second.trackingNo);
    await u.getByRole('button', { name: '查询', exact: true }).click();
    await u.getByText('暂无任务').waitFor();
  });

  it('shows a whistle summons on the open desk live, and 到场报到 there records the arrival', async () => {
    const u = pages.urban;
    await u.getByRole('link', { name: '工作队列', exact: true }).click();
    const blown = await api.http
      .post(`/api/v1/requests/${first.id}/whistle`)
      .set(bearer(county.worker.token))
      .send({ departments: [county.departments.urban.code], deadlineMinutes: 30, note: '滨河路口集合' });
    expect(blown.status).toBe(201);

    const summons = u.getByRole('alert').filter({ hasText: '吹哨召集' });
    await summons.waitFor({ timeout: 30_000 });
    expect(await summons.innerText()).toContain(first.trackingNo);
    await u.getByRole('link', { name: /^通知.*条未读/ }).click();
    await u.getByRole('list', { name: '通知列表' }).getByText(`吹哨召集：${first.trackingNo}`).waitFor();
    await check(u, 'notices');

    await summons.getByRole('link', { name: '查看事项' }).click();
    await u.getByRole('heading', { name: first.title }).waitFor();
    await u.getByText(`${county.departments.urban.name}：待报到`).waitFor();
    await check(u, 'case-whistle');
    await u.getByRole('button', { name: '到场报到', exact: true }).click();
    await u.getByRole('status').filter({ hasText: '已到场报到' }).waitFor();
    await u.getByText(`${county.departments.urban.name}：按时报到`).waitFor();

    const whistles = await api.http.get(`/api/v1/requests/${first.id}/whistles`).set(bearer(api.adminToken));
    expect(whistles.status).toBe(200);
    expect(whistles.body[0].departments).toEqual([expect.objectContaining({ departmentCode: county.departments.urban.code, status: 'on_time', arrivedBy: county.staff.urban })]);
  });

  it('lets an admin send a return back from 待审批, and the department’s open queue shows it again live', async () => {
    const u = pages.urban;
    await u.getByRole('link', { name: '工作队列', exact: true }).click();
    await u.getByRole('tab', { name: '待签收', exact: true }).waitFor();
    expect(await u.getByRole('link', { name: second.trackingNo, exact: true }).count()).toBe(0);

    const { page: admin, refused: adminRefused } = await deskPage(browser);
    await signInThroughForm(admin, baseUrl, TEST_ADMIN.username, TEST_ADMIN.password);
    await admin.waitForURL(`${baseUrl}/admin`);
    await admin.goto(`${baseUrl}/desk/decisions`);
    const row = admin.getByRole('row').filter({ hasText: second.trackingNo });
    await row.waitFor();
    expect(await row.innerText()).toContain('属市场监管职责，非城管事项');
    await check(admin, 'decisions-admin');
    await row.getByRole('button', { name: '退回原部门' }).click();
    await admin.getByRole('status').filter({ hasText: '已审批' }).waitFor();
    expect(partOf(await detail(second.id), county.departments.urban.code).status).toBe('unclaimed');

    await u.getByRole('link', { name: second.trackingNo, exact: true }).waitFor({ timeout: 30_000 });
    refused.push(...adminRefused.map((text) => `admin: ${text}`));
    await admin.context().close();
  });

  it('sorts the queue by a column header and filters it to overdue matters only', async () => {
    const b = pages[loser];
    await b.getByRole('link', { name: '工作队列', exact: true }).click();
    await b.getByRole('tab', { name: '待签收', exact: true }).waitFor();
    const more = [
      await fileCase(api.http, county, { title: `餐馆后厨卫生差 ${county.grid.code}` }),
      await fileCase(api.http, county, { title: `菜市场销售病死禽 ${county.grid.code}` }),
    ];
    for (const filed of more) await b.getByRole('link', { name: filed.trackingNo, exact: true }).waitFor({ timeout: 30_000 });
    const numbers = [second, ...more].map((c) => c.trackingNo).sort();
    const firstRowNumber = async () => (await b.getByRole('row').nth(1).getByRole('link').first().innerText()).trim();

    await b.getByRole('columnheader', { name: '受理编号' }).click();
    await eventually('ascending by tracking number', async () => expect(await firstRowNumber()).toBe(numbers[0]));
    await b.getByRole('columnheader', { name: '受理编号' }).click();
    await eventually('descending by tracking number', async () => expect(await firstRowNumber()).toBe(numbers[numbers.length - 1]));

    await b.getByText('只看超时').click();
    await b.getByText('暂无任务').waitFor();
    await b.getByText('只看超时').click();
    await b.getByRole('link', { name: second.trackingNo, exact: true }).waitFor();
  });

  it('switches the desk to English and back', async () => {
    const u = pages.urban;
    await u.getByRole('link', { name: '工作队列', exact: true }).click();
    await u.getByRole('button', { name: '切换语言为英文' }).click();
    await u.getByRole('tab', { name: 'To claim', exact: true }).waitFor();
    await u.getByRole('columnheader', { name: 'Tracking no.' }).waitFor();
    expect(await u.getAttribute('html', 'lang')).toBe('en-US');
    await u.getByRole('button', { name: 'Switch the language to Chinese' }).click();
    await u.getByRole('tab', { name: '待签收', exact: true }).waitFor();
    expect(await u.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('passed axe-core with no serious or critical findings on every desk page, under the content security policy', () => {
    expect(Object.keys(findings).sort()).toEqual(
      ['case', 'case-extend', 'case-resolve', 'case-whistle', 'decisions', 'decisions-admin', 'notices', 'queue-in-progress', 'queue-pending', 'queue-resolved', 'queue-returned'].sort(),
    );
    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((name) => [name, []])));
    expect(refused).toEqual([]);
  });
});
