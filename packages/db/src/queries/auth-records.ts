import { and, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../client';
import { authEvents, sessions, signInThrottle } from '../schema';
import { DEFAULT_IDLE_MINUTES } from './users';

/** Auth events are kept this long by default (AUTH_EVENTS_RETENTION_DAYS): over a year, for audits. */
export const DEFAULT_AUTH_RETENTION_DAYS = 400;

const DAY = 24 * 60 * 60_000;

/**
 * The retention rule of the sign-in records, run by the server at start-up and daily, and by
 * `db prune`. It deletes:
 * - auth events older than `retentionDays`;
 * - sessions past their absolute expiry or idle for `idleMinutes` (they open nothing any more);
 * - sign-in throttle rows untouched for 24 hours whose wait is over. The throttle's own windows
 *   are shorter than a day, so such a row holds nothing the throttle still counts.
 */
export async function pruneAuthRecords(
  db: Database,
  now: Date,
  retentionDays = DEFAULT_AUTH_RETENTION_DAYS,
  idleMinutes = DEFAULT_IDLE_MINUTES,
): Promise<{ authEvents: number; sessions: number; throttle: number }> {
  const eventsBefore = new Date(now.getTime() - retentionDays * DAY);
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000);
  const counted = async (deletion: SQL) => {
    const [row] = await queryRows<{ n: number | string }>(
      db,
      sql`with gone as (${deletion} returning 1) select count(*) as n from gone`,
    );
    return Number(row?.n ?? 0);
  };
  return {
    authEvents: await counted(
      sql`delete from ${authEvents} where ${lt(authEvents.at, eventsBefore)}`,
    ),
    sessions: await counted(
      sql`delete from ${sessions} where ${or(lte(sessions.expiresAt, now), lte(sessions.lastSeenAt, idleSince))}`,
    ),
    throttle: await counted(
      sql`delete from ${signInThrottle} where ${and(
        lt(signInThrottle.updatedAt, new Date(now.getTime() - DAY)),
        lte(signInThrottle.nextAt, now),
      )}`,
    ),
  };
}
