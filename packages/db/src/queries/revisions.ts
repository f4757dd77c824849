import { and, desc, eq, sql } from 'drizzle-orm';
import {
  planTarget,
  revisionAt,
  targetRevisionSchema,
  type Indicator,
  type Target,
  type TargetRevision,
} from '@pm/core';
import type { Database } from '../client';
import { indicators, planEvents, plans } from '../schema';
import { toIndicator } from './plans';
import { refreshSummaries } from './summaries';

/** A revision that cannot be made: no such plan or indicator, or a year outside the plan's. */
export class RevisionError extends Error {
  constructor(
    readonly reason: 'no_plan' | 'unknown_seq' | 'year_outside',
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'RevisionError';
  }
}

/** What an administrator decided; who and when are the call's. */
export type NewRevision = Omit<TargetRevision, 'revisedBy' | 'revisedAt'>;

/** A target as the audit keeps it: its text and its parsed form. */
export interface TargetAsRecorded {
  text: string | null;
  target: Target;
}

/** `detail` of a `target_revised` event: the target in force from that year before, and after. */
export interface TargetRevisedDetail {
  fromYear: number;
  before: TargetAsRecorded;
  after: TargetAsRecorded;
  document: string;
  reason: string;
}

/** One row of a plan's audit (plan_events). */
export type PlanEvent = typeof planEvents.$inferSelect;

/**
 * 动态调整 (spec §6): appends `revision` to the indicator's revisions in one transaction, and
 * records it in the plan's audit with the target it replaces from that year. The original target
 * and earlier revisions are never rewritten: a second revision from the same year is appended
 * too, and being later it is the one in force (a correction keeps what it corrects). A finalized
 * round keeps the target it graded against in its snapshot, so any year of the plan may be
 * revised. The plan row is rewritten as well, so that everything cached by the plan's version
 * (the league, the lean indicators) is computed afresh.
 */
export async function reviseTarget(
  db: Database,
  planId: number,
  seq: number,
  revision: NewRevision,
  by: string,
): Promise<Indicator> {
  return db.transaction(async (tx) => {
    // The plan first, as an import takes it, so that the two never wait on each other.
    const [plan] = await tx
      .update(plans)
      .set({ title: sql`${plans.title}` })
      .where(eq(plans.id, planId))
      .returning({ baselineYear: plans.baselineYear, targetYear: plans.targetYear });
    if (!plan) throw new RevisionError('no_plan', `there is no plan ${planId}`);
    const [row] = await tx
      .select()
      .from(indicators)
      .where(and(eq(indicators.planId, planId), eq(indicators.seq, seq)))
      .for('update');
    if (!row) throw new RevisionError('unknown_seq', `the plan has no indicator ${seq}`, { seq });
    const first = plan.baselineYear + 1;
    if (revision.fromYear < first || revision.fromYear > plan.targetYear)
      throw new RevisionError(
        'year_outside',
        `a revision takes effect in ${first}–${plan.targetYear}, not ${revision.fromYear}`,
        { year: revision.fromYear, first, last: plan.targetYear },
      );
    const current = toIndicator(row);
    const replaced = revisionAt(current, revision.fromYear);
    const detail: TargetRevisedDetail = {
      fromYear: revision.fromYear,
      before: replaced
        ? { text: replaced.text, target: replaced.target }
        : { text: planTarget(current.raw), target: current.target },
      after: { text: revision.text, target: revision.target },
      document: revision.document,
      reason: revision.reason,
    };
    // The clock now, not the transaction's start: one that waited for the lock is the later.
    const [event] = await tx
      .insert(planEvents)
      .values({
        planId,
        seq,
        kind: 'target_revised',
        detail: { ...detail },
        by,
        at: sql`clock_timestamp()`,
      })
      .returning({ at: planEvents.at });
    const made = targetRevisionSchema.parse({
      ...revision,
      revisedBy: by,
      revisedAt: (event?.at ?? new Date()).toISOString(),
    });
    const [updated] = await tx
      .update(indicators)
      .set({ targetRevisions: [...current.revisions, made] })
      .where(eq(indicators.id, row.id))
      .returning();
    if (!updated) throw new Error('indicator update returned nothing');
    await refreshSummaries(tx as unknown as Database, [planId]);
    return toIndicator(updated);
  });
}

/** The plan's audit, newest first; only the events of indicator `seq` when given. */
export async function listPlanEvents(
  db: Database,
  planId: number,
  seq?: number,
): Promise<PlanEvent[]> {
  return db
    .select()
    .from(planEvents)
    .where(
      and(eq(planEvents.planId, planId), seq === undefined ? undefined : eq(planEvents.seq, seq)),
    )
    .orderBy(desc(planEvents.at), desc(planEvents.id));
}
