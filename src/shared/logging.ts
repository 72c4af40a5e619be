/**
 * The node's structured logs: one pino logger per process, injected as LOGGER, with a child per
 * component. Every room logs through this; pino writes JSON lines, which `pino-pretty` turns
 * into text on a terminal.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, name = 'cairn'): Logger {
  return pino({ name, level });
}

/** Injection token for the node's root pino logger. */
export const LOGGER = Symbol('LOGGER');
