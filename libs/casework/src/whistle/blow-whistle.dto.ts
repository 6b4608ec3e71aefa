import { CodeListField, IntField, TextField } from '@app/common/http';
import { ArrayMinSize, ArrayUnique } from 'class-validator';

export class BlowWhistleDto {
  @CodeListField({ maxItems: 20, description: 'Codes of the departments summoned on site' })
  @ArrayMinSize(1, { message: 'departments must name at least one department' })
  @ArrayUnique({ message: 'departments must not name a department twice' })
  departments: string[];

  @IntField({ optional: true, min: 1, max: 1440, description: 'Minutes the departments have to report on site; 30 when absent' })
  deadlineMinutes?: number;

  @TextField({ optional: true, max: 1000, description: 'Where to come and why' }) note?: string;
}
