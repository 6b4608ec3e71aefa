import { AuditLog, changesBetween } from '@app/audit';
import { DomainError } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { DepartmentEntity } from '@app/reference-data';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { In } from 'typeorm';
import { RoutingRule, unknownDepartmentsProblem } from '../domain/routing-policy';
import { RoutingPolicyStore, StoredPolicy } from './routing-policy.store';
import { RoutingPolicyResponse } from './routing-policy.dto';
import { toRoutingPolicyResponse } from './routing-policy.mapper';
import { SaveRoutingPolicyCommand } from './save-routing-policy.command';

/** Saves the rules as the next version; decisions already taken keep the version they name. */
@CommandHandler(SaveRoutingPolicyCommand)
export class SaveRoutingPolicyHandler implements ICommandHandler<SaveRoutingPolicyCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly policies: RoutingPolicyStore,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, input }: SaveRoutingPolicyCommand): Promise<RoutingPolicyResponse> {
    // The domain checked every field of every rule (routingRulesProblem), unknown ones included.
    const rules: readonly RoutingRule[] = input.rules;
    return this.unitOfWork.run(async (manager) => {
      const named = [...new Set(rules.flatMap((rule) => rule.outcome.addDepartments ?? []))];
      const known = new Set(
        named.length === 0
          ? []
          : (await manager.getRepository(DepartmentEntity).find({ select: { code: true }, where: { code: In(named) } })).map((d) => d.code),
      );
      const problem = unknownDepartmentsProblem(rules, known);
      if (problem) throw DomainError.invalid('ROUTING.BAD_RULE', problem);
      await this.policies.lockForChange(manager);
      const previous = await this.policies.latest(manager);
      const saved = await this.policies.append(
        manager,
        rules,
        {
          windowHours: input.windowHours ?? previous.windowHours,
          duplicateRadiusMeters: input.duplicateRadiusMeters ?? previous.duplicateRadiusMeters,
          clusterThreshold: input.clusterThreshold ?? previous.clusterThreshold,
        },
        actor.username,
      );
      await this.audit.record(manager, {
        actor,
        action: 'routing_policy.saved',
        target: { type: 'routing_policy', id: String(saved.version) },
        details: { fromVersion: previous.version, toVersion: saved.version, changes: changesBetween(auditedPolicy(previous), auditedPolicy(saved)) },
      });
      return toRoutingPolicyResponse(saved);
    });
  }
}

/** A policy as the audit log compares it: each rule under its id, so a change names the rules it touched. */
function auditedPolicy(policy: StoredPolicy): Record<string, unknown> {
  return {
    ...Object.fromEntries(policy.rules.map((rule) => [`rules.${rule.id}`, rule])),
    windowHours: policy.windowHours,
    duplicateRadiusMeters: policy.duplicateRadiusMeters,
    clusterThreshold: policy.clusterThreshold,
  };
}
