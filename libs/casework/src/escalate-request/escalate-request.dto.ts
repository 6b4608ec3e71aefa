import { TextField } from '@app/common/http';

export class EscalateRequestDto {
  @TextField({ max: 1000, description: 'Why the grid cannot settle it alone' }) reason: string;
}
