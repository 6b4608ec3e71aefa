import { BooleanField, CodeField, EnumField, IntField, NumberField, TextField } from '@app/common/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Urgency, URGENCIES } from '../domain/routing-policy';

export class LocationDto {
  @NumberField({ min: -90, max: 90 }) lat: number;
  @NumberField({ min: -180, max: 180 }) lng: number;
  @TextField({ optional: true, max: 300 }) address?: string;
}

export class ReporterDto {
  @TextField({ optional: true, max: 100 }) name?: string;

  @TextField({ optional: true, min: 3, max: 30 })
  @Matches(/^\+?[0-9 ()-]{3,30}$/, { message: 'phone may hold only digits, spaces, "+", "-" and brackets' })
  phone?: string;
}

export class FileRequestDto {
  @CodeField({ optional: true, description: 'Grid the request comes from; found from location when absent (one of the two is required)' })
  gridCode?: string;
  @CodeField() categoryCode: string;
  @TextField({ max: 200 }) title: string;
  @TextField({ max: 5000 }) description: string;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({ type: ReporterDto, description: 'Personal data: never leaves in events or to the public' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter?: ReporterDto;

  @BooleanField({ optional: true }) safetyRisk?: boolean;
  @IntField({ optional: true, min: 0, max: 10_000_000 }) affectedPeople?: number;
  @EnumField(URGENCIES, { optional: true }) urgency?: Urgency;
}
