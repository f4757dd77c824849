import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import {
  roundKind,
  type EvaluationSnapshot,
  type Narrative,
  type ReviewRecord,
  type RoundKind,
  type Status,
} from '@pm/core';
import type { Database } from '../client';
import { evaluationItems, evaluationRounds, plans } from '../schema';
import { loadPlanInput, type PlanInput } from './scorecard';

/** A round cannot change as asked: the district has no plan, the round is unknown or finalized, or one is open. */
export class EvaluationError extends Error {
  constructor(
    readonly reason: 'no_plan' | 'not_found' | 'already_open' | 'finalized',
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

/** An evaluation round (评估轮次) without its snapshot. */
export interface EvaluationRound {
  id: number;
  planId: number;
  year: number;
  /** 中期评估 (E = M), 总结评估 (E = Y) or 年度评估. */
  kind: RoundKind;
  status: 'open' | 'finalized';
  openedBy: string;
  openedAt: Date;
  finalizedBy: string | null;
  finalizedAt: Date | null;
  /** Indicators with a review (current or not). */
  reviews: number;
}

const roundColumns = {
  id: evaluationRounds.id,
  planId: evaluationRounds.planId,
  year: evaluationRounds.year,
  kind: evaluationRounds.kind,
  status: evaluationRounds.status,
  openedBy: evaluationRounds.openedBy,
  openedAt: evaluationRounds.openedAt,
  finalizedBy: evaluationRounds.finalizedBy,
  finalizedAt: evaluationRounds.finalizedAt,
};

const ofDistrict = (code: string) => eq(plans.districtId, code);

/** The district's rounds (of one of its plans, when `planId` is given), newest first. */
export async function listRounds(
  db: Database,
  code: string,
  planId?: number,
): Promise<EvaluationRound[]> {
  return db
    .select({ ...roundColumns, reviews: count(evaluationItems.id) })
    .from(evaluationRounds)
    .innerJoin(plans, eq(plans.id, evaluationRounds.planId))
    .leftJoin(evaluationItems, eq(evaluationItems.roundId, evaluationRounds.id))
    .where(
      and(ofDistrict(code), planId === undefined ? undefined : eq(evaluationRounds.planId, planId)),
    )
    .groupBy(evaluationRounds.id)
    .orderBy(desc(evaluationRounds.openedAt), desc(evaluationRounds.id));
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Opens a round of one of the district's plans at `year` (default: its mid-term year); one round
 * per plan and year may be open. Its kind follows from the plan's years (spec §5).
 */
export async function openRound(
  db: Database,
  code: string,
  planId: number,
  year: number | undefined,
  by: string,
): Promise<EvaluationRound> {
  const [plan] = await db
    .select({
      id: plans.id,
      baselineYear: plans.baselineYear,
      midtermYear: plans.midtermYear,
      targetYear: plans.targetYear,
    })
    .from(plans)
    .where(and(ofDistrict(code), eq(plans.id, planId)));
  if (!plan) throw new EvaluationError('no_plan', `district ${code} has no plan ${planId}`);
  const at = year ?? plan.midtermYear;
  const already = () =>
    new EvaluationError('already_open', `a ${at} round of ${code} is open already`);
  const [open] = await db
    .select({ id: evaluationRounds.id })
    .from(evaluationRounds)
    .where(
      and(
        eq(evaluationRounds.planId, plan.id),
        eq(evaluationRounds.year, at),
        eq(evaluationRounds.status, 'open'),
      ),
    );
  if (open) throw already();
  try {
    const [row] = await db
      .insert(evaluationRounds)
      .values({ planId: plan.id, year: at, kind: roundKind(plan, at), openedBy: by })
      .returning(roundColumns);
    if (!row) throw new Error('round insert returned nothing');
    return { ...row, reviews: 0 };
  } catch (error) {
    if (isUniqueViolation(error)) throw already();
    throw error;
  }
}

/** The narrative a reviewer saved on a round, who saved it and when. */
export interface StoredNarrative {
  sections: Narrative;
  by: string;
  at: Date;
}

/** A round with its reviews and either the plan input it reads (open) or its snapshot (finalized). */
export interface RoundRecord {
  round: EvaluationRound;
  reviews: ReviewRecord[];
  input: PlanInput | null;
  snapshot: EvaluationSnapshot | null;
  /** The saved narrative; null while the generated first drafts stand. */
  narrative: StoredNarrative | null;
}

const narrativeColumns = {
  narrative: evaluationRounds.narrative,
  narrativeBy: evaluationRounds.narrativeBy,
  narrativeAt: evaluationRounds.narrativeAt,
};

function storedNarrative(row: {
  narrative: unknown;
  narrativeBy: string | null;
  narrativeAt: Date | null;
}): StoredNarrative | null {
  if (row.narrative === null || row.narrativeBy === null || row.narrativeAt === null) return null;
  return { sections: row.narrative as Narrative, by: row.narrativeBy, at: row.narrativeAt };
}

async function findRound(db: Database, code: string, id: number, lock: boolean) {
  const query = db
    .select({ ...roundColumns, ...narrativeColumns, snapshot: evaluationRounds.snapshot })
    .from(evaluationRounds)
    .innerJoin(plans, eq(plans.id, evaluationRounds.planId))
    .where(and(eq(evaluationRounds.id, id), ofDistrict(code)));
  const [row] = lock ? await query.for('update', { of: evaluationRounds }) : await query;
  if (!row) throw new EvaluationError('not_found', `no round ${id} of district ${code}`);
  return row;
}

async function reviewsOf(db: Database, roundId: number): Promise<ReviewRecord[]> {
  const rows = await db
    .select()
    .from(evaluationItems)
    .where(eq(evaluationItems.roundId, roundId))
    .orderBy(asc(evaluationItems.seq));
  return rows.map((r) => ({
    seq: r.seq,
    decision: r.decision,
    computedStatus: r.computedStatus as Status,
    finalStatus: r.finalStatus as Status,
    reason: r.reason,
    comment: r.comment,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt.toISOString(),
  }));
}

/** One round of the district with its reviews, and its plan's approved values while it is open. */
export async function loadRound(db: Database, code: string, id: number): Promise<RoundRecord> {
  const { snapshot, narrative, narrativeBy, narrativeAt, ...round } = await findRound(
    db,
    code,
    id,
    false,
  );
  const [reviews, input] = await Promise.all([
    reviewsOf(db, id),
    round.status === 'open' ? loadPlanInput(db, round.planId, round.year) : null,
  ]);
  return {
    round: { ...round, reviews: reviews.length },
    reviews,
    input,
    snapshot: snapshot as EvaluationSnapshot | null,
    narrative: storedNarrative({ narrative, narrativeBy, narrativeAt }),
  };
}

/** Stores the narrative of an open round (all four sections); a finalized round's is frozen. */
export async function saveNarrative(
  db: Database,
  code: string,
  id: number,
  sections: Narrative,
  by: string,
): Promise<StoredNarrative> {
  return db.transaction(async (tx) => {
    const round = await findRound(tx, code, id, true);
    if (round.status !== 'open') throw new EvaluationError('finalized', `round ${id} is finalized`);
    const [row] = await tx
      .update(evaluationRounds)
      .set({ narrative: sections, narrativeBy: by, narrativeAt: sql`now()` })
      .where(eq(evaluationRounds.id, id))
      .returning(narrativeColumns);
    const stored = row && storedNarrative(row);
    if (!stored) throw new Error('narrative update returned nothing');
    return stored;
  });
}

export type ReviewWrite = Omit<ReviewRecord, 'reviewedAt'>;

/** Stores reviews of an open round, replacing earlier reviews of the same indicators. */
export async function saveReviews(
  db: Database,
  code: string,
  id: number,
  reviews: readonly ReviewWrite[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await findRound(tx, code, id, true);
    if (round.status !== 'open') throw new EvaluationError('finalized', `round ${id} is finalized`);
    if (reviews.length === 0) return;
    await tx
      .insert(evaluationItems)
      .values(reviews.map((r) => ({ ...r, roundId: id })))
      .onConflictDoUpdate({
        target: [evaluationItems.roundId, evaluationItems.seq],
        set: {
          decision: sql`excluded.decision`,
          computedStatus: sql`excluded.computed_status`,
          finalStatus: sql`excluded.final_status`,
          reason: sql`excluded.reason`,
          comment: sql`excluded.comment`,
          reviewedBy: sql`excluded.reviewed_by`,
          reviewedAt: sql`now()`,
        },
      });
  });
}

/** What finalizing reads inside its transaction. */
export interface FinalizeInput {
  round: EvaluationRound;
  input: PlanInput;
  reviews: ReviewRecord[];
  narrative: StoredNarrative | null;
}

/**
 * Finalizes an open round in one transaction: the plan, its approved values and the reviews are
 * read with the round locked, `build` freezes them into the snapshot (or throws, and nothing
 * changes), and the round is stored as finalized with it.
 */
export async function finalizeRound(
  db: Database,
  code: string,
  id: number,
  build: (input: FinalizeInput) => EvaluationSnapshot,
): Promise<EvaluationSnapshot> {
  return db.transaction(async (tx) => {
    const {
      snapshot: _none,
      narrative,
      narrativeBy,
      narrativeAt,
      ...round
    } = await findRound(tx, code, id, true);
    if (round.status !== 'open') throw new EvaluationError('finalized', `round ${id} is finalized`);
    const input = await loadPlanInput(tx, round.planId, round.year);
    if (!input) throw new EvaluationError('no_plan', `round ${id} has no plan`);
    const reviews = await reviewsOf(tx, id);
    const snapshot = build({
      round: { ...round, reviews: reviews.length },
      input,
      reviews,
      narrative: storedNarrative({ narrative, narrativeBy, narrativeAt }),
    });
    await tx
      .update(evaluationRounds)
      .set({
        status: 'finalized',
        finalizedBy: snapshot.finalizedBy,
        finalizedAt: new Date(snapshot.finalizedAt),
        snapshot,
      })
      .where(eq(evaluationRounds.id, id));
    return snapshot;
  });
}

/** The snapshot of the plan's newest finalized round at `year`, if any. */
export async function latestFinalized(
  db: Database,
  planId: number,
  year: number,
): Promise<{ round: EvaluationRound; snapshot: EvaluationSnapshot } | null> {
  const [row] = await db
    .select({
      ...roundColumns,
      reviews: count(evaluationItems.id),
      snapshot: evaluationRounds.snapshot,
    })
    .from(evaluationRounds)
    .innerJoin(plans, eq(plans.id, evaluationRounds.planId))
    .leftJoin(evaluationItems, eq(evaluationItems.roundId, evaluationRounds.id))
    .where(
      and(
        eq(evaluationRounds.planId, planId),
        eq(evaluationRounds.year, year),
        eq(evaluationRounds.status, 'finalized'),
      ),
    )
    .groupBy(evaluationRounds.id)
    .orderBy(desc(evaluationRounds.finalizedAt), desc(evaluationRounds.id))
    .limit(1);
  if (!row) return null;
  const { snapshot, ...round } = row;
  return { round, snapshot: snapshot as EvaluationSnapshot };
}
