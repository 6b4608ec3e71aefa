import { DomainError } from '@app/common';
import type { RequestStatus } from './lifecycle';
import { GRID_RULE_ID, Route, RoutingDecision } from './routing-policy';

export const ESCALATION_RULE_ID = 'escalation';

/** Only an open grid task can be escalated (吹哨): a joint case is already every department's. */
export function assertCanEscalate(route: Route, status: RequestStatus): void {
  if (route !== 'grid') throw DomainError.conflict('CASEWORK.ALREADY_JOINT', 'cannot escalate: the request is already a joint case');
  if (status !== 'open') throw DomainError.conflict('CASEWORK.REQUEST_STATE', `cannot escalate: the request is ${status}`);
}

/**
 * The decision of an escalated grid task: joint whatever the policy alone would say, with the
 * escalation first and then the rules of the current policy that hold now (the departments they add
 * join the case). The grid fallback is dropped: it no longer describes the case.
 */
export function escalationDecision(evaluated: RoutingDecision, escalatedBy: string | null, reason: string): RoutingDecision {
  const fired = evaluated.rules.map((rule, i) => ({ rule, reason: evaluated.reasons[i] })).filter(({ rule }) => rule !== GRID_RULE_ID);
  return {
    route: 'joint',
    policyVersion: evaluated.policyVersion,
    rules: [ESCALATION_RULE_ID, ...fired.map((f) => f.rule)],
    reasons: [`escalated by ${escalatedBy ?? 'the system'}: ${reason}`, ...fired.map((f) => f.reason)],
    addDepartments: evaluated.addDepartments ?? [],
  };
}
