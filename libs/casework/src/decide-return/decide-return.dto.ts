import { CodeField, EnumField } from '@app/common/http';

export const RETURN_ACTIONS = ['reroute', 'send_back'] as const;
export type ReturnAction = (typeof RETURN_ACTIONS)[number];

export class DecideReturnDto {
  @EnumField(RETURN_ACTIONS, { description: 'reroute to another department, or send back to the same one' }) action: ReturnAction;
  @CodeField({ optional: true, description: 'The department to reroute to: required with reroute, refused with send_back' })
  departmentCode?: string;
}
