/**
 * A pipe per argument class: builds the class from the raw arguments and runs its
 * class-validator rules, answering BAD_USER_INPUT with every problem at once. Explicit rather
 * than Nest's ValidationPipe because that one needs the parameter type from decorator metadata,
 * which tsx does not emit.
 */
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { GraphQLError } from 'graphql';

export const MAX_RANGE_DAYS = 366;

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => (prefix ? `${prefix}.${m}` : m)),
    ...flatten(e.children ?? [], prefix ? `${prefix}.${e.property}` : e.property),
  ]);
}

export function badInput(message: string, issues: string[] = [message]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', issues } });
}

export class ValidateArgs<T extends object> {
  constructor(private readonly cls: new () => T) {}

  transform(value: unknown): T {
    const instance = plainToInstance(this.cls, value ?? {});
    const issues = flatten(validateSync(instance, { forbidUnknownValues: false }));
    if (issues.length) throw badInput(`invalid arguments: ${issues.join('; ')}`, issues);
    return instance;
  }
}
