import { Param, PipeTransform } from '@nestjs/common';
import { DomainError } from '../domain-error';
import { CODE_SHAPE, isCode } from '../codes';

/** A path parameter that must be a reference code such as `G-0107`; a bad one is a 400 that names it. */
export const CodeParam = (name: string): ParameterDecorator => Param(name, new CodePipe(name));

class CodePipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isCode(value)) throw DomainError.invalid('INPUT.BAD_CODE', `${this.name} must be ${CODE_SHAPE}`);
    return value;
  }
}
