import { plainToInstance } from 'class-transformer';
import { IsInt, IsISO8601, IsObject, IsString, IsUUID, Matches, MaxLength, Min, validateSync } from 'class-validator';
import { EventEnvelope } from '../envelope';

/** Kafka payloads bypass the HTTP validation pipe, so consumers validate the envelope here. */
class EnvelopeDto implements EventEnvelope {
  @IsUUID() eventId: string;
  @IsString() @Matches(/^[a-z_]+(\.[a-z_]+)+$/) @MaxLength(60) type: string;
  @IsInt() @Min(1) version: number;
  @IsISO8601({ strict: true }) occurredAt: string;
  @IsUUID() requestId: string;
  @IsInt() @Min(1) sequence: number;
  @IsUUID() gridId: string;
  @IsString() @MaxLength(100) correlationId: string;
  @IsObject() payload: Record<string, unknown>;
}

export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

/** Parses and validates a raw message value; throws PoisonMessageError naming what is wrong. */
export function parseEnvelope(value: string | null): EventEnvelope {
  if (value === null) throw new PoisonMessageError('message has no value');
  let plain: unknown;
  try {
    plain = JSON.parse(value);
  } catch {
    throw new PoisonMessageError('message value is not valid JSON');
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new PoisonMessageError('message value is not a JSON object');
  }
  const dto = plainToInstance(EnvelopeDto, plain);
  const errors = validateSync(dto, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const fields = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new PoisonMessageError(`invalid envelope: ${fields.join('; ')}`);
  }
  return plain as EventEnvelope;
}
