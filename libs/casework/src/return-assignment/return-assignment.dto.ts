import { TextField } from '@app/common/http';

export class ReturnAssignmentDto {
  @TextField({ max: 1000, description: 'Why this is not the department’s matter (退单)' }) reason: string;
}
