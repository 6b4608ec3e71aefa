import { Roles } from '@app/common/http';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DEFAULT_ROUTING_POLICY, GRID_RULE_ID, JOINT_RULES } from '../domain/routing-policy';

/** The policy in force: its version, thresholds and rules in the order they are tried. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing-policy')
export class RoutingPolicyController {
  @Get()
  @Roles('admin')
  current(): { version: number; thresholds: Record<string, number>; rules: { id: string; summary: string; outcome: 'joint' | 'grid' }[] } {
    const { version, ...thresholds } = DEFAULT_ROUTING_POLICY;
    return {
      version,
      thresholds,
      rules: [
        ...JOINT_RULES.map((rule) => ({ id: rule.id, summary: rule.summary, outcome: 'joint' as const })),
        { id: GRID_RULE_ID, summary: 'no joint rule is met', outcome: 'grid' },
      ],
    };
  }
}
