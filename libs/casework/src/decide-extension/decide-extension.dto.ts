import { BooleanField, TextField } from '@app/common/http';

export class DecideExtensionDto {
  @BooleanField({ description: 'true approves the pending extension, false refuses it' }) approve: boolean;
  @TextField({ optional: true, max: 1000 }) note?: string;
}
