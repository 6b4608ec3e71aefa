import { BooleanField, TextField } from '@app/common/http';

export class GiveFeedbackDto {
  @BooleanField({ description: 'Does the citizen say the matter is resolved?' }) resolved: boolean;
  @BooleanField({ description: 'Is the citizen satisfied with how it was handled?' }) satisfied: boolean;
  @TextField({ optional: true, max: 2000 }) comment?: string;
}
