import { and, eq } from 'drizzle-orm';
import {
  carryOverProposals,
  matchIndicators,
  periodKey,
  periodLabel,
  type CarryOverProposals,
  type CarryOverRow,
  type ManualMatch,
  type MatchedIndicator,
  type MatchProblem,
  type PlanFile,
  type StoredValue,
  type ValueChange,
  type YearValue,
} from '@pm/core';
import type { Database } from '../client';
import { indicators, planEvents, yearlyValues } from '../schema';
import { listDistrictPlans, type DistrictPlan } from './periods';
import { loadPlanById } from './plans';
import { saveValues, type PlanRef } from './values';

/** Why carrying over was refused; nothing was written. */
export type CarryOverRefusal =
  | 'no_previous'
  | 'unknown_seq'
  | 'unknown_previous'
  | 'duplicate_match'
  | 'empty'
  | 'not_applicable'
  | 'figure_exists'
  | 'figure_approved';

export class CarryOverError extends Error {
  constructor(
    readonly reason: CarryOverRefusal,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'CarryOverError';
  }
}

/**
 * The plan a plan carries over from: the district's plan whose target year is its baseline year,
 * else the latest one ending before that; null when there is none.
 */
export function previousPlanOf<P extends Pick<DistrictPlan, 'id' | 'baselineYear' | 'targetYear'>>(
  plans: readonly P[],
  next: Pick<DistrictPlan, 'id' | 'baselineYear'>,
): P | null {
  const before = plans
    .filter((p) => p.id !== next.id && p.targetYear <= next.baselineYear)
    .sort((a, b) => b.targetYear - a.targetYear || b.baselineYear - a.baselineYear);
  return before[0] ?? null;
}

/** What carrying over into a plan is about: the two plans, and the proposals. */
export interface CarryOverState {
  next: DistrictPlan;
  /** Null when the district has no plan before this one (then there are no proposals). */
  previous: DistrictPlan | null;
  /** The previous plan's indicators, to match by hand. */
  previousIndicators: MatchedIndicator[];
  proposals: CarryOverProposals;
}

/** The previous plan's approved actuals of `year`, held (for share) when `lock` is set. */
async function approvedActuals(
  db: Database,
  planId: number,
  year: number,
  lock: boolean,
): Promise<YearValue[]> {
  const query = db
    .select({
      seq: indicators.seq,
      year: yearlyValues.year,
      kind: yearlyValues.kind,
      value: yearlyValues.value,
    })
    .from(yearlyValues)
    .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
    .where(
      and(
        eq(indicators.planId, planId),
        eq(yearlyValues.year, year),
        eq(yearlyValues.kind, 'actual'),
        eq(yearlyValues.state, 'approved'),
      ),
    );
  return lock ? query.for('share', { of: yearlyValues }) : query;
}

/** The plan's own actuals of `year`, every state. */
function storedActuals(db: Database, planId: number, year: number) {
  return db
    .select({
      id: yearlyValues.id,
      seq: indicators.seq,
      year: yearlyValues.year,
      kind: yearlyValues.kind,
      value: yearlyValues.value,
      state: yearlyValues.state,
    })
    .from(yearlyValues)
    .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
    .where(
      and(
        eq(indicators.planId, planId),
        eq(yearlyValues.year, year),
        eq(yearlyValues.kind, 'actual'),
      ),
    );
}

interface Loaded extends CarryOverState {
  nextFile: PlanFile;
}

/** A manual match that names no indicator, or one twice, as a refusal naming where it is. */
function matchRefusal(
  problem: MatchProblem,
  field: string,
  next: DistrictPlan,
  previous: DistrictPlan,
): CarryOverError {
  const at = `${field}.${problem.index}`;
  const params = { at, plan: periodLabel(next), previous: periodLabel(previous) };
  switch (problem.code) {
    case 'unknown_seq':
      return new CarryOverError(
        'unknown_seq',
        `${at}: ${periodKey(next)} has no indicator ${problem.seq}`,
        { ...params, seq: problem.seq },
      );
    case 'unknown_previous':
      return new CarryOverError(
        'unknown_previous',
        `${at}: the previous plan (${periodKey(previous)}) has no indicator ${problem.previousSeq}`,
        { ...params, seq: problem.previousSeq },
      );
    case 'duplicate':
      return new CarryOverError(
        'duplicate_match',
        `${at}: indicator ${problem.seq} is listed twice (first at ${field}.${problem.first})`,
        { ...params, seq: problem.seq, first: `${field}.${problem.first}` },
      );
  }
}

async function load(
  db: Database,
  ref: PlanRef,
  manual: readonly ManualMatch[],
  field: string,
  lock: boolean,
): Promise<Loaded | null> {
  const plans = await listDistrictPlans(db, ref.code);
  const next = plans.find((p) => p.id === ref.planId);
  if (!next) return null;
  const nextPlan = await loadPlanById(db, next.id);
  if (!nextPlan) return null;
  const previous = previousPlanOf(plans, next);
  const year = next.baselineYear;
  if (!previous)
    return {
      next,
      previous: null,
      previousIndicators: [],
      proposals: { year, rows: [], problems: [] },
      nextFile: nextPlan.file,
    };
  const previousPlan = await loadPlanById(db, previous.id);
  if (!previousPlan) return null;
  const figures = await approvedActuals(db, previous.id, year, lock);
  const stored = await storedActuals(db, next.id, year);
  const proposals = carryOverProposals(previousPlan.file, figures, nextPlan.file, manual, {
    stored,
  });
  const [problem] = proposals.problems;
  if (problem) throw matchRefusal(problem, field, next, previous);
  return {
    next,
    previous,
    previousIndicators: previousPlan.file.indicators.map(({ seq, name, unit }) => ({
      seq,
      name,
      unit,
    })),
    proposals,
    nextFile: nextPlan.file,
  };
}

/**
 * The carry-over proposals for the plan (`ref`) from the district's previous plan, with the
 * manual matches given (refused when one names no indicator, or one twice); null
 * when the plan is not the district's.
 */
export async function loadCarryOver(
  db: Database,
  ref: PlanRef,
  manual: readonly ManualMatch[] = [],
): Promise<CarryOverState | null> {
  const loaded = await load(db, ref, manual, 'matches', false);
  if (!loaded) return null;
  const { nextFile: _, ...state } = loaded;
  return state;
}

/** A chosen proposal: next-plan indicator `seq` takes previous-plan `previousSeq`'s figure. */
export interface CarryOverItem {
  seq: number;
  previousSeq: number;
}

export interface CarryOverResult {
  year: number;
  /** The rows applied, as they were proposed. */
  applied: CarryOverRow[];
  /** The figures written. */
  values: StoredValue[];
}

/** The source every carried-over figure records: 承接上期规划 2025 年审定值. */
export const carryOverSource = (year: number) => `承接上期规划 ${year} 年审定值`;

const listed = (rows: readonly CarryOverRow[]) => rows.map((r) => `${r.seq} ${r.name}`).join(', ');

/**
 * Stores the chosen proposals (each must be one that applies: matched, the previous plan has an
 * approved figure of year B, and the new plan prints no baseline and measures from one) as the
 * plan's year-B actuals, approved, with the source `carryOverSource`, their history rows and one
 * plan_events row each, all in one transaction. A year-B figure the plan already has is refused
 * unless `overwrite` is set; an approved one is always refused (a reviewer reopens it first).
 * Nothing is written when anything is refused. Null when the plan is not the district's.
 */
export async function applyCarryOver(
  db: Database,
  ref: PlanRef,
  items: readonly CarryOverItem[],
  by: string,
  options: { overwrite?: boolean } = {},
): Promise<CarryOverResult | null> {
  if (items.length === 0)
    throw new CarryOverError('empty', 'choose at least one proposal to apply');
  return db.transaction(async (t) => {
    const tx = t as unknown as Database;
    const loaded = await load(tx, ref, items, 'items', true);
    if (!loaded) return null;
    const { previous, proposals, next } = loaded;
    if (!previous)
      throw new CarryOverError(
        'no_previous',
        `${ref.code} has no plan before ${periodKey(next)} to carry figures over from`,
        { plan: periodLabel(next) },
      );
    const chosen = items.map((item) => proposals.rows.find((r) => r.seq === item.seq)!);
    const year = proposals.year;
    const refused = chosen.filter((r) => r.action !== 'apply');
    if (refused.length > 0)
      throw new CarryOverError('not_applicable', `nothing to carry over for ${listed(refused)}`, {
        indicators: listed(refused),
      });
    const approved = chosen.filter((r) => r.stored?.state === 'approved');
    if (approved.length > 0)
      throw new CarryOverError(
        'figure_approved',
        `the ${year} figure of ${listed(approved)} is approved already; a reviewer reopens it before it can be replaced`,
        { year, indicators: listed(approved) },
      );
    const existing = chosen.filter((r) => r.stored);
    if (existing.length > 0 && !options.overwrite)
      throw new CarryOverError(
        'figure_exists',
        `${listed(existing)} already have a ${year} figure; ask to overwrite it to replace it`,
        { year, indicators: listed(existing) },
      );
    const source = carryOverSource(year);
    const label = periodLabel(previous);
    const changes = chosen.map((r): ValueChange => ({
      seq: r.seq,
      year,
      kind: 'actual',
      value: r.previousFigure!,
      // A figure written since the proposals were read is never overwritten unasked.
      version: options.overwrite ? undefined : null,
      state: 'approved',
      source,
      note: `${label}规划第 ${r.match!.seq} 项“${r.match!.name}”`,
      reason: source,
    }));
    const values = (await saveValues(tx, ref, changes, by)) ?? [];
    const automatic = new Map(
      matchIndicators(loaded.previousIndicators, loaded.nextFile.indicators).map((m) => [
        m.seq,
        m.previous?.seq ?? null,
      ]),
    );
    await tx.insert(planEvents).values(
      chosen.map((r) => ({
        planId: next.id,
        seq: r.seq,
        kind: 'baseline_carried_over' as const,
        detail: {
          year,
          value: r.previousFigure,
          source,
          previousPlanId: previous.id,
          previousPeriod: periodKey(previous),
          previousSeq: r.match!.seq,
          previousName: r.match!.name,
          how: automatic.get(r.seq) === r.match!.seq ? 'name_unit' : 'manual',
          replaced: r.stored,
        },
        by,
      })),
    );
    return { year, applied: chosen, values };
  });
}
