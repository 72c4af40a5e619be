/**
 * The control channel's methods: a name, a zod schema for its params, a handler. Params are
 * validated before the handler runs, so a handler only ever sees what its schema allows, and a
 * caller gets every problem at once as `path: message` lines.
 */
import type { z } from 'zod';
import { issueLines } from '../shared/config-error';
import { ControlError, RpcCode } from './protocol';

export interface MethodContext {
  /** Streams a progress event to the caller, tied to this request; a no-op once it is answered or gone. */
  notify(event: unknown): void;
  /** Aborts when the caller cancels ($/cancel), disconnects, or the node stops. */
  signal: AbortSignal;
}

export type MethodHandler<P> = (params: P, ctx: MethodContext) => Promise<unknown>;

interface Method {
  schema: z.ZodType;
  handler: MethodHandler<never>;
}

/** Where methods are added: the control server, or a registry itself. */
export interface MethodTarget {
  register<S extends z.ZodType>(name: string, params: S, handler: MethodHandler<z.output<S>>): void;
}

/**
 * A `register` for one room's methods whose failures pass through `toControlError` first, so
 * the room's own errors reach the caller as the codes a script branches on.
 */
export function registerMappingErrors(target: MethodTarget, toControlError: (err: unknown) => unknown) {
  return <S extends z.ZodType>(name: string, params: S, handler: MethodHandler<z.output<S>>): void =>
    target.register(name, params, (p, ctx) =>
      handler(p, ctx).catch((err: unknown) => Promise.reject(toControlError(err))),
    );
}

/** `group.name` words; `$/...` is the protocol's own (cancel, auth). */
const METHOD_NAME = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;

export class MethodRegistry {
  private readonly methods = new Map<string, Method>();

  register<S extends z.ZodType>(name: string, params: S, handler: MethodHandler<z.output<S>>): void {
    if (!METHOD_NAME.test(name))
      throw new Error(`control method name ${JSON.stringify(name)} must look like group.name`);
    if (this.methods.has(name)) throw new Error(`control method ${name} is registered twice`);
    this.methods.set(name, { schema: params, handler: handler as MethodHandler<never> });
  }

  has(name: string): boolean {
    return this.methods.has(name);
  }

  names(): string[] {
    return [...this.methods.keys()].sort();
  }

  /** The method not being known is the caller's to check first (has); this validates and runs. */
  async invoke(name: string, rawParams: unknown, ctx: MethodContext): Promise<unknown> {
    const method = this.methods.get(name);
    if (!method) throw unknownMethod(name, this.names());
    const parsed = method.schema.safeParse(rawParams ?? {});
    if (!parsed.success) {
      const lines = issueLines(parsed.error.issues);
      throw new ControlError(
        'INVALID_PARAMS',
        `invalid params for ${name}:\n  ${lines.join('\n  ')}`,
        { issues: lines },
        RpcCode.InvalidParams,
      );
    }
    return method.handler(parsed.data as never, ctx);
  }
}

export function unknownMethod(name: string, known: string[]): ControlError {
  return new ControlError(
    'UNKNOWN_METHOD',
    `unknown method ${JSON.stringify(name)}; this node knows: ${known.join(', ') || '(none)'}`,
    { methods: known },
    RpcCode.MethodNotFound,
  );
}
