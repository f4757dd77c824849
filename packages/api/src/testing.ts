import type { Database } from '@pm/db';
import type { Context, Logger } from './context';
import { createCaller } from './root';

export const silentLog: Logger & { errors: object[] } = {
  errors: [],
  info: () => {},
  warn: () => {},
  error(obj) {
    this.errors.push(obj);
  },
};

export function callerFor(db: Database, overrides: Partial<Context> = {}) {
  return createCaller({ db, log: silentLog, ...overrides });
}
