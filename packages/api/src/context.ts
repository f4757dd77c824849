import type { Database } from '@pm/db';

/** Where the server logs; pino's logger fits, and tests pass a silent one. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What every procedure gets: the database opened once at start-up, and the request's logger. */
export interface Context {
  db: Database;
  log: Logger;
}
