import { County, createCounty, uniqueSuffix } from '../factories/county.factory';
import { createSmallCategory, createUser, expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

/** Where the county's requests are; 0.0004° of latitude is about 44 m, 0.001° of longitude at 40°N about 85 m. */
const HERE = { lat: 40.14, lng: 117.12 };
const at = (dLat: number, dLng = 0) => ({ lat: HERE.lat + dLat, lng: HERE.lng + dLng, address: 'Binhe Road' });

describe('likely duplicates and clusters over HTTP', () => {
  let api: TestApi;
  let county: County;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
  });
  afterAll(() => api.close());

  const file = (category: string, overrides: Record<string, unknown> = {}, token = county.tokens.worker) =>
    fileRequest(api.http, token, requestBody(county, { categoryCode: category, ...overrides }));
  const link = (duplicateId: string, originalId: string, token = county.tokens.worker) =>
    api.http.post(`/api/v1/requests/${duplicateId}/link-duplicate`).set(bearer(token)).send({ originalId });
  const getRequest = async (id: string): Promise<Record<string, any>> => {
    const response = await api.http.get(`/api/v1/requests/${id}`).set(bearer(api.adminToken));
    expect(response.status).toBe(200);
    return response.body;
  };

  describe('on filing', () => {
    let category: string;
    let original: Record<string, any>;
    let near: Record<string, any>;
    let across: Record<string, any>;
    let far: Record<string, any>;

    beforeAll(async () => {
      category = await createSmallCategory(api.http, api.adminToken, county);
      original = await file(category, { title: 'Water leaking from the main', location: at(0) });
      near = await file(category, { title: 'Leak on Binhe Road', location: at(0.0004) });
    });

    it('offers none for the first report of a matter', () => {
      expect(original.likelyDuplicates).toEqual([]);
    });

    it('offers an open request of the category close by, with its distance', () => {
      expect(near.likelyDuplicates).toEqual([
        { id: original.id, trackingNo: original.trackingNo, title: 'Water leaking from the main', distanceMeters: expect.any(Number), createdAt: original.createdAt },
      ]);
      expect(near.likelyDuplicates[0].distanceMeters).toBeGreaterThanOrEqual(40);
      expect(near.likelyDuplicates[0].distanceMeters).toBeLessThanOrEqual(48);
    });

    it('offers close ones across a grid edge to a worker of both grids, nearest first, and none from far away', async () => {
      const bothGrids = await createUser(api.http, api.adminToken, {
        username: `both-${uniqueSuffix()}`,
        role: 'grid_worker',
        gridCodes: [county.grids.home, county.grids.other],
      });
      across = await file(category, { gridCode: county.grids.other, location: at(0, 0.001) }, bothGrids);
      expect(across.likelyDuplicates.map((d: { id: string }) => d.id)).toEqual([original.id, near.id]);
      far = await file(category, { gridCode: county.grids.other, location: at(0.01) }, county.tokens.otherWorker);
      expect(far.likelyDuplicates.map((d: { id: string }) => d.id)).toEqual([across.id]);
    });

    it('never offers a request of a grid the filer may not read, however close', async () => {
      const beside = await file(category, { gridCode: county.grids.other, location: at(0, 0.0005) }, county.tokens.otherWorker);
      // original and near lie 40 m away in the home grid, which this worker may not read.
      expect(beside.likelyDuplicates.map((d: { id: string }) => d.id)).toEqual([across.id, far.id]);
      expect(JSON.stringify(beside.likelyDuplicates)).not.toContain(original.trackingNo);
    });

    it('offers the recent ones of its grid when it has no location, without a distance', async () => {
      const unlocated = await file(category, { location: undefined });
      const offered = unlocated.likelyDuplicates.filter((d: { id: string }) => [original.id, near.id].includes(d.id));
      expect(offered).toHaveLength(2);
      for (const d of offered) expect(d).not.toHaveProperty('distanceMeters');
    });
  });

  describe('linking a duplicate to its original', () => {
    let category: string;
    let original: Record<string, any>;
    let duplicate: Record<string, any>;
    let linked: Record<string, any>;

    beforeAll(async () => {
      category = await createSmallCategory(api.http, api.adminToken, county);
      original = await file(category, { location: at(0) });
      duplicate = await file(category, { location: at(0.0002) });
    });

    it('answers 403 to a grid worker of another grid and to leaders, changing nothing', async () => {
      expectError(await link(duplicate.id, original.id, county.tokens.otherWorker), 403, county.grids.home);
      expectError(await link(duplicate.id, original.id, county.tokens.leader), 403);
      expect((await getRequest(duplicate.id)).status).toBe('open');
    });

    it('answers 400 to itself as the original or a malformed id, 404 to an unknown original', async () => {
      expectError(await link(duplicate.id, duplicate.id), 400, 'originalId');
      expectError(await link(duplicate.id, 'not-a-uuid'), 400, 'originalId');
      expectError(await link(duplicate.id, '00000000-0000-4000-8000-000000000000'), 404);
    });

    it('closes the duplicate and counts one report more on the original', async () => {
      const response = await link(duplicate.id, original.id);
      expect(response.status).toBe(200);
      linked = response.body;
      expect(linked.duplicate).toMatchObject({ id: duplicate.id, status: 'closed', duplicateOf: original.id });
      expect(linked.original).toEqual({
        id: original.id,
        trackingNo: original.trackingNo,
        route: 'grid',
        status: 'open',
        duplicateCount: 1,
        reports: 2,
      });
    });

    it('shows the link on both timelines', async () => {
      const closed = await getRequest(duplicate.id);
      expect(closed).toMatchObject({ status: 'closed', duplicateOf: original.id });
      expect(closed.timeline.at(-1)).toMatchObject({
        type: 'request.closed_as_duplicate',
        actor: county.users.worker,
        data: { status: 'closed', from: 'open', originalId: original.id, originalTrackingNo: original.trackingNo },
      });
      const counted = await getRequest(original.id);
      expect(counted).toMatchObject({ status: 'open', duplicateCount: 1, duplicateOf: null });
      expect(counted.timeline.at(-1)).toMatchObject({
        type: 'request.duplicate_linked',
        data: { duplicateId: duplicate.id, duplicateCount: 1, reports: 2 },
      });
    });

    it('no longer offers the closed duplicate, only the original', async () => {
      const another = await file(category, { location: at(0.0001) });
      expect(another.likelyDuplicates.map((d: { id: string }) => d.id)).toEqual([original.id]);
    });

    it('answers 409 naming the state when the duplicate is linked again', async () => {
      expectError(await link(duplicate.id, original.id), 409, 'the request is closed');
      expect((await getRequest(original.id)).duplicateCount).toBe(1);
    });

    it('answers 409 when the original is resolved', async () => {
      const finished = await file(await createSmallCategory(api.http, api.adminToken, county));
      const late = await file(finished.categoryCode);
      const resolved = await api.http.post(`/api/v1/requests/${finished.id}/resolve`).set(bearer(county.tokens.worker)).send({ note: 'Done' });
      expect(resolved.status).toBe(200);
      expectError(await link(late.id, finished.id), 409, 'the original is resolved');
      expect((await getRequest(late.id)).status).toBe('open');
    });

    it('answers 400 when the original is of another category', async () => {
      const other = await file(await createSmallCategory(api.http, api.adminToken, county));
      expectError(await link(other.id, original.id), 400, 'originalId');
    });
  });

  describe('by staff assigned to a joint original', () => {
    let category: string;
    let original: Record<string, any>;

    beforeAll(async () => {
      category = await createSmallCategory(api.http, api.adminToken, county);
      original = await file(category);
      const escalated = await api.http.post(`/api/v1/requests/${original.id}/escalate`).set(bearer(county.tokens.worker)).send({ reason: 'Too big for the grid' });
      expect(escalated.status).toBe(200);
    });

    it("links a grid task to it; staff of another department get 403; a joint duplicate gets 409", async () => {
      const duplicate = await file(category);
      expect(duplicate.route).toBe('grid');
      expectError(await link(duplicate.id, original.id, county.tokens.assistStaff), 403);
      const response = await link(duplicate.id, original.id, county.tokens.singleStaff);
      expect(response.status).toBe(200);
      expect(response.body.original).toMatchObject({ route: 'joint', duplicateCount: 1, reports: 2 });
      // The duplicate lies outside the staff's scope: its reporter's contact is not theirs to read.
      expect(response.body.duplicate.reporter).toBeUndefined();
      expect(JSON.stringify(response.body)).not.toContain('13800001234');
      expectError(await api.http.get(`/api/v1/requests/${duplicate.id}`).set(bearer(county.tokens.singleStaff)), 403);

      const jointDuplicate = await file(category, { safetyRisk: true });
      expect(jointDuplicate.route).toBe('joint');
      expectError(await link(jointDuplicate.id, original.id, county.tokens.singleStaff), 409, 'joint case');
    });
  });

  describe('a cluster', () => {
    let category: string;
    let original: Record<string, any>;

    beforeAll(async () => {
      category = await createSmallCategory(api.http, api.adminToken, county);
      original = await file(category, { location: at(0) });
    });

    it("turns the original joint once its reports reach the policy's threshold", async () => {
      const first = await file(category, { location: at(0.0001) });
      const second = await link(first.id, original.id);
      expect(second.body.original).toMatchObject({ route: 'grid', reports: 2 });

      const third = await file(category, { location: at(0.0002) });
      expect(third.route).toBe('grid');
      const response = await link(third.id, original.id);
      expect(response.status).toBe(200);
      expect(response.body.original).toMatchObject({ route: 'joint', status: 'open', duplicateCount: 2, reports: 3 });

      const joint = await getRequest(original.id);
      expect(joint).toMatchObject({ route: 'joint', status: 'open', duplicateCount: 2 });
      expect(joint.assignments).toEqual([expect.objectContaining({ departmentCode: county.departments.single, role: 'lead', status: 'unclaimed' })]);
      expect(joint.decision.rules[0]).toBe('escalation');
      expect(joint.decision.reasons[0]).toContain('3 reports of the same matter (cluster threshold 3)');
      expect(joint.timeline.slice(-3).map((e: { type: string }) => e.type)).toEqual(['request.duplicate_linked', 'request.escalated', 'assignment.created']);
    });
  });
});
