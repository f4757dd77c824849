import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { signInThrottle } from '../schema';

/**
 * How one throttle key slows attempts down: the first `free` attempts wait for nothing, then
 * attempt f makes the next one wait 2^(f − free − 1) seconds (1, 2, 4 …), at most `capSeconds`.
 * A key with `forgetSeconds` forgets one counted attempt per that many seconds, so that the rare
 * mistakes of a busy address never add up; without it only a quiet day starts the key over.
 */
export interface ThrottleRule {
  free: number;
  capSeconds: number;
  forgetSeconds: number | null;
}

/** A key untouched this long starts over at 0 (pruneAuthRecords deletes such rows). */
export const THROTTLE_QUIET_HOURS = 24;

/**
 * The `next_at` of a key that makes nobody wait. An attempt that sets no wait leaves `next_at`
 * where it was rather than at its own time: attempts run in another order than their clocks
 * read, and an attempt timed a moment earlier must not find itself waiting for a later one.
 */
export const NO_WAIT = new Date(0);

/** An attempt counted on one key, to be given back if it turns out not to count. */
export interface Reservation {
  key: string;
  /** The key's count with this attempt. */
  failures: number;
  at: Date;
  /** The end of the wait this attempt set; null when it set none (free, or not enforced). */
  nextAt: Date | null;
}

export type ReserveResult = Reservation | { waitUntil: Date };

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const seconds = (n: SQL | number) => sql`(${n}) * interval '1 second'`;

/** The wait after `failures` attempts, in seconds, as SQL (the exponent is bounded: no overflow). */
function delaySeconds(failures: SQL, { free, capSeconds }: ThrottleRule): SQL {
  return sql`(case when ${failures} <= ${free}::int then 0
    else least(${capSeconds}::int, power(2, least(${failures} - ${free}::int - 1, 30))) end)`;
}

/**
 * The count of an existing row at `at`, before this attempt, and its new `updated_at`: 0 after a
 * quiet day; otherwise less what was forgotten since `updated_at`, which moves on by whole
 * forgetting periods only, so that frequent attempts still forget at the rule's pace.
 */
function countedBefore(at: Date, rule: ThrottleRule): { stale: SQL; prior: SQL; updatedAt: SQL } {
  const t = signInThrottle;
  const stale = sql`${t.updatedAt} < ${iso(new Date(at.getTime() - THROTTLE_QUIET_HOURS * 3_600_000))}`;
  if (rule.forgetSeconds === null)
    return {
      stale,
      prior: sql`(case when ${stale} then 0 else ${t.failures} end)`,
      updatedAt: iso(at),
    };
  const forgotten = sql`greatest(0, floor(extract(epoch from (${iso(at)} - ${t.updatedAt})) / ${rule.forgetSeconds}::int))::int`;
  const left = sql`greatest(${t.failures} - ${forgotten}, 0)`;
  return {
    stale,
    prior: sql`(case when ${stale} then 0 else ${left} end)`,
    updatedAt: sql`(case when ${stale} or ${left} = 0 then ${iso(at)}
      else ${t.updatedAt} + ${seconds(sql`${forgotten} * ${rule.forgetSeconds}::int`)} end)`,
  };
}

/**
 * Counts an attempt on `key` in one statement, before the password is checked, so that
 * concurrent attempts cannot all read the same count. When `enforce` and the key is still
 * waiting, nothing is counted and the result says until when; otherwise the count goes up by one
 * and (when `enforce`) the key waits `delay(count)` from `at`.
 */
export async function reserveAttempt(
  db: Database,
  key: string,
  rule: ThrottleRule,
  at: Date,
  enforce: boolean,
): Promise<ReserveResult> {
  const { stale, prior, updatedAt } = countedBefore(at, rule);
  const count = sql`(${prior} + 1)`;
  const waitAfter = (failures: SQL, otherwise: SQL) =>
    sql`(case when ${delaySeconds(failures, rule)} > 0
      then ${iso(at)} + ${seconds(delaySeconds(failures, rule))} else ${otherwise} end)`;
  const [row] = await db
    .insert(signInThrottle)
    .values({
      key,
      failures: 1,
      nextAt: enforce ? waitAfter(sql`1`, iso(NO_WAIT)) : NO_WAIT,
      updatedAt: at,
    })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: count,
        updatedAt,
        ...(enforce && { nextAt: waitAfter(count, sql`${signInThrottle.nextAt}`) }),
      },
      setWhere: enforce ? sql`${signInThrottle.nextAt} <= ${iso(at)} or ${stale}` : undefined,
    })
    .returning({ failures: signInThrottle.failures, nextAt: signInThrottle.nextAt });
  if (row) {
    const waits = enforce && row.nextAt.getTime() > at.getTime();
    return { key, failures: row.failures, at, nextAt: waits ? row.nextAt : null };
  }
  const [waiting] = await db
    .select({ nextAt: signInThrottle.nextAt })
    .from(signInThrottle)
    .where(eq(signInThrottle.key, key));
  return { waitUntil: waiting?.nextAt ?? at };
}

/**
 * Takes back an attempt that did not count (refused by another key, the server too busy, or
 * the right password): one off the count, and the wait it set undone unless a later attempt
 * has set another since.
 */
export async function giveBackAttempt(db: Database, reservation: Reservation): Promise<void> {
  const { key, nextAt } = reservation;
  await db
    .update(signInThrottle)
    .set({
      failures: sql`greatest(${signInThrottle.failures} - 1, 0)`,
      ...(nextAt && {
        nextAt: sql`(case when ${signInThrottle.nextAt} = ${iso(nextAt)} then ${iso(NO_WAIT)}
          else ${signInThrottle.nextAt} end)`,
      }),
    })
    .where(eq(signInThrottle.key, key));
}

/** Forgets a key altogether (an account and address that signed in with the right password). */
export async function clearThrottle(db: Database, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/** A key's stored state, for tests and the admin's questions; null when it counts nothing. */
export async function throttleState(
  db: Database,
  key: string,
): Promise<{ failures: number; nextAt: Date; updatedAt: Date } | null> {
  const [row] = await db
    .select({
      failures: signInThrottle.failures,
      nextAt: signInThrottle.nextAt,
      updatedAt: signInThrottle.updatedAt,
    })
    .from(signInThrottle)
    .where(eq(signInThrottle.key, key));
  return row ?? null;
}
