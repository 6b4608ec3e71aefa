import { randomUUID } from 'node:crypto';
import { County, createCounty, TEST_PASSWORD, uniqueSuffix } from '../factories/county.factory';
import { createSmallCategory, expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { TestDatabase } from '../support/database';
import { TEST_ADMIN } from '../support/environment';
import { bearer, startTestApi, TestApi } from '../support/test-api';

interface Entry {
  id: number;
  occurredAt: string;
  actor: { userId: string; username: string; role: string } | null;
  action: string;
  target: { type: string; id: string };
  details: Record<string, any>;
  correlationId: string;
}

describe('the audit log (操作日志) over HTTP', () => {
  let api: TestApi;
  let county: County;
  let db: TestDatabase;
  let adminId: string;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken, 1);
    db = new TestDatabase();
    const users = await api.http.get('/api/v1/users').set(bearer(api.adminToken));
    adminId = users.body.find((u: { username: string }) => u.username === TEST_ADMIN.username).id;
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  const audit = async (query: Record<string, string | number> = {}, token = api.adminToken) => {
    const response = await api.http.get('/api/v1/audit').query(query).set(bearer(token));
    expect(response.status).toBe(200);
    return response.body as { items: Entry[]; page: number; pageSize: number; total: number };
  };
  /** The one entry written under this correlation id. */
  const entryOf = async (correlationId: string): Promise<Entry> => {
    const { items } = await audit({ pageSize: 100 });
    const found = items.filter((e) => e.correlationId === correlationId);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const asAdmin = { userId: expect.any(String), username: TEST_ADMIN.username, role: 'admin' };
  const call = (method: 'post' | 'put' | 'patch', path: string, body: object, correlationId: string, token = api.adminToken) =>
    api.http[method](`/api/v1/${path}`).set(bearer(token)).set('X-Correlation-Id', correlationId).send(body);

  describe('records each admin change with who, when, what and the correlation id', () => {
    it('of users, without any password or hash', async () => {
      const username = `audited-${uniqueSuffix()}`;
      const created = await call('post', 'users', { username, password: TEST_PASSWORD, role: 'grid_worker', gridCodes: [county.grids.home] }, `audit-${randomUUID()}`);
      expect(created.status).toBe(201);
      const createdEntry = await entryOf(created.headers['x-correlation-id']);
      expect(createdEntry).toMatchObject({
        actor: { ...asAdmin, userId: adminId },
        action: 'user.created',
        target: { type: 'user', id: created.body.id },
        details: { username, role: 'grid_worker', gridCodes: [county.grids.home], departmentCode: null },
      });
      expect(Date.now() - Date.parse(createdEntry.occurredAt)).toBeLessThan(60_000);

      const changed = await call('patch', `users/${created.body.id}`, { gridCodes: [county.grids.other], disabled: true }, `audit-${randomUUID()}`);
      expect(changed.status).toBe(200);
      expect(await entryOf(changed.headers['x-correlation-id'])).toMatchObject({
        action: 'user.updated',
        target: { type: 'user', id: created.body.id },
        details: { username, changes: { gridCodes: { added: [county.grids.other], removed: [county.grids.home] }, disabled: { from: false, to: true } } },
      });

      const newPassword = 'a fresh secret for audit 77';
      const reset = await call('post', `users/${created.body.id}/password`, { password: newPassword }, `audit-${randomUUID()}`);
      expect(reset.status).toBe(204);
      const resetEntry = await entryOf(reset.headers['x-correlation-id']);
      expect(resetEntry).toMatchObject({ action: 'user.password_reset', target: { type: 'user', id: created.body.id }, details: { username } });

      const [{ password_hash: hash }] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [created.body.id]);
      const everything = JSON.stringify((await audit({ targetId: created.body.id })).items);
      for (const secret of [newPassword, TEST_PASSWORD, hash, 'scrypt']) expect(everything).not.toContain(secret);
    });

    it('of grids, departments and categories', async () => {
      const s = uniqueSuffix();
      const cases: Array<[string, object, string, string]> = [
        ['grids', { code: `G-${s}`, name: 'Audited grid', streetCode: 'S-1' }, 'grid.created', `G-${s}`],
        ['departments', { code: `dept-${s}`, name: 'Audited department' }, 'department.created', `dept-${s}`],
        ['categories', { code: `cat-${s}`, name: 'Audited', leadDepartment: `dept-${s}`, assistingDepartments: [] }, 'category.created', `cat-${s}`],
      ];
      for (const [path, body, action, code] of cases) {
        const response = await call('post', path, body, `audit-${randomUUID()}`);
        expect(response.status).toBe(201);
        expect(await entryOf(response.headers['x-correlation-id'])).toMatchObject({
          actor: asAdmin,
          action,
          target: { type: action.split('.')[0], id: code },
          details: expect.objectContaining({ code }),
        });
      }
    });

    it('of the routing policy, the calendar and a category’s deadlines', async () => {
      const correlationId = `audit-${randomUUID()}`;
      const before = (await api.http.get('/api/v1/routing-policy').set(bearer(api.adminToken))).body;
      const saved = await api.http
        .put('/api/v1/routing-policy')
        .set(bearer(api.adminToken))
        .set('X-Correlation-Id', correlationId)
        .send({ rules: before.rules, clusterThreshold: before.clusterThreshold + 1 });
      expect(saved.status).toBe(200);
      expect(await entryOf(correlationId)).toMatchObject({
        action: 'routing_policy.saved',
        target: { type: 'routing_policy', id: String(saved.body.version) },
        details: { fromVersion: before.version, toVersion: saved.body.version, changes: { clusterThreshold: { from: before.clusterThreshold, to: before.clusterThreshold + 1 } } },
      });
      // Back to the threshold the other specs expect.
      await api.http.put('/api/v1/routing-policy').set(bearer(api.adminToken)).send({ rules: before.rules, clusterThreshold: before.clusterThreshold });

      const calendar = (await api.http.get('/api/v1/calendar').set(bearer(api.adminToken))).body;
      const holiday = '2099-10-01';
      const updated = await call('put', 'calendar', { periods: calendar.periods, holidays: [...calendar.holidays, holiday], makeUpWorkdays: calendar.makeUpWorkdays }, `audit-${randomUUID()}`);
      expect(updated.status).toBe(200);
      expect(await entryOf(updated.headers['x-correlation-id'])).toMatchObject({
        action: 'calendar.updated',
        target: { type: 'calendar', id: String(updated.body.version) },
        details: { changes: { holidays: { added: [holiday], removed: [] } } },
      });
      await api.http.put('/api/v1/calendar').set(bearer(api.adminToken)).send({ periods: calendar.periods, holidays: calendar.holidays, makeUpWorkdays: calendar.makeUpWorkdays });

      const deadlines = await call('put', `categories/${county.categories.small}/deadlines`, { gridResolveWorkingDays: 5 }, `audit-${randomUUID()}`);
      expect(deadlines.status).toBe(200);
      expect(await entryOf(deadlines.headers['x-correlation-id'])).toMatchObject({
        action: 'category_deadlines.set',
        target: { type: 'category', id: county.categories.small },
        details: { changes: { gridResolveWorkingDays: { from: 3, to: 5 } } },
      });
    });

    it('records nothing for a change that was refused, and keeps nothing of it', async () => {
      const { total } = await audit();
      const s = uniqueSuffix();
      expectError(await call('post', 'grids', { code: county.grids.home, name: 'Again' }, `audit-${randomUUID()}`), 409);
      expectError(await call('post', 'users', { username: `weak-${s}`, password: '12345678', role: 'admin' }, `audit-${randomUUID()}`), 400);
      expectError(await call('put', `categories/no-such-${s}/deadlines`, { gridResolveWorkingDays: 5 }, `audit-${randomUUID()}`), 404);
      expect((await audit()).total).toBe(total);
    });
  });

  describe("records every read of a reporter's contact details", () => {
    it('by whoever opened the request, and not a read without contact details', async () => {
      const withContact = await fileRequest(api.http, county.tokens.worker, requestBody(county));
      const anonymous = await fileRequest(api.http, county.tokens.worker, requestBody(county, { reporter: undefined }));
      const correlationId = `audit-${randomUUID()}`;
      const read = await api.http.get(`/api/v1/requests/${withContact.id}`).set(bearer(county.tokens.leader)).set('X-Correlation-Id', correlationId);
      expect(read.body.reporter).toEqual({ name: 'Wang Fang', phone: '13800001234' });
      expect(await entryOf(correlationId)).toMatchObject({
        actor: { username: county.users.leader, role: 'leader' },
        action: 'request.contact_read',
        target: { type: 'request', id: withContact.id },
        details: { trackingNo: withContact.trackingNo },
      });
      const reads = await audit({ action: 'request.contact_read', targetId: withContact.id });
      expect(JSON.stringify(reads.items)).not.toContain('13800001234');

      const none = `audit-${randomUUID()}`;
      expect((await api.http.get(`/api/v1/requests/${anonymous.id}`).set(bearer(county.tokens.leader)).set('X-Correlation-Id', none)).status).toBe(200);
      expect((await audit({ targetId: anonymous.id })).total).toBe(0);
    });

    it('never shows the contact details in lists, so every read of them is one of those recorded', async () => {
      const filed = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: await createSmallCategory(api.http, api.adminToken, county) }));
      expect(filed.reporter).toEqual({ name: 'Wang Fang', phone: '13800001234' });
      const list = await api.http.get('/api/v1/requests').query({ pageSize: 100 }).set(bearer(county.tokens.worker));
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(JSON.stringify(list.body)).not.toContain('13800001234');
      const resolved = await api.http.post(`/api/v1/requests/${filed.id}/resolve`).set(bearer(county.tokens.worker)).send({ note: 'Done' });
      expect(resolved.status).toBe(200);
      expect(resolved.body.reporter).toBeUndefined();
    });
  });

  describe('reading it', () => {
    it('filters by actor, action, target and time, in pages of {items, page, pageSize, total}', async () => {
      const byLeader = await audit({ actor: county.users.leader.toUpperCase(), action: 'request.contact_read' });
      expect(byLeader.total).toBeGreaterThan(0);
      expect(byLeader.items.every((e) => e.actor?.username === county.users.leader)).toBe(true);
      const byId = await audit({ actor: adminId, action: 'user.created' });
      expect(byId.items.every((e) => e.actor?.userId === adminId && e.action === 'user.created')).toBe(true);

      const first = await audit({ pageSize: 2, page: 1 });
      const second = await audit({ pageSize: 2, page: 2 });
      expect(first).toMatchObject({ page: 1, pageSize: 2, total: second.total });
      expect(first.items).toHaveLength(2);
      expect(first.items[0].id).toBeGreaterThan(first.items[1].id);
      expect(second.items[0].id).toBeLessThan(first.items[1].id);

      const future = await audit({ from: '2099-01-01T00:00:00+08:00' });
      expect(future).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
      const past = await audit({ to: '2000-01-01T00:00:00Z' });
      expect(past.total).toBe(0);
      const all = await audit({ from: '2000-01-01T00:00:00Z', to: '2099-01-01T00:00:00+08:00' });
      expect(all.total).toBe(first.total);
    });

    it('refuses bad filters with a 400 naming them', async () => {
      for (const [query, field] of [
        [{ action: 'user.deleted' }, 'action'],
        [{ from: 'yesterday' }, 'from'],
        [{ to: '2026-11-27' }, 'to'],
        [{ pageSize: 1000 }, 'pageSize'],
        [{ actor: "x' OR 1=1" }, 'actor'],
      ] as const) {
        expectError(await api.http.get('/api/v1/audit').query(query).set(bearer(api.adminToken)), 400, field);
      }
      expectError(
        await api.http.get('/api/v1/audit').query({ from: '2026-11-27T00:00:00Z', to: '2026-11-26T00:00:00Z' }).set(bearer(api.adminToken)),
        400,
        'from',
      );
    });

    it('is for admins only', async () => {
      for (const token of [county.tokens.worker, county.tokens.leader, county.tokens.leadStaff[0]]) {
        expectError(await api.http.get('/api/v1/audit').set(bearer(token)), 403);
      }
      expectError(await api.http.get('/api/v1/audit'), 401);
    });
  });

  describe('cannot be changed', () => {
    it('through the api: there is nothing but GET', async () => {
      const [latest] = (await audit({ pageSize: 1 })).items;
      for (const method of ['post', 'put', 'patch', 'delete'] as const) {
        expectError(await api.http[method]('/api/v1/audit').set(bearer(api.adminToken)).send({}), 404);
        expectError(await api.http[method](`/api/v1/audit/${latest.id}`).set(bearer(api.adminToken)).send({}), 404);
      }
      expect((await audit({ pageSize: 1 })).items[0]).toEqual(latest);
    });

    it('in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
      const [latest] = (await audit({ pageSize: 1 })).items;
      await expect(db.query("UPDATE audit_log SET actor_username = 'someone else' WHERE id = $1", [latest.id])).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_log WHERE id = $1', [latest.id])).rejects.toThrow(/append-only/);
      await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      expect((await audit({ pageSize: 1 })).items[0]).toEqual(latest);
    });
  });
});
