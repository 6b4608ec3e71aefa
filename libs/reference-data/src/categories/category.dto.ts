import { CodeField, CodeListField, TextField } from '@app/common/http';
import { ApiProperty } from '@nestjs/swagger';

export class CreateCategoryDto {
  @CodeField() code: string;
  @TextField({ max: 200 }) name: string;
  @CodeField({ description: 'Code of the lead department (主办)' }) leadDepartment: string;
  @CodeListField({ maxItems: 20, description: 'Codes of the assisting departments (协办)' }) assistingDepartments: string[];
}

export class CategoryResponse {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() leadDepartment: string;
  @ApiProperty({ type: [String] }) assistingDepartments: string[];
  @ApiProperty() createdAt: string;
}
