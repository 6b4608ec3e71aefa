import { Query } from '@nestjs/cqrs';
import { RoutingPolicyResponse } from './routing-policy.dto';

export class GetRoutingPolicyQuery extends Query<RoutingPolicyResponse> {}
