import fc from 'fast-check';
import { decideRoute, RoutingFacts, URGENCIES } from './routing-policy';

const smallMatter: RoutingFacts = {
  categoryCode: 'street-lighting',
  departmentCount: 1,
  safetyRisk: false,
  affectedPeople: 3,
  urgency: 'normal',
  openInGridWindow: 1,
};

describe('default routing policy', () => {
  it('keeps a small matter in its grid and says why', () => {
    const decision = decideRoute(smallMatter);
    expect(decision).toEqual({
      route: 'grid',
      policyVersion: 1,
      rules: ['default-grid'],
      reasons: [expect.stringContaining('settled inside its grid')],
    });
  });

  it.each<[string, Partial<RoutingFacts>]>([
    ['multi-department', { departmentCount: 2 }],
    ['safety-risk', { safetyRisk: true }],
    ['mass-impact', { affectedPeople: 50 }],
    ['critical-urgency', { urgency: 'critical' }],
    ['same-category-cluster', { openInGridWindow: 3 }],
  ])('goes joint on %s', (rule, change) => {
    const decision = decideRoute({ ...smallMatter, ...change });
    expect(decision.route).toBe('joint');
    expect(decision.rules).toEqual([rule]);
    expect(decision.reasons).toHaveLength(1);
  });

  it('stays in the grid just under each threshold', () => {
    expect(decideRoute({ ...smallMatter, affectedPeople: 49 }).route).toBe('grid');
    expect(decideRoute({ ...smallMatter, openInGridWindow: 2 }).route).toBe('grid');
    expect(decideRoute({ ...smallMatter, urgency: 'high' }).route).toBe('grid');
  });

  it('names food safety in the reason when the category is food safety', () => {
    const decision = decideRoute({ ...smallMatter, categoryCode: 'food-safety', safetyRisk: true });
    expect(decision.reasons).toEqual(['a food safety risk was reported']);
  });

  it('lists every rule that fired, in policy order', () => {
    const decision = decideRoute({ ...smallMatter, urgency: 'critical', safetyRisk: true, departmentCount: 3 });
    expect(decision.rules).toEqual(['multi-department', 'safety-risk', 'critical-urgency']);
  });

  it('property: joint exactly when some default condition holds, and one reason per rule', () => {
    const facts = fc.record({
      categoryCode: fc.constantFrom('noise', 'food-safety', 'roads'),
      departmentCount: fc.integer({ min: 1, max: 6 }),
      safetyRisk: fc.boolean(),
      affectedPeople: fc.integer({ min: 0, max: 10_000 }),
      urgency: fc.constantFrom(...URGENCIES),
      openInGridWindow: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const decision = decideRoute(f);
        const major =
          f.departmentCount >= 2 || f.safetyRisk || f.affectedPeople >= 50 || f.urgency === 'critical' || f.openInGridWindow >= 3;
        return (
          decision.route === (major ? 'joint' : 'grid') &&
          decision.rules.length === decision.reasons.length &&
          decision.rules.length >= 1
        );
      }),
    );
  });
});
