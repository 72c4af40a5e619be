/**
 * A pipe per argument class: builds the class from the raw arguments and runs its
 * class-validator rules, answering BAD_USER_INPUT with every problem at once. Explicit rather
 * than Nest's ValidationPipe because that one needs the parameter type from decorator metadata,
 * which tsx does not emit.
 */
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { GraphQLError } from 'graphql';
import 'reflect-metadata';
import { gql } from '../nest';

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

/**
 * @Args with the argument class's validation pipe, for queries and subscriptions alike. tsx
 * (esbuild) emits no decorator metadata, and @nestjs/graphql reads the parameter types from it
 * even when given the type explicitly, so the entry for this parameter is recorded here first.
 */
export function valid<T extends object>(cls: new () => T): ParameterDecorator {
  return (target, key, index) => {
    const types = (Reflect.getMetadata('design:paramtypes', target, key!) as unknown[] | undefined) ?? [];
    types[index] = cls;
    Reflect.defineMetadata('design:paramtypes', types, target, key!);
    gql.Args({ type: () => cls }, new ValidateArgs(cls))(target, key, index);
  };
}
