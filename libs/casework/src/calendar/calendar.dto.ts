import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsString, Matches, ValidateNested } from 'class-validator';
import { DATE_PATTERN, MAX_LISTED_DATES, TIME_OF_DAY_PATTERN } from '../domain/calendar-rules';

function TimeOfDayField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, example: '09:00', pattern: TIME_OF_DAY_PATTERN.source, description }),
    IsString(),
    Matches(TIME_OF_DAY_PATTERN, { message: '$property must be a time of day HH:MM (00:00 to 24:00)' }),
  );
}

function DateListField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [String], example: ['2026-10-01'], maxItems: MAX_LISTED_DATES, description }),
    IsArray(),
    ArrayMaxSize(MAX_LISTED_DATES),
    IsString({ each: true }),
    Matches(DATE_PATTERN, { each: true, message: 'each value in $property must be a date YYYY-MM-DD' }),
  );
}

export class WorkingPeriodDto {
  @TimeOfDayField('County time the period starts') start: string;
  @TimeOfDayField('County time the period ends; 24:00 for midnight') end: string;
}

/** The whole calendar: a PUT replaces it, and the next filing uses it. */
export class CalendarDto {
  @ApiProperty({ type: [WorkingPeriodDto], description: 'Working periods of a working day, in order, not overlapping' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => WorkingPeriodDto)
  periods: WorkingPeriodDto[];

  @DateListField('Public holidays: dates off work although on a weekday') holidays: string[];
  @DateListField('Make-up working days (调休): dates worked although on a weekend') makeUpWorkdays: string[];
}

export class CalendarResponse {
  @ApiProperty({ type: [WorkingPeriodDto] }) periods: WorkingPeriodDto[];
  @ApiProperty({ type: [String] }) holidays: string[];
  @ApiProperty({ type: [String] }) makeUpWorkdays: string[];
  @ApiProperty({ example: '+08:00', description: 'The county time the periods and dates are in' }) utcOffset: string;
  @ApiProperty({ description: 'Grows by one with each change' }) version: number;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) updatedBy: string | null;
}
