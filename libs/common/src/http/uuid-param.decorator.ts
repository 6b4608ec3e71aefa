import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A path parameter that must be a UUID; a bad one is a 400 that names it. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${name} must be a UUID`) }));
