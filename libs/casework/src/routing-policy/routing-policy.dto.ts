import { BooleanField, CodeField, CodeListField, EnumField, IntField, TextField } from '@app/common/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { Route, ROUTES, Urgency, URGENCIES } from '../domain/routing-policy';

/** Every condition given must hold; an empty list would never match, so lists hold at least one value. */
export class RuleConditionDto {
  @CodeListField({ optional: true, maxItems: 200 }) @ArrayMinSize(1) categoryCodes?: string[];
  @CodeListField({ optional: true, maxItems: 1000 }) @ArrayMinSize(1) gridCodes?: string[];
  @CodeListField({ optional: true, maxItems: 200, description: 'Streets (街道) whose grids match' }) @ArrayMinSize(1) streetCodes?: string[];
  @BooleanField({ optional: true }) safetyRisk?: boolean;
  @IntField({ optional: true, min: 0, max: 10_000_000 }) affectedPeopleAtLeast?: number;

  @ApiPropertyOptional({ enum: URGENCIES, isArray: true, minItems: 1, maxItems: URGENCIES.length })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(URGENCIES.length)
  @IsIn([...URGENCIES], { each: true, message: `each value in $property must be one of: ${URGENCIES.join(', ')}` })
  urgencyIn?: Urgency[];

  @IntField({ optional: true, min: 1, max: 50, description: 'Lead plus assisting departments of the category' }) departmentsAtLeast?: number;

  @IntField({ optional: true, min: 1, max: 1000, description: "Open requests of the category in the grid within the policy's window, this one included" })
  recentSameCategoryAtLeast?: number;
}

export class RuleOutcomeDto {
  @EnumField(ROUTES) route: Route;
  @CodeListField({ optional: true, maxItems: 20, description: 'Departments that assist when the case is joint' }) addDepartments?: string[];
}

export class RoutingRuleDto {
  @CodeField({ description: 'Stable id, recorded in every decision the rule takes part in' }) id: string;
  @TextField({ max: 300 }) description: string;

  @ApiProperty({ type: RuleConditionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleConditionDto)
  when: RuleConditionDto;

  @ApiProperty({ type: RuleOutcomeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleOutcomeDto)
  outcome: RuleOutcomeDto;
}

export class SaveRoutingPolicyDto {
  @ApiProperty({ type: [RoutingRuleDto], maxItems: 100, description: 'Tried in order; every rule that matches fires' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleDto)
  rules: RoutingRuleDto[];

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
