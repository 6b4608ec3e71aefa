import { CODE_PATTERN } from '@app/common';
import { IntField } from '@app/common/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { CONDITIONS, POLICY_LIMITS, Route, ROUTES, RoutingRule, routingRulesProblem, Urgency, URGENCIES } from '../domain/routing-policy';

/*
 * The rule classes describe the rules for the API documentation only: a rule set is checked as a
 * whole by the domain (routingRulesProblem), which knows every condition a rule can test.
 */
const CODE_LIST = (condition: keyof typeof CONDITIONS, description?: string) => {
  const { maxItems } = CONDITIONS[condition] as { maxItems: number };
  return ApiPropertyOptional({ type: [String], minItems: 1, maxItems, example: ['food-safety'], description });
};
const COUNT = (condition: keyof typeof CONDITIONS, description?: string) => {
  const spec = CONDITIONS[condition] as { min: number; max: number };
  return ApiPropertyOptional({ type: Number, minimum: spec.min, maximum: spec.max, description });
};

/** Every condition given must hold; an empty list would never match, so lists hold at least one value. */
export class RuleConditionDto {
  @CODE_LIST('categoryCodes') categoryCodes?: string[];
  @CODE_LIST('gridCodes') gridCodes?: string[];
  @CODE_LIST('streetCodes', 'Streets (街道) whose grids match') streetCodes?: string[];
  @ApiPropertyOptional({ type: Boolean }) safetyRisk?: boolean;
  @COUNT('affectedPeopleAtLeast') affectedPeopleAtLeast?: number;
  @ApiPropertyOptional({ enum: URGENCIES, isArray: true, minItems: 1, maxItems: URGENCIES.length }) urgencyIn?: Urgency[];
  @COUNT('departmentsAtLeast', 'Lead plus assisting departments of the category') departmentsAtLeast?: number;
  @COUNT('recentSameCategoryAtLeast', "Open requests of the category in the grid within the policy's window, this one included")
  recentSameCategoryAtLeast?: number;
}

export class RuleOutcomeDto {
  @ApiProperty({ enum: ROUTES }) route: Route;
  @ApiPropertyOptional({ type: [String], maxItems: POLICY_LIMITS.addDepartments, description: 'Departments that assist when the case is joint' })
  addDepartments?: string[];
}

export class RoutingRuleDto {
  @ApiProperty({ pattern: CODE_PATTERN.source, description: 'Stable id, recorded in every decision the rule takes part in' }) id: string;
  @ApiProperty({ minLength: 1, maxLength: POLICY_LIMITS.descriptionLength }) description: string;
  @ApiProperty({ type: RuleConditionDto }) when: RuleConditionDto;
  @ApiProperty({ type: RuleOutcomeDto }) outcome: RuleOutcomeDto;
}

export class SaveRoutingPolicyDto {
  @ApiProperty({ type: [RoutingRuleDto], maxItems: POLICY_LIMITS.rules, description: 'Tried in order; every rule that matches fires' })
  @ValidateBy({
    name: 'routingRules',
    validator: {
      validate: (value: unknown) => routingRulesProblem(value) === null,
      defaultMessage: (args) => routingRulesProblem(args?.value) ?? 'rules: not a routing policy',
    },
  })
  rules: RoutingRule[];

  @IntField({ optional: true, min: 1, max: 720, description: 'How far back "recent" reaches; kept from the last version when absent' })
  windowHours?: number;

  @IntField({ optional: true, min: 0, max: 5000, description: 'Likely-duplicate radius; kept from the last version when absent' })
  duplicateRadiusMeters?: number;

  @IntField({ optional: true, min: 2, max: 1000, description: 'Reports that turn a grid task joint; kept from the last version when absent' })
  clusterThreshold?: number;
}

export class FallbackRuleResponse {
  @ApiProperty() id: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ROUTES }) route: Route;
}

export class RoutingPolicyResponse {
  @ApiProperty() version: number;
  @ApiProperty({ type: [RoutingRuleDto] }) rules: RoutingRuleDto[];
  @ApiProperty({ type: FallbackRuleResponse, description: 'What the decision says when no rule fires' }) fallback: FallbackRuleResponse;
  @ApiProperty() windowHours: number;
  @ApiProperty() duplicateRadiusMeters: number;
  @ApiProperty() clusterThreshold: number;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
}
