import { CodeField, TextField } from '@app/common/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsObject, IsOptional, ValidateBy, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { polygonProblem } from './polygon';

export class PolygonDto {
  @ApiProperty({ enum: ['Polygon'] })
  @Equals('Polygon', { message: 'boundary.type must be "Polygon"' })
  type: 'Polygon';

  @ApiProperty({ description: 'GeoJSON linear rings of [lng, lat] positions', type: 'array' })
  @ValidateBy({
    name: 'polygonRings',
    validator: {
      validate: (value: unknown) => polygonProblem(value) === null,
      defaultMessage: (args) => `boundary.coordinates ${polygonProblem(args?.value)}`,
    },
  })
  coordinates: number[][][];
}

export class CreateGridDto {
  @CodeField() code: string;
  @TextField({ max: 200 }) name: string;
  @CodeField({ optional: true }) streetCode?: string;

  @ApiPropertyOptional({ type: PolygonDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PolygonDto)
  boundary?: PolygonDto;
}

export class GridResponse {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) streetCode: string | null;
  @ApiProperty({ nullable: true, type: PolygonDto }) boundary: PolygonDto | null;
  @ApiProperty() createdAt: string;
}
