import { TextField } from '@app/common/http';

export class ResolutionNoteDto {
  @TextField({ max: 2000, description: 'What was done, in words the citizen can read' }) note: string;
}
