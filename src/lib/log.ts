import { destination, type Logger, pino } from 'pino';

export type { Logger };

/** Structured logs to stderr (stdout is kept for command output and JSON Lines). */
export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { app: 'lede' } }, destination(2));
}

/** A logger that writes nothing, for tests and library use. */
export const silentLogger: Logger = pino({ level: 'silent' });
