import { CODE_PATTERN } from '@app/common/http';
import { Param, PipeTransform } from '@nestjs/common';
import { DomainError } from '@app/common';

/** A path parameter that must be a reference code (400 naming the parameter otherwise). */
export const CodeParam = (name: string): ParameterDecorator => Param(name, new CodePipe(name));

class CodePipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!CODE_PATTERN.test(value)) throw DomainError.invalid('MONITORING.BAD_CODE', `${this.name}: must be 1 to 40 letters, digits, "-" or "_"`);
    return value;
  }
}
