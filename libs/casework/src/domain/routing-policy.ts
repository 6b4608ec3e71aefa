/**
 * The routing policy as data, and its evaluation as a pure function: small matters stay in their
 * grid (小事一网解决), major ones go to every department they touch (大事全网联办). Admins keep
 * the rules; each saved policy is a new version, and a decision names the version it used.
 */
export const ROUTES = ['grid', 'joint'] as const;
export type Route = (typeof ROUTES)[number];
export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Every condition given must hold for the rule to fire; a rule with none fires on every request. */
export interface RuleCondition {
  categoryCodes?: string[];
  gridCodes?: string[];
  /** The street (街道) the grid belongs to. */
  streetCodes?: string[];
  safetyRisk?: boolean;
  affectedPeopleAtLeast?: number;
  urgencyIn?: Urgency[];
  /** Lead plus assisting departments of the category. */
  departmentsAtLeast?: number;
  /** Open requests of the category in the grid within the policy's window, this one included. */
  recentSameCategoryAtLeast?: number;
}

export interface RuleOutcome {
  route: Route;
  /** Departments that assist when the case is joint, besides the category's own. */
  addDepartments?: string[];
}

export interface RoutingRule {
  id: string;
  description: string;
  when: RuleCondition;
  outcome: RuleOutcome;
}

/** The numbers the policy keeps besides its rules. */
export interface PolicySettings {
  /** How far back "recent" reaches, for the same-category count and for likely duplicates. */
  windowHours: number;
  /** Open requests of the same category this close are offered as likely duplicates. */
  duplicateRadiusMeters: number;
  /** Reports of one matter (the original and its linked duplicates) that turn a grid task joint. */
  clusterThreshold: number;
}

export interface RoutingPolicy extends PolicySettings {
  version: number;
  /** Tried in order; every rule that matches fires. */
  rules: RoutingRule[];
}

export interface RoutingFacts {
  categoryCode: string;
  gridCode: string;
  streetCode: string | null;
  departmentCount: number;
  safetyRisk: boolean;
  affectedPeople: number;
  urgency: Urgency;
  /**
   * Open requests of the category in the grid within the window, this one included; callers
   * count only up to recentCountNeeded(policy), which is all the rules can tell apart.
   */
  recentSameCategory: number;
}

export interface RoutingDecision {
  route: Route;
  policyVersion: number;
  /** Ids of the rules that fired, in the policy's order. */
  rules: string[];
  /** One plain-language reason per rule. */
  reasons: string[];
  /** Departments the fired rules add, in the order first named (absent on decisions made before rules could add any). */
  addDepartments?: string[];
}

export const GRID_RULE_ID = 'default-grid';
const GRID_REASON = 'a small matter with no joint-handling rule met: settled inside its grid';

const FOOD_SAFETY = /food/i;

export function ruleMatches(when: RuleCondition, facts: RoutingFacts): boolean {
  return (
    (when.categoryCodes === undefined || when.categoryCodes.includes(facts.categoryCode)) &&
    (when.gridCodes === undefined || when.gridCodes.includes(facts.gridCode)) &&
    (when.streetCodes === undefined || (facts.streetCode !== null && when.streetCodes.includes(facts.streetCode))) &&
    (when.safetyRisk === undefined || when.safetyRisk === facts.safetyRisk) &&
    (when.affectedPeopleAtLeast === undefined || facts.affectedPeople >= when.affectedPeopleAtLeast) &&
    (when.urgencyIn === undefined || when.urgencyIn.includes(facts.urgency)) &&
    (when.departmentsAtLeast === undefined || facts.departmentCount >= when.departmentsAtLeast) &&
    (when.recentSameCategoryAtLeast === undefined || facts.recentSameCategory >= when.recentSameCategoryAtLeast)
  );
}

/** Why a matching rule fired, in plain words generated from its condition and the facts. */
export function reasonFor(rule: RoutingRule, facts: RoutingFacts, policy: PolicySettings): string {
  const { when } = rule;
  const parts: string[] = [];
  if (when.categoryCodes !== undefined) parts.push(`the category is ${facts.categoryCode}`);
  if (when.gridCodes !== undefined) parts.push(`it was filed in grid ${facts.gridCode}`);
  if (when.streetCodes !== undefined) parts.push(`the grid belongs to street ${facts.streetCode}`);
  if (when.safetyRisk === true) parts.push(FOOD_SAFETY.test(facts.categoryCode) ? 'a food safety risk was reported' : 'a safety risk was reported');
  if (when.safetyRisk === false) parts.push('no safety risk was reported');
  if (when.affectedPeopleAtLeast !== undefined) {
    parts.push(`${facts.affectedPeople} people are affected (threshold ${when.affectedPeopleAtLeast})`);
  }
  if (when.urgencyIn !== undefined) parts.push(`urgency is ${facts.urgency}`);
  if (when.departmentsAtLeast !== undefined) {
    parts.push(`category ${facts.categoryCode} needs ${facts.departmentCount} departments (threshold ${when.departmentsAtLeast})`);
  }
  if (when.recentSameCategoryAtLeast !== undefined) {
    parts.push(
      `at least ${when.recentSameCategoryAtLeast} open ${facts.categoryCode} requests in this grid within ${policy.windowHours} hours, this one included`,
    );
  }
  const condition = parts.length > 0 ? parts.join(' and ') : 'the rule applies to every request';
  const added = rule.outcome.addDepartments ?? [];
  return added.length > 0 ? `${condition}; ${added.join(', ')} ${added.length > 1 ? 'assist' : 'assists'}` : condition;
}

export function decideRoute(facts: RoutingFacts, policy: RoutingPolicy): RoutingDecision {
  const fired = policy.rules.filter((rule) => ruleMatches(rule.when, facts));
  const addDepartments = [...new Set(fired.flatMap((rule) => rule.outcome.addDepartments ?? []))];
  if (fired.length === 0) {
    return { route: 'grid', policyVersion: policy.version, rules: [GRID_RULE_ID], reasons: [GRID_REASON], addDepartments };
  }
  return {
    route: fired.some((rule) => rule.outcome.route === 'joint') ? 'joint' : 'grid',
    policyVersion: policy.version,
    rules: fired.map((rule) => rule.id),
    reasons: fired.map((rule) => reasonFor(rule, facts, policy)),
    addDepartments,
  };
}

/** How far the same-category count must go for the rules to tell every case apart (0: no rule asks). */
export function recentCountNeeded(policy: RoutingPolicy): number {
  return Math.max(0, ...policy.rules.map((rule) => rule.when.recentSameCategoryAtLeast ?? 0));
}

/**
 * The departments of a joint case: the category's lead stays lead (主办); its assisting departments
 * and those the policy adds assist (协办), each once.
 */
export function caseDepartments(
  lead: string,
  assisting: readonly string[],
  added: readonly string[],
): { code: string; role: 'lead' | 'assist' }[] {
  const assists = [...new Set([...assisting, ...added])].filter((code) => code !== lead);
  return [{ code: lead, role: 'lead' }, ...assists.map((code) => ({ code, role: 'assist' as const }))];
}

/** What is wrong with a set of rules that field validation cannot see, or null. */
export function rulesProblem(rules: readonly RoutingRule[], knownDepartments: ReadonlySet<string>): string | null {
  const seen = new Map<string, number>();
  for (const [i, rule] of rules.entries()) {
    const first = seen.get(rule.id);
    if (first !== undefined) return `rules[${i}].id: ${rule.id} is already the id of rules[${first}]`;
    if (rule.id === GRID_RULE_ID) return `rules[${i}].id: ${GRID_RULE_ID} is kept for the decision when no rule fires`;
    seen.set(rule.id, i);
    const unknown = (rule.outcome.addDepartments ?? []).filter((code) => !knownDepartments.has(code));
    if (unknown.length > 0) return `rules[${i}] (${rule.id}).outcome.addDepartments: no department has code ${unknown.join(', ')}`;
  }
  return null;
}
