import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { PeriodSpan, RoundKind, ValueKind, ValueState } from '@pm/core';
import type { Database } from '../client';
import { evaluationRounds, indicators, plans, users, yearlyValues } from '../schema';

/** A figure someone still has to act on: a draft, a submitted one or a returned one. */
export interface OpenFigure {
  district: string;
  planId: number;
  id: number;
  seq: number;
  name: string;
  year: number;
  kind: ValueKind;
  state: Exclude<ValueState, 'approved'>;
  /** The reviewer's comment on a returned figure. */
  reviewComment: string | null;
  updatedBy: string;
  /** The display name of who wrote it last (裕华区填报员), else their user name. */
  updatedByName: string;
  updatedAt: Date;
}

/** A round not yet finalized (进行中). */
export interface OpenRound {
  district: string;
  planId: number;
  id: number;
  year: number;
  kind: RoundKind;
  openedBy: string;
  openedAt: Date;
}

const OPEN_STATES = ['draft', 'submitted', 'returned'] as const;

/** The plans of `period` in `scope`. */
function ofPeriod(scope: readonly string[] | 'all', period: PeriodSpan): SQL | undefined {
  return and(
    scope === 'all' ? undefined : inArray(plans.districtId, [...scope]),
    eq(plans.baselineYear, period.baselineYear),
    eq(plans.targetYear, period.targetYear),
  );
}

/**
 * The drafts, submitted and returned figures of the plans of `period` in `scope` (those of
 * `states` when given), by district, seq, year and kind: one query whatever the scope.
 */
export async function listOpenFigures(
  db: Database,
  scope: readonly string[] | 'all',
  period: PeriodSpan,
  states: readonly OpenFigure['state'][] = OPEN_STATES,
): Promise<OpenFigure[]> {
  if ((scope !== 'all' && scope.length === 0) || states.length === 0) return [];
  const rows = await db
    .select({
      district: plans.districtId,
      planId: plans.id,
      id: yearlyValues.id,
      seq: indicators.seq,
      name: indicators.name,
      year: yearlyValues.year,
      kind: yearlyValues.kind,
      state: yearlyValues.state,
      reviewComment: yearlyValues.reviewComment,
      updatedBy: yearlyValues.updatedBy,
      updatedByName: sql<string>`coalesce(${users.displayName}, ${yearlyValues.updatedBy})`,
      updatedAt: yearlyValues.updatedAt,
    })
    .from(yearlyValues)
    .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
    .innerJoin(plans, eq(plans.id, indicators.planId))
    .leftJoin(users, eq(users.username, yearlyValues.updatedBy))
    .where(and(ofPeriod(scope, period), inArray(yearlyValues.state, [...states])))
    .orderBy(
      asc(plans.districtId),
      asc(indicators.seq),
      asc(yearlyValues.year),
      asc(yearlyValues.kind),
    );
  return rows.map((r) => ({ ...r, state: r.state as OpenFigure['state'] }));
}

/** The rounds not yet finalized of the plans of `period` in `scope`, newest first. */
export async function listOpenRounds(
  db: Database,
  scope: readonly string[] | 'all',
  period: PeriodSpan,
): Promise<OpenRound[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  return db
    .select({
      district: plans.districtId,
      planId: plans.id,
      id: evaluationRounds.id,
      year: evaluationRounds.year,
      kind: evaluationRounds.kind,
      openedBy: evaluationRounds.openedBy,
      openedAt: evaluationRounds.openedAt,
    })
    .from(evaluationRounds)
    .innerJoin(plans, eq(plans.id, evaluationRounds.planId))
    .where(and(ofPeriod(scope, period), ne(evaluationRounds.status, 'finalized')))
    .orderBy(desc(evaluationRounds.openedAt), desc(evaluationRounds.id));
}
