import { and, eq } from 'drizzle-orm';
import type { PeriodSpan, YearValue } from '@pm/core';
import type { Database } from '../client';
import { indicators, yearlyValues } from '../schema';
import { loadPlan } from './plans';

/** A district's plan (of `period`, default the latest) with its approved yearly values: everything the engine needs. */
export async function loadAssessmentInput(db: Database, code: string, period?: PeriodSpan | null) {
  const plan = await loadPlan(db, code, period);
  if (!plan) return null;
  const rows = await db
    .select({
      seq: indicators.seq,
      year: yearlyValues.year,
      kind: yearlyValues.kind,
      value: yearlyValues.value,
      comparator: yearlyValues.comparator,
      demo: yearlyValues.demo,
    })
    .from(yearlyValues)
    .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
    .where(and(eq(indicators.planId, plan.id), eq(yearlyValues.state, 'approved')));
  const values: YearValue[] = rows.map(({ demo: _demo, ...v }) => v);
  const demo = rows.some((r) => r.demo);
  return { file: plan.file, values, demo };
}
