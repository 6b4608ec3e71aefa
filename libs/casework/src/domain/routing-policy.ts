/**
 * The routing policy as data, and its evaluation as a pure function: small matters stay in their
 * grid (小事一网解决), major ones go to every department they touch (大事全网联办). Admins keep
 * the rules; each saved policy is a new version, and a decision names the version it used.
 */
import { CODE_SHAPE, isCode } from '@app/common';

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

/** How large a policy may grow: far beyond any county's needs, small enough to evaluate on every filing. */
export const POLICY_LIMITS = { rules: 100, descriptionLength: 300, addDepartments: 20 } as const;

type ConditionValue =
  | { kind: 'codes'; maxItems: number }
  | { kind: 'boolean' }
  | { kind: 'count'; min: number; max: number }
  | { kind: 'urgencies' };

/** Every fact a condition can test, and the value it takes; ruleMatches reads exactly these. */
export const CONDITIONS: { readonly [K in keyof RuleCondition]-?: ConditionValue } = {
  categoryCodes: { kind: 'codes', maxItems: 200 },
  gridCodes: { kind: 'codes', maxItems: 1000 },
  streetCodes: { kind: 'codes', maxItems: 200 },
  safetyRisk: { kind: 'boolean' },
  affectedPeopleAtLeast: { kind: 'count', min: 0, max: 10_000_000 },
  urgencyIn: { kind: 'urgencies' },
  departmentsAtLeast: { kind: 'count', min: 1, max: 50 },
  recentSameCategoryAtLeast: { kind: 'count', min: 1, max: 1000 },
};

const RULE_FIELDS = ['id', 'description', 'when', 'outcome'];
const OUTCOME_FIELDS = ['route', 'addDepartments'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Why a value does not fit, as the end of a message after the field's path: ": must be ..." for
 * the value, "[3]: must be ..." for an item of a list. Null when it fits.
 */
function codeListProblem(value: unknown, max: number, min = 1): string | null {
  // An empty list in a condition would never match; an outcome may add no department.
  if (!Array.isArray(value) || value.length < min || value.length > max) return `: must be a list of ${min} to ${max} codes`;
  const bad = value.findIndex((item) => !isCode(item));
  return bad >= 0 ? `[${bad}]: must be a code of ${CODE_SHAPE}` : null;
}

function conditionProblem(value: unknown, spec: ConditionValue): string | null {
  switch (spec.kind) {
    case 'codes':
      return codeListProblem(value, spec.maxItems);
    case 'boolean':
      return typeof value === 'boolean' ? null : ': must be true or false';
    case 'count':
      return Number.isInteger(value) && (value as number) >= spec.min && (value as number) <= spec.max
        ? null
        : `: must be a whole number from ${spec.min} to ${spec.max}`;
    case 'urgencies': {
      if (!Array.isArray(value) || value.length < 1 || value.length > URGENCIES.length) return `: must be a list of 1 to ${URGENCIES.length} urgencies`;
      const bad = value.findIndex((item) => !URGENCIES.includes(item as Urgency));
      return bad >= 0 ? `[${bad}]: must be one of: ${URGENCIES.join(', ')}` : null;
    }
    default: {
      const unknown: never = spec;
      return `: cannot be checked (${JSON.stringify(unknown)})`;
    }
  }
}

/** The first field of one rule that is missing, of the wrong type or out of range, with its path. */
function ruleShapeProblem(rule: unknown, path: string): string | null {
  if (!isRecord(rule)) return `${path}: must be an object with ${RULE_FIELDS.join(', ')}`;
  const extra = Object.keys(rule).find((key) => !RULE_FIELDS.includes(key));
  if (extra !== undefined) return `${path}.${extra}: a rule has only ${RULE_FIELDS.join(', ')}`;
  if (!isCode(rule.id)) return `${path}.id: must be ${CODE_SHAPE}`;
  if (typeof rule.description !== 'string' || rule.description.length < 1 || rule.description.length > POLICY_LIMITS.descriptionLength) {
    return `${path}.description: must be text of 1 to ${POLICY_LIMITS.descriptionLength} characters`;
  }
  if (!isRecord(rule.when)) return `${path}.when: must be an object of conditions (an empty one fires on every request)`;
  for (const [fact, value] of Object.entries(rule.when)) {
    const spec = (CONDITIONS as Record<string, ConditionValue | undefined>)[fact];
    if (!spec) return `${path}.when.${fact}: no such condition; a condition tests ${Object.keys(CONDITIONS).join(', ')}`;
    const problem = conditionProblem(value, spec);
    if (problem) return `${path}.when.${fact}${problem}`;
  }
  if (!isRecord(rule.outcome)) return `${path}.outcome: must be an object with a route (${ROUTES.join(' or ')})`;
  const extraOutcome = Object.keys(rule.outcome).find((key) => !OUTCOME_FIELDS.includes(key));
  if (extraOutcome !== undefined) return `${path}.outcome.${extraOutcome}: an outcome has only ${OUTCOME_FIELDS.join(', ')}`;
  if (!ROUTES.includes(rule.outcome.route as Route)) return `${path}.outcome.route: must be one of: ${ROUTES.join(', ')}`;
  if (rule.outcome.addDepartments !== undefined) {
    const problem = codeListProblem(rule.outcome.addDepartments, POLICY_LIMITS.addDepartments, 0);
    if (problem) return `${path}.outcome.addDepartments${problem}`;
  }
  return null;
}

/**
 * What is wrong with rules as a client sent them, naming the rule (`rules[2]`) and its field, or
 * null when they are a policy decideRoute can evaluate: every rule an object with a unique id that
 * is not the fallback's, a description, conditions on known facts with values of the right type
 * and range, and an outcome with a route. Unknown departments are checked apart (they need the database).
 */
export function routingRulesProblem(rules: unknown): string | null {
  if (!Array.isArray(rules) || rules.length > POLICY_LIMITS.rules) return `rules: must be a list of at most ${POLICY_LIMITS.rules} rules`;
  const seen = new Map<string, number>();
  for (const [i, rule] of rules.entries()) {
    const problem = ruleShapeProblem(rule, `rules[${i}]`);
    if (problem) return problem;
    const { id } = rule as RoutingRule;
    const first = seen.get(id);
    if (first !== undefined) return `rules[${i}].id: ${id} is already the id of rules[${first}]`;
    if (id === GRID_RULE_ID) return `rules[${i}].id: ${GRID_RULE_ID} is kept for the decision when no rule fires`;
    seen.set(id, i);
  }
  return null;
}

/** The first rule that adds a department no one knows, or null. */
export function unknownDepartmentsProblem(rules: readonly RoutingRule[], knownDepartments: ReadonlySet<string>): string | null {
  for (const [i, rule] of rules.entries()) {
    const unknown = (rule.outcome.addDepartments ?? []).filter((code) => !knownDepartments.has(code));
    if (unknown.length > 0) return `rules[${i}] (${rule.id}).outcome.addDepartments: no department has code ${unknown.join(', ')}`;
  }
  return null;
}
