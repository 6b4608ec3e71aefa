/**
 * The default routing policy of PRODUCT.md section 3, as a pure function: small matters stay
 * in their grid (小事一网解决), major ones go to every department they touch (大事全网联办).
 */
export type Route = 'grid' | 'joint';
export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface RoutingFacts {
  categoryCode: string;
  /** Lead plus assisting departments of the category. */
  departmentCount: number;
  safetyRisk: boolean;
  affectedPeople: number;
  urgency: Urgency;
  /**
   * Open requests of the same category in the same grid filed within the cluster window, this one
   * included; callers may stop counting past the threshold.
   */
  openInGridWindow: number;
}

export interface RoutingPolicy {
  version: number;
  massImpactThreshold: number;
  clusterThreshold: number;
  clusterWindowHours: number;
}

export const DEFAULT_ROUTING_POLICY: RoutingPolicy = Object.freeze({
  version: 1,
  massImpactThreshold: 50,
  clusterThreshold: 3,
  clusterWindowHours: 24,
});

export interface RoutingDecision {
  route: Route;
  policyVersion: number;
  /** Ids of the rules that fired, in the policy's order. */
  rules: string[];
  /** One plain-language reason per rule. */
  reasons: string[];
}

interface Rule {
  id: string;
  /** The condition in plain words, for the people who keep the policy. */
  summary: string;
  fires(facts: RoutingFacts, policy: RoutingPolicy): boolean;
  reason(facts: RoutingFacts, policy: RoutingPolicy): string;
}

const FOOD_SAFETY = /food/i;

export const JOINT_RULES: readonly Rule[] = [
  {
    id: 'multi-department',
    summary: 'the category needs two or more departments',
    fires: (f) => f.departmentCount >= 2,
    reason: (f) => `category ${f.categoryCode} needs ${f.departmentCount} departments`,
  },
  {
    id: 'safety-risk',
    summary: 'a safety risk is reported (food safety above all)',
    fires: (f) => f.safetyRisk,
    reason: (f) =>
      FOOD_SAFETY.test(f.categoryCode) ? 'a food safety risk was reported' : 'a safety risk was reported',
  },
  {
    id: 'mass-impact',
    summary: 'affectedPeople reaches massImpactThreshold',
    fires: (f, p) => f.affectedPeople >= p.massImpactThreshold,
    reason: (f, p) => `${f.affectedPeople} people are affected (threshold ${p.massImpactThreshold})`,
  },
  {
    id: 'critical-urgency',
    summary: 'urgency is critical',
    fires: (f) => f.urgency === 'critical',
    reason: () => 'urgency is critical',
  },
  {
    id: 'same-category-cluster',
    summary: 'clusterThreshold or more open requests of the category in the grid within clusterWindowHours, this one included',
    fires: (f, p) => f.openInGridWindow >= p.clusterThreshold,
    reason: (f, p) =>
      `at least ${p.clusterThreshold} open ${f.categoryCode} requests in this grid within ${p.clusterWindowHours} hours, this one included`,
  },
];

export const GRID_RULE_ID = 'default-grid';

export function decideRoute(facts: RoutingFacts, policy: RoutingPolicy = DEFAULT_ROUTING_POLICY): RoutingDecision {
  const fired = JOINT_RULES.filter((rule) => rule.fires(facts, policy));
  if (fired.length === 0) {
    return {
      route: 'grid',
      policyVersion: policy.version,
      rules: [GRID_RULE_ID],
      reasons: ['a small matter with no joint-handling rule met: settled inside its grid'],
    };
  }
  return {
    route: 'joint',
    policyVersion: policy.version,
    rules: fired.map((rule) => rule.id),
    reasons: fired.map((rule) => rule.reason(facts, policy)),
  };
}
