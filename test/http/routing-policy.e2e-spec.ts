import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, createUser, expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { addRules, currentPolicy, RuleBody } from '../factories/routing-policy.factory';
import { bearer, startTestApi, TestApi } from '../support/test-api';

const DEFAULT_RULE_IDS = ['multi-department', 'safety-risk', 'mass-impact', 'critical-urgency', 'same-category-cluster'];

describe('the routing policy over HTTP', () => {
  let api: TestApi;
  let county: County;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
  });
  afterAll(() => api.close());

  const put = (body: object, token = api.adminToken) => api.http.put('/api/v1/routing-policy').set(bearer(token)).send(body);
  const rule = (overrides: Partial<RuleBody> = {}): RuleBody => ({
    id: `rule-${county.suffix}`,
    description: 'A rule of this test',
    when: { categoryCodes: [county.categories.small] },
    outcome: { route: 'joint' },
    ...overrides,
  });

  it("answers the admin with the product's defaults as rules, the fallback and the thresholds", async () => {
    const policy = await currentPolicy(api.http, api.adminToken);
    expect(policy.version).toBeGreaterThanOrEqual(1);
    expect(policy.rules.map((r) => r.id).filter((id) => DEFAULT_RULE_IDS.includes(id))).toEqual(DEFAULT_RULE_IDS);
    expect(policy.rules.find((r) => r.id === 'mass-impact')).toEqual({
      id: 'mass-impact',
      description: expect.any(String),
      when: { affectedPeopleAtLeast: 50 },
      outcome: { route: 'joint' },
    });
    expect(policy).toMatchObject({
      fallback: { id: 'default-grid', route: 'grid' },
      windowHours: 24,
      duplicateRadiusMeters: 200,
      clusterThreshold: 3,
      createdBy: expect.any(String),
    });
    expect(policy.createdAt).toMatch(/\+08:00$/);
  });

  it('answers 403 to everyone but the admin, reading or saving', async () => {
    for (const token of [county.tokens.worker, county.tokens.leader, county.tokens.assistStaff]) {
      expectError(await api.http.get('/api/v1/routing-policy').set(bearer(token)), 403);
      expectError(await put({ rules: [] }, token), 403);
    }
    expectError(await api.http.get('/api/v1/routing-policy'), 401);
  });

  describe('a rule change', () => {
    let category: string;
    let before: Record<string, any>;
    let saved: Record<string, any>;
    const ruleId = (): string => `lights-joint-${county.suffix}`;

    beforeAll(async () => {
      category = await createSmallCategory(api.http, api.adminToken, county);
      before = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: category }));
      saved = await addRules(
        api.http,
        api.adminToken,
        rule({
          id: ruleId(),
          description: 'Lights on this street need urban management too',
          when: { categoryCodes: [category], streetCodes: [`S-${county.suffix}`] },
          outcome: { route: 'joint', addDepartments: [county.departments.assist] },
        }),
      );
    });

    it('saves the next version, answering it with who saved it', async () => {
      const { version } = await currentPolicy(api.http, api.adminToken);
      expect(saved).toMatchObject({ version, createdBy: 'admin' });
      expect(saved.version).toBeGreaterThan(before.decision.policyVersion);
      expect(saved.rules.at(-1)).toEqual({
        id: ruleId(),
        description: 'Lights on this street need urban management too',
        when: { categoryCodes: [category], streetCodes: [`S-${county.suffix}`] },
        outcome: { route: 'joint', addDepartments: [county.departments.assist] },
      });
    });

    it('routes new requests by the new version, naming the rule and its reason', async () => {
      const after = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: category }));
      expect(after.route).toBe('joint');
      expect(after.decision).toEqual({
        policyVersion: saved.version,
        rules: [ruleId()],
        reasons: [`the category is ${category} and the grid belongs to street S-${county.suffix}; ${county.departments.assist} assists`],
      });
      expect(after.assignments).toEqual([
        expect.objectContaining({ departmentCode: county.departments.single, role: 'lead', status: 'unclaimed' }),
        expect.objectContaining({ departmentCode: county.departments.assist, role: 'assist', status: 'unclaimed' }),
      ]);
    });

    it('leaves requests decided before as they were, with the old version and its rules', async () => {
      const response = await api.http.get(`/api/v1/requests/${before.id}`).set(bearer(api.adminToken));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ route: 'grid', assignments: [], decision: before.decision });
      expect(before.decision).toEqual({ policyVersion: saved.version - 1, rules: ['default-grid'], reasons: [expect.stringContaining('grid')] });
    });

    it("fires in every grid of the rule's street and in no other", async () => {
      const elsewhere = await fileRequest(api.http, county.tokens.otherWorker, requestBody(county, { categoryCode: category, gridCode: county.grids.other }));
      // Both grids of the county lie in the same street, so the rule fires there too; a grid of another street stays small.
      expect(elsewhere.decision.rules).toEqual([ruleId()]);
      const lonely = `G-${county.suffix}-far`;
      const created = await api.http.post('/api/v1/grids').set(bearer(api.adminToken)).send({ code: lonely, name: 'Far grid', streetCode: `X-${county.suffix}` });
      expect(created.status).toBe(201);
      const token = await createUser(api.http, api.adminToken, {
        username: `far-${county.suffix}`,
        role: 'grid_worker',
        gridCodes: [lonely],
      });
      const far = await fileRequest(api.http, token, requestBody(county, { categoryCode: category, gridCode: lonely }));
      expect(far).toMatchObject({ route: 'grid', decision: { policyVersion: saved.version, rules: ['default-grid'] } });
    });
  });

  describe('refuses a bad rule with a 400 that names it, and saves nothing', () => {
    let version: number;

    beforeAll(async () => {
      ({ version } = await currentPolicy(api.http, api.adminToken));
    });
    afterEach(async () => {
      expect((await currentPolicy(api.http, api.adminToken)).version).toBe(version);
    });

    it.each<[string, (r: typeof rule) => RuleBody[], string]>([
      ['an unknown urgency', (r) => [r({ id: 'a' }), r({ id: 'b' }), r({ id: 'c', when: { urgencyIn: ['extreme'] } })], 'rules[2].when.urgencyIn'],
      ['an unknown route', (r) => [r({ outcome: { route: 'sideways' as 'grid' } })], 'rules[0].outcome.route'],
      ['a negative threshold', (r) => [r({ id: 'a' }), r({ id: 'b', when: { affectedPeopleAtLeast: -1 } })], 'rules[1].when.affectedPeopleAtLeast'],
      ['an unknown condition', (r) => [r({ when: { moonPhase: 'full' } })], 'rules[0].when.moonPhase: no such condition'],
      ['a condition of the wrong type', (r) => [r({ when: { safetyRisk: 'yes' } })], 'rules[0].when.safetyRisk: must be true or false'],
      ['an empty list', (r) => [r({ when: { gridCodes: [] } })], 'rules[0].when.gridCodes'],
      ['a missing outcome', (r) => [{ ...r(), outcome: undefined as unknown as RuleBody['outcome'] }], 'rules[0].outcome'],
      ['a malformed id', (r) => [r({ id: 'no spaces please' })], 'rules[0].id'],
    ])('%s', async (_, rules, fragment) => {
      expectError(await put({ rules: rules(rule) }), 400, fragment);
    });

    // It was saved: a rule with no id and no outcome, firing on every request and routing it to its grid.
    it.each<[string, unknown[], string]>([
      ['a list where a rule should be', [[]], 'rules[0]: must be an object'],
      ['a rule wrapped in a list', [[{ id: 'x', description: 'x', when: {}, outcome: { route: 'joint' } }]], 'rules[0]: must be an object'],
      ['null', [null], 'rules[0]: must be an object'],
      ['a rule with nothing in it', [{}], 'rules[0].id'],
    ])('%s', async (_, rules, fragment) => {
      expectError(await put({ rules }), 400, fragment);
      const joint = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: county.categories.joint }));
      expect(joint).toMatchObject({ route: 'joint', decision: { policyVersion: version, rules: expect.arrayContaining(['multi-department']) } });
    });

    it('a repeated rule id', async () => {
      expectError(await put({ rules: [rule({ id: 'twice' }), rule({ id: 'once' }), rule({ id: 'twice' })] }), 400, 'rules[2].id: twice is already the id of rules[0]');
    });

    it('an unknown department to add', async () => {
      const response = await put({
        rules: [rule({ id: 'fine' }), rule({ id: 'bring-water', outcome: { route: 'joint', addDepartments: [county.departments.assist, `water-${county.suffix}`] } })],
      });
      expectError(response, 400, `rules[1] (bring-water).outcome.addDepartments: no department has code water-${county.suffix}`);
    });

    it('a threshold out of range', async () => {
      expectError(await put({ rules: [rule()], clusterThreshold: 1 }), 400, 'clusterThreshold');
    });
  });
});
