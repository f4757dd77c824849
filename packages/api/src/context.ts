import type { Database, SessionUser } from '@pm/db';

/** Where the server logs; pino's logger fits, and tests pass a silent one. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What the HTTP layer gives a procedure to manage the session cookie. */
export interface SessionCookie {
  /** The token the request carried, if any. */
  token: string | null;
  set(token: string, expires: Date): void;
  clear(): void;
}

/** What every procedure gets: the database opened once at start-up, the caller and the request. */
export interface Context {
  db: Database;
  /**
   * A read replica (DATABASE_REPLICA_URL) for what many read and a moment's lag does not
   * mislead: the league and the scorecards. Absent: they read `db`.
   */
  readDb?: Database;
  log: Logger;
  /** The signed-in user, looked up from the session cookie; null when signed out. */
  user: SessionUser | null;
  cookie: SessionCookie;
  /** The client's address, for sign-in limits and the record. */
  address: string;
  /**
   * The year whose figures are being reported (config REPORTING_YEAR); absent, the year before
   * today's. What a page opens at, and which plan it shows, when the request names neither.
   */
  reportingYear?: number;
}
