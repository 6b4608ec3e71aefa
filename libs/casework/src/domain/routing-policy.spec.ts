import fc from 'fast-check';
import {
  caseDepartments,
  decideRoute,
  recentCountNeeded,
  RoutingFacts,
  RoutingPolicy,
  RoutingRule,
  routingRulesProblem,
  unknownDepartmentsProblem,
  URGENCIES,
} from './routing-policy';

/** PRODUCT.md section 3's defaults, as the migration seeds them for version 1. */
const DEFAULTS: RoutingPolicy = {
  version: 1,
  windowHours: 24,
  duplicateRadiusMeters: 200,
  clusterThreshold: 3,
  rules: [
    { id: 'multi-department', description: 'two or more departments', when: { departmentsAtLeast: 2 }, outcome: { route: 'joint' } },
    { id: 'safety-risk', description: 'a safety risk', when: { safetyRisk: true }, outcome: { route: 'joint' } },
    { id: 'mass-impact', description: '50 or more affected', when: { affectedPeopleAtLeast: 50 }, outcome: { route: 'joint' } },
    { id: 'critical-urgency', description: 'critical', when: { urgencyIn: ['critical'] }, outcome: { route: 'joint' } },
    { id: 'same-category-cluster', description: 'a cluster', when: { recentSameCategoryAtLeast: 3 }, outcome: { route: 'joint' } },
  ],
};

const smallMatter: RoutingFacts = {
  categoryCode: 'street-lighting',
  gridCode: 'G-0101',
  streetCode: 'S-PG01',
  departmentCount: 1,
  safetyRisk: false,
  affectedPeople: 3,
  urgency: 'normal',
  recentSameCategory: 1,
};

const withRules = (...rules: RoutingRule[]): RoutingPolicy => ({ ...DEFAULTS, version: 7, rules });

describe('the default routing policy (version 1)', () => {
  it('keeps a small matter in its grid and says why', () => {
    expect(decideRoute(smallMatter, DEFAULTS)).toEqual({
      route: 'grid',
      policyVersion: 1,
      rules: ['default-grid'],
      reasons: [expect.stringContaining('settled inside its grid')],
      addDepartments: [],
    });
  });

  it.each<[string, Partial<RoutingFacts>]>([
    ['multi-department', { departmentCount: 2 }],
    ['safety-risk', { safetyRisk: true }],
    ['mass-impact', { affectedPeople: 50 }],
    ['critical-urgency', { urgency: 'critical' }],
    ['same-category-cluster', { recentSameCategory: 3 }],
  ])('goes joint on %s', (rule, change) => {
    const decision = decideRoute({ ...smallMatter, ...change }, DEFAULTS);
    expect(decision.route).toBe('joint');
    expect(decision.rules).toEqual([rule]);
    expect(decision.reasons).toHaveLength(1);
  });

  it('stays in the grid just under each threshold', () => {
    expect(decideRoute({ ...smallMatter, affectedPeople: 49 }, DEFAULTS).route).toBe('grid');
    expect(decideRoute({ ...smallMatter, recentSameCategory: 2 }, DEFAULTS).route).toBe('grid');
    expect(decideRoute({ ...smallMatter, urgency: 'high' }, DEFAULTS).route).toBe('grid');
  });

  it('gives reasons in plain words generated from the conditions and the facts', () => {
    const decision = decideRoute({ ...smallMatter, categoryCode: 'food-safety', safetyRisk: true, affectedPeople: 80, departmentCount: 2 }, DEFAULTS);
    expect(decision.reasons).toEqual([
      'category food-safety needs 2 departments (threshold 2)',
      'a food safety risk was reported',
      '80 people are affected (threshold 50)',
    ]);
  });

  it('lists every rule that fired, in policy order', () => {
    const decision = decideRoute({ ...smallMatter, urgency: 'critical', safetyRisk: true, departmentCount: 3 }, DEFAULTS);
    expect(decision.rules).toEqual(['multi-department', 'safety-risk', 'critical-urgency']);
  });

  it('property: joint exactly when some default condition of PRODUCT.md holds, one reason per rule', () => {
    const facts = fc.record({
      categoryCode: fc.constantFrom('noise', 'food-safety', 'roads'),
      gridCode: fc.constantFrom('G-1', 'G-2'),
      streetCode: fc.constantFrom('S-1', null),
      departmentCount: fc.integer({ min: 1, max: 6 }),
      safetyRisk: fc.boolean(),
      affectedPeople: fc.integer({ min: 0, max: 10_000 }),
      urgency: fc.constantFrom(...URGENCIES),
      recentSameCategory: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const decision = decideRoute(f, DEFAULTS);
        const major =
          f.departmentCount >= 2 || f.safetyRisk || f.affectedPeople >= 50 || f.urgency === 'critical' || f.recentSameCategory >= 3;
        return decision.route === (major ? 'joint' : 'grid') && decision.rules.length === decision.reasons.length && decision.rules.length >= 1;
      }),
    );
  });
});

describe('rules kept as data', () => {
  it('matches on grid and street, and adds departments to a joint case', () => {
    const policy = withRules({
      id: 'riverside-flooding',
      description: 'Riverside streets bring in water affairs',
      when: { streetCodes: ['S-PG01'], categoryCodes: ['street-lighting'] },
      outcome: { route: 'joint', addDepartments: ['water-affairs'] },
    });
    const decision = decideRoute(smallMatter, policy);
    expect(decision).toEqual({
      route: 'joint',
      policyVersion: 7,
      rules: ['riverside-flooding'],
      reasons: ['the category is street-lighting and the grid belongs to street S-PG01; water-affairs assists'],
      addDepartments: ['water-affairs'],
    });
    expect(decideRoute({ ...smallMatter, streetCode: null }, policy).route).toBe('grid');
    expect(decideRoute({ ...smallMatter, streetCode: 'S-OTHER' }, policy).route).toBe('grid');
  });

  it('lets a grid rule fire without making the case joint', () => {
    const policy = withRules({ id: 'keep-lights-local', description: 'lights stay', when: { categoryCodes: ['street-lighting'] }, outcome: { route: 'grid' } });
    expect(decideRoute(smallMatter, policy)).toMatchObject({ route: 'grid', rules: ['keep-lights-local'], reasons: ['the category is street-lighting'] });
  });

  it('fires a rule without conditions on every request', () => {
    const policy = withRules({ id: 'all-joint', description: 'everything joint', when: {}, outcome: { route: 'joint' } });
    expect(decideRoute(smallMatter, policy)).toMatchObject({ route: 'joint', reasons: ['the rule applies to every request'] });
  });

  it('counts recent requests only as far as the rules need', () => {
    expect(recentCountNeeded(DEFAULTS)).toBe(3);
    expect(recentCountNeeded(withRules(DEFAULTS.rules[0]))).toBe(0);
  });

  it('names unknown departments a rule adds', () => {
    const rule = (id: string, addDepartments?: string[]): RoutingRule => ({ id, description: id, when: {}, outcome: { route: 'joint', addDepartments } });
    expect(unknownDepartmentsProblem([rule('a'), rule('b', ['water', 'fire'])], new Set(['water']))).toBe(
      'rules[1] (b).outcome.addDepartments: no department has code fire',
    );
    expect(unknownDepartmentsProblem([rule('a', ['water'])], new Set(['water']))).toBeNull();
  });
});

describe('checking rules as an admin sends them', () => {
  const rule = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: 'lights',
    description: 'Street lights',
    when: { categoryCodes: ['street-light'] },
    outcome: { route: 'joint' },
    ...overrides,
  });

  it('takes the default policy, an empty one and a rule with every condition', () => {
    expect(routingRulesProblem(DEFAULTS.rules)).toBeNull();
    expect(routingRulesProblem([])).toBeNull();
    const everything = {
      categoryCodes: ['c'],
      gridCodes: ['G-1'],
      streetCodes: ['S-1'],
      safetyRisk: false,
      affectedPeopleAtLeast: 0,
      urgencyIn: ['low', 'critical'],
      departmentsAtLeast: 2,
      recentSameCategoryAtLeast: 3,
    };
    expect(routingRulesProblem([rule({ when: everything, outcome: { route: 'grid', addDepartments: [] } })])).toBeNull();
  });

  // {"rules":[[]]} was saved as a rule with no id and no outcome that fired on every request.
  it.each<[string, unknown, string]>([
    ['a list where a rule should be', [[]], 'rules[0]: must be an object'],
    ['a valid rule wrapped in a list', [rule(), [rule({ id: 'b' })]], 'rules[1]: must be an object'],
    ['null', [null], 'rules[0]: must be an object'],
    ['text', ['lights'], 'rules[0]: must be an object'],
    ['not a list', { 0: rule() }, 'rules: must be a list of at most 100 rules'],
    ['too many rules', Array.from({ length: 101 }, (_, i) => rule({ id: `r${i}` })), 'rules: must be a list of at most 100'],
    ['no id', [rule({ id: undefined })], 'rules[0].id: must be 1 to 40'],
    ['an id that is not a code', [rule({ id: 'no spaces please' })], 'rules[0].id'],
    ['a numeric id', [rule({ id: 7 })], 'rules[0].id'],
    ['the fallback id', [rule({ id: 'default-grid' })], 'rules[0].id: default-grid is kept'],
    ['a repeated id', [rule({ id: 'twice' }), rule({ id: 'once' }), rule({ id: 'twice' })], 'rules[2].id: twice is already the id of rules[0]'],
    ['no description', [rule({ description: undefined })], 'rules[0].description'],
    ['an empty description', [rule({ description: '' })], 'rules[0].description'],
    ['a description too long', [rule({ description: 'x'.repeat(301) })], 'rules[0].description'],
    ['no condition object', [rule({ when: undefined })], 'rules[0].when: must be an object'],
    ['conditions as a list', [rule({ when: [] })], 'rules[0].when: must be an object'],
    ['an unknown condition', [rule({ when: { moonPhase: 'full' } })], 'rules[0].when.moonPhase: no such condition'],
    ['a code list as text', [rule({ when: { categoryCodes: 'street-light' } })], 'rules[0].when.categoryCodes: must be a list of 1 to 200 codes'],
    ['an empty code list', [rule({ when: { gridCodes: [] } })], 'rules[0].when.gridCodes: must be a list'],
    ['a bad code in a list', [rule({ when: { streetCodes: ['S-1', 'S 2'] } })], 'rules[0].when.streetCodes[1]: must be a code'],
    ['safetyRisk as text', [rule({ when: { safetyRisk: 'yes' } })], 'rules[0].when.safetyRisk: must be true or false'],
    ['a negative threshold', [rule({ when: { affectedPeopleAtLeast: -1 } })], 'rules[0].when.affectedPeopleAtLeast: must be a whole number from 0'],
    ['a fractional threshold', [rule({ when: { departmentsAtLeast: 1.5 } })], 'rules[0].when.departmentsAtLeast'],
    ['a threshold as text', [rule({ when: { recentSameCategoryAtLeast: '3' } })], 'rules[0].when.recentSameCategoryAtLeast'],
    ['an unknown urgency', [rule({ when: { urgencyIn: ['high', 'extreme'] } })], 'rules[0].when.urgencyIn[1]: must be one of: low'],
    ['no outcome', [rule({ outcome: undefined })], 'rules[0].outcome: must be an object with a route'],
    ['no route', [rule({ outcome: {} })], 'rules[0].outcome.route: must be one of: grid, joint'],
    ['an unknown route', [rule({ outcome: { route: 'sideways' } })], 'rules[0].outcome.route'],
    ['departments as text', [rule({ outcome: { route: 'joint', addDepartments: 'water' } })], 'rules[0].outcome.addDepartments: must be a list of 0 to 20'],
    ['an unknown outcome field', [rule({ outcome: { route: 'joint', priority: 1 } })], 'rules[0].outcome.priority: an outcome has only route, addDepartments'],
    ['an unknown rule field', [rule({ enabled: true })], 'rules[0].enabled: a rule has only id, description, when, outcome'],
  ])('refuses %s, naming the rule and the field', (_, rules, message) => {
    expect(routingRulesProblem(rules)).toContain(message);
  });

  // Whatever an admin sends, what passes the check is a policy the evaluator can run.
  it('lets through only rules decideRoute can evaluate (properties)', () => {
    // Mostly valid fields, now and then any JSON value or a field left out: near misses, where holes hide.
    const mostly = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: fc.jsonValue() });
    const dropSome = (record: fc.Arbitrary<Record<string, unknown>>) =>
      fc.tuple(record, fc.nat(20)).map(([value, drop]) => {
        const keys = Object.keys(value);
        return drop < keys.length ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== keys[drop])) : value;
      });
    const when = dropSome(
      fc.record({
        categoryCodes: mostly(fc.constant(['c1'])),
        safetyRisk: mostly(fc.boolean()),
        affectedPeopleAtLeast: mostly(fc.oneof(fc.integer({ min: -2, max: 100 }), fc.double({ min: 0, max: 100 }))),
        urgencyIn: mostly(fc.subarray([...URGENCIES])),
      }),
    );
    const outcome = dropSome(fc.record({ route: mostly(fc.constantFrom('grid', 'joint')), addDepartments: mostly(fc.constant(['d1'])) }));
    const rule = dropSome(
      fc.record({
        id: mostly(fc.constantFrom('a', 'b', 'c', 'default-grid')),
        description: mostly(fc.constant('a rule')),
        when: mostly(when),
        outcome: mostly(outcome),
      }),
    );
    const rules = mostly(fc.array(mostly(rule), { maxLength: 3 }));
    let acceptedNonEmpty = 0;
    fc.assert(
      fc.property(rules, (candidate) => {
        const problem = routingRulesProblem(candidate);
        if (problem !== null) return problem.startsWith('rules');
        if ((candidate as unknown[]).length > 0) acceptedNonEmpty += 1;
        const decision = decideRoute({ ...smallMatter, categoryCode: 'c1' }, { ...DEFAULTS, rules: candidate as RoutingRule[] });
        return ['grid', 'joint'].includes(decision.route) && decision.rules.every((id) => typeof id === 'string' && id.length > 0);
      }),
      { numRuns: 1000, seed: 8 },
    );
    // The property means something only if rules do get through.
    expect(acceptedNonEmpty).toBeGreaterThan(20);
  });
});

describe('evaluating any policy (properties)', () => {
  const codes = ['c1', 'c2', 'c3'];
  const departments = ['d1', 'd2', 'd3', 'd4'];
  const condition = fc.record(
    {
      categoryCodes: fc.subarray(codes, { minLength: 1 }),
      gridCodes: fc.subarray(['G-1', 'G-2'], { minLength: 1 }),
      streetCodes: fc.subarray(['S-1', 'S-2'], { minLength: 1 }),
      safetyRisk: fc.boolean(),
      affectedPeopleAtLeast: fc.integer({ min: 0, max: 200 }),
      urgencyIn: fc.subarray([...URGENCIES], { minLength: 1 }),
      departmentsAtLeast: fc.integer({ min: 1, max: 4 }),
      recentSameCategoryAtLeast: fc.integer({ min: 1, max: 6 }),
    },
    { requiredKeys: [] },
  );
  const rule = fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    description: fc.constant('a rule'),
    when: condition,
    outcome: fc.record({ route: fc.constantFrom('grid' as const, 'joint' as const), addDepartments: fc.subarray(departments) }),
  });
  const policy = fc
    .uniqueArray(rule, { maxLength: 8, selector: (r) => r.id })
    .map((rules): RoutingPolicy => ({ ...DEFAULTS, version: 4, rules }));
  const facts = fc.record({
    categoryCode: fc.constantFrom(...codes),
    gridCode: fc.constantFrom('G-1', 'G-2'),
    streetCode: fc.constantFrom('S-1', 'S-2', null),
    departmentCount: fc.integer({ min: 1, max: 4 }),
    safetyRisk: fc.boolean(),
    affectedPeople: fc.integer({ min: 0, max: 300 }),
    urgency: fc.constantFrom(...URGENCIES),
    recentSameCategory: fc.integer({ min: 1, max: 8 }),
  });

  it('fires the matching rules in order, joint when any fired one says so, adding the union of their departments', () => {
    fc.assert(
      fc.property(policy, facts, (p, f) => {
        const decision = decideRoute(f, p);
        const fired = decision.rules.filter((id) => id !== 'default-grid').map((id) => p.rules.find((r) => r.id === id) as RoutingRule);
        const inOrder = fired.every((r, i) => i === 0 || p.rules.indexOf(fired[i - 1]) < p.rules.indexOf(r));
        const union = new Set(fired.flatMap((r) => r.outcome.addDepartments ?? []));
        return (
          decision.policyVersion === 4 &&
          inOrder &&
          decision.reasons.length === decision.rules.length &&
          decision.reasons.every((reason) => reason.length > 0) &&
          decision.route === (fired.some((r) => r.outcome.route === 'joint') ? 'joint' : 'grid') &&
          (decision.addDepartments ?? []).length === union.size &&
          (decision.addDepartments ?? []).every((d) => union.has(d)) &&
          (fired.length > 0 || decision.rules[0] === 'default-grid')
        );
      }),
    );
  });

  it('routes the same whatever the order of the rules', () => {
    fc.assert(
      fc.property(policy, facts, (p, f) => {
        const reversed = { ...p, rules: [...p.rules].reverse() };
        return decideRoute(f, p).route === decideRoute(f, reversed).route;
      }),
    );
  });

  it('never lets a later rule unfire an earlier one', () => {
    fc.assert(
      fc.property(policy, rule, facts, (p, extra, f) => {
        fc.pre(!p.rules.some((r) => r.id === extra.id));
        const before = decideRoute(f, p).rules.filter((id) => id !== 'default-grid');
        const after = decideRoute(f, { ...p, rules: [...p.rules, extra] }).rules;
        return before.every((id) => after.includes(id));
      }),
    );
  });
});

describe('the departments of a joint case', () => {
  it('keeps the category lead as lead and lets the others assist, each once', () => {
    expect(caseDepartments('market', ['urban'], ['urban', 'water', 'market'])).toEqual([
      { code: 'market', role: 'lead' },
      { code: 'urban', role: 'assist' },
      { code: 'water', role: 'assist' },
    ]);
  });
});
