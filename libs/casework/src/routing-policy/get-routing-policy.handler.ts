import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { GetRoutingPolicyQuery } from './get-routing-policy.query';
import { RoutingPolicyStore } from './routing-policy.store';
import { RoutingPolicyResponse } from './routing-policy.dto';
import { toRoutingPolicyResponse } from './routing-policy.mapper';

@QueryHandler(GetRoutingPolicyQuery)
export class GetRoutingPolicyHandler implements IQueryHandler<GetRoutingPolicyQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: RoutingPolicyStore,
  ) {}

  async execute(): Promise<RoutingPolicyResponse> {
    return toRoutingPolicyResponse(await this.policies.latest(this.dataSource.manager));
  }
}
