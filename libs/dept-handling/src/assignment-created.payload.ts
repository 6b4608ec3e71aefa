import { PoisonMessageError } from '@app/messaging';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsString, IsUUID, Matches, validateSync } from 'class-validator';

/** The part of an assignment.created payload a department handler relies on; validated like any input. */
export class AssignmentCreatedPayload {
  @IsUUID() assignmentId: string;
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/) departmentCode: string;
  @IsIn(['lead', 'assist']) role: 'lead' | 'assist';
}

export function parseAssignmentCreated(payload: Record<string, unknown>): AssignmentCreatedPayload {
  const dto = plainToInstance(AssignmentCreatedPayload, payload);
  const errors = validateSync(dto);
  if (errors.length > 0) {
    throw new PoisonMessageError(`invalid assignment.created payload: ${errors.map((e) => e.property).join(', ')}`);
  }
  return dto;
}
