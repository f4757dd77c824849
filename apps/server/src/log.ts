import pino from 'pino';
import type { Config } from './config';

export type Log = pino.Logger;

/** Structured JSON logs on stdout, one line per event. */
export function createLog(level: Config['logLevel']): Log {
  return pino({ level, base: { service: 'plan-monitor' } });
}
