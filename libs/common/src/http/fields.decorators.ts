import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CODE_PATTERN, CODE_SHAPE } from '../codes';

/** Field decorators that pair validation with its OpenAPI description, with explicit limits. */

interface Presence {
  optional?: boolean;
  description?: string;
}

function presence(options: Presence, schema: Record<string, unknown>): PropertyDecorator[] {
  return options.optional
    ? [IsOptional(), ApiPropertyOptional({ description: options.description, ...schema })]
    : [ApiProperty({ description: options.description, ...schema })];
}

export function TextField(options: Presence & { min?: number; max: number }): PropertyDecorator {
  const min = options.min ?? 1;
  return applyDecorators(
    ...presence(options, { type: String, minLength: min, maxLength: options.max }),
    IsString(),
    MinLength(min),
    MaxLength(options.max),
  );
}

/** A short reference code such as `G-0107` or `food-safety`. */
export function CodeField(options: Presence = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: String, example: 'G-0107', pattern: CODE_PATTERN.source }),
    IsString(),
    Matches(CODE_PATTERN, { message: `$property must be ${CODE_SHAPE}` }),
  );
}

export function CodeListField(options: Presence & { maxItems: number }): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: [String], maxItems: options.maxItems }),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    IsString({ each: true }),
    Matches(CODE_PATTERN, { each: true, message: `each value in $property must be a code of ${CODE_SHAPE}` }),
  );
}

export function IntField(options: Presence & { min: number; max: number }): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: Number, minimum: options.min, maximum: options.max }),
    IsInt(),
    Min(options.min),
    Max(options.max),
  );
}

export function NumberField(options: Presence & { min: number; max: number }): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: Number, minimum: options.min, maximum: options.max }),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(options.min),
    Max(options.max),
  );
}

export function BooleanField(options: Presence = {}): PropertyDecorator {
  return applyDecorators(...presence(options, { type: Boolean }), IsBoolean());
}

export function EnumField<T extends string>(values: readonly T[], options: Presence = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { enum: values }),
    IsIn(values as T[], { message: `$property must be one of: ${values.join(', ')}` }),
  );
}

/**
 * A query parameter that may repeat (`status=open&status=in_progress`): one value or several, each
 * one of `values`. Express gives a lone value as a string and repeats as an array.
 */
export function EnumListQueryField<T extends string>(values: readonly T[], options: Presence & { maxItems: number }): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: [String], enum: values, maxItems: options.maxItems }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value)),
    IsArray({ message: '$property must be given as one or more values' }),
    ArrayMaxSize(options.maxItems),
    IsIn(values as T[], { each: true, message: `each $property must be one of: ${values.join(', ')}` }),
  );
}

/** A query flag: `true` or `false` as text. */
export function BooleanQueryField(options: Presence = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: Boolean }),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: '$property must be true or false' }),
  );
}
