import { toOffsetIso } from '@app/common';
import { GRID_RULE_ID } from '../domain/routing-policy';
import { RoutingPolicyResponse } from './routing-policy.dto';
import { StoredPolicy } from './routing-policy.store';

export function toRoutingPolicyResponse(policy: StoredPolicy): RoutingPolicyResponse {
  return {
    version: policy.version,
    rules: policy.rules,
    fallback: { id: GRID_RULE_ID, description: 'No rule fired: a small matter, settled inside its grid', route: 'grid' },
    windowHours: policy.windowHours,
    duplicateRadiusMeters: policy.duplicateRadiusMeters,
    clusterThreshold: policy.clusterThreshold,
    createdBy: policy.createdBy,
    createdAt: toOffsetIso(policy.createdAt),
  };
}
