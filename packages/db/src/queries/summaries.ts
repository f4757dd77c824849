import { sql } from 'drizzle-orm';
import {
  LEAGUE_SUMMARY_FORMAT,
  leagueSummary,
  summaryYears,
  type PlanLeagueSummary,
} from '@pm/core';
import { arrayLiteral, queryRows, type Database } from '../client';
import { leagueSummaries, planRevisions, plans } from '../schema';
import { loadPlanInputsById } from './scorecard';

/** One plan's summary at one year, under the plan's version it was computed at. */
export interface StoredSummary {
  planId: number;
  year: number;
  version: string;
  summary: PlanLeagueSummary;
}

/** Rows per insert: a summary is ~1 KB of JSON, so a statement stays well under a megabyte. */
const BATCH = 500;

/**
 * Stores these summaries, replacing those of the same plan and year. A summary is only a saving:
 * readers check its version against the plan's before using it, so storing one a concurrent
 * change has already made stale costs a recomputation, never a wrong league.
 */
export async function storeSummaries(
  db: Database,
  summaries: readonly StoredSummary[],
): Promise<number> {
  for (let i = 0; i < summaries.length; i += BATCH) {
    const batch = summaries.slice(i, i + BATCH);
    await db
      .insert(leagueSummaries)
      .values(
        batch.map((s) => ({
          planId: s.planId,
          year: s.year,
          version: s.version,
          format: LEAGUE_SUMMARY_FORMAT,
          summary: s.summary,
        })),
      )
      .onConflictDoUpdate({
        target: [leagueSummaries.planId, leagueSummaries.year],
        set: {
          version: sql`excluded.version`,
          format: sql`excluded.format`,
          summary: sql`excluded.summary`,
          computedAt: sql`now()`,
        },
      });
  }
  return summaries.length;
}

/**
 * Recomputes and stores the league summaries of these plans (or of every plan) at every year
 * each can be evaluated at, from what `db` sees: call it with the transaction that changed them,
 * after the change, so that the summaries commit with it. The version is read first, in the
 * same transaction, so it is that of the data the summaries are computed from. Returns how many
 * summaries it stored.
 */
export async function refreshSummaries(
  db: Database,
  planIds: readonly number[] | 'all',
): Promise<number> {
  if (planIds !== 'all' && planIds.length === 0) return 0;
  const versions = await queryRows<{ id: number; version: string }>(
    db,
    sql`select p.id, p.xmin::text || ':' || coalesce(r.revision, 0) as version
    from ${plans} p left join ${planRevisions} r on r.plan_id = p.id
    ${planIds === 'all' ? sql`` : sql`where p.id = any(${arrayLiteral(planIds)}::int[])`}
    order by p.id`,
  );
  if (versions.length === 0) return 0;
  const versionOf = new Map(versions.map((v) => [v.id, v.version]));
  let stored = 0;
  // A thousand plans at a time: a bulk import of a country's plans is not held in memory at once.
  for (let i = 0; i < versions.length; i += 1000) {
    const ids = versions.slice(i, i + 1000).map((v) => v.id);
    const inputs = await loadPlanInputsById(db, ids, 9999, { lean: true });
    const summaries: StoredSummary[] = [];
    for (const input of inputs)
      for (const year of summaryYears(input.file.plan))
        summaries.push({
          planId: input.planId,
          year,
          version: versionOf.get(input.planId)!,
          summary: leagueSummary(input, year),
        });
    stored += await storeSummaries(db, summaries);
  }
  return stored;
}

/**
 * The stored summaries of these plans at their year (null: each plan's mid-term year) that are
 * current: computed at the version given and by today's format.
 */
export async function loadSummaries(
  db: Database,
  wanted: readonly { planId: number; version: string }[],
  year: number | null,
): Promise<Map<number, PlanLeagueSummary>> {
  if (wanted.length === 0) return new Map();
  // Only the current ones travel: after a change made without the app every one may be stale.
  const rows = await queryRows<{ plan_id: number; summary: PlanLeagueSummary }>(
    db,
    sql`select s.plan_id, s.summary
    from unnest(${arrayLiteral(wanted.map((w) => w.planId))}::int[], ${arrayLiteral(wanted.map((w) => w.version))}::text[])
      as w(plan_id, version)
    join ${leagueSummaries} s on s.plan_id = w.plan_id and s.version = w.version
    ${year === null ? sql`join ${plans} p on p.id = s.plan_id and s.year = p.midterm_year` : sql``}
    where s.format = ${LEAGUE_SUMMARY_FORMAT}
      ${year === null ? sql`` : sql`and s.year = ${year}`}`,
  );
  return new Map(rows.map((r) => [r.plan_id, r.summary]));
}
