import { CodeField, TextField } from '@app/common/http';
import { ApiProperty } from '@nestjs/swagger';

export class CreateDepartmentDto {
  @CodeField() code: string;
  @TextField({ max: 200 }) name: string;
}

export class DepartmentResponse {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Kafka topic the department handlers read' }) topic: string;
  @ApiProperty() createdAt: string;
}
