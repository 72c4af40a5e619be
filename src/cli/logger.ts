/**
 * The node's logger under `cairn node start`: pino-pretty's text on a terminal, pino's JSON lines
 * otherwise (a service manager, a pipe, --json), both on stdout.
 */
import pino from 'pino';
import pretty from 'pino-pretty';
import type { Logger } from '../shared/logging';

export function nodeLogger(level: string, json = false): Logger {
  if (json || !process.stdout.isTTY) return pino({ name: 'cairn-node', level });
  // Synchronous: the last lines before a stop must reach the terminal before the process exits.
  return pino(
    { name: 'cairn-node', level },
    pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }),
  );
}
