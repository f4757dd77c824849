import { asc, eq, inArray } from 'drizzle-orm';
import { DEMO_SOURCE, reportingYearAt, type YearValue } from '@pm/core';
import type { Database } from '../client';
import { indicators, plans, valueHistory, yearlyValues } from '../schema';
import { loadPlanById } from '../queries/plans';
import { refreshSummaries } from '../queries/summaries';
import { demoValues } from './generate';

const DEMO_USER = 'demo';

/**
 * Stores illustrative figures for every plan of the district whose years have started by the
 * reporting year (B < reportingYear), for its years up to the reporting year and never after:
 * a 15th plan beside the 14th gets the figures of its first years only once they are reported.
 * A year that has a figure already keeps it. Returns how many figures were stored.
 */
export async function seedDemoValues(
  db: Database,
  code: string,
  reportingYear: number = reportingYearAt(new Date()),
): Promise<number> {
  const ids = await db
    .select({ id: plans.id })
    .from(plans)
    .where(eq(plans.districtId, code))
    .orderBy(asc(plans.baselineYear));
  let stored = 0;
  for (const { id } of ids) {
    const plan = await loadPlanById(db, id);
    if (!plan || plan.file.plan.baselineYear >= reportingYear) continue;
    stored += await insertDemoValues(db, plan, demoValues(plan.file, reportingYear));
  }
  return stored;
}

/**
 * Stores illustrative figures for one plan as approved values marked `demo` (the only writer of
 * the flag), labelled with source `demo` and note 演示数据.
 */
export async function insertDemoValues(
  db: Database,
  plan: { id: number; indicatorIds: ReadonlyMap<number, number> },
  values: readonly YearValue[],
): Promise<number> {
  if (values.length === 0) return 0;
  const indicatorId = (seq: number) => {
    const id = plan.indicatorIds.get(seq);
    if (id === undefined)
      throw new Error(`demo value for seq ${seq}, which plan ${plan.id} does not have`);
    return id;
  };
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(yearlyValues)
      .values(
        values.map((v) => ({
          indicatorId: indicatorId(v.seq),
          year: v.year,
          kind: v.kind,
          value: v.value,
          comparator: v.comparator ?? null,
          state: 'approved' as const,
          source: DEMO_SOURCE,
          note: '演示数据',
          updatedBy: DEMO_USER,
          demo: true,
        })),
      )
      .onConflictDoNothing()
      .returning({
        id: yearlyValues.id,
        value: yearlyValues.value,
        comparator: yearlyValues.comparator,
      });
    if (inserted.length > 0) {
      await tx.insert(valueHistory).values(
        inserted.map((r) => ({
          valueId: r.id,
          version: 1,
          newValue: r.value,
          newState: 'approved' as const,
          newComparator: r.comparator,
          reason: 'demo',
          changedBy: DEMO_USER,
        })),
      );
      await refreshSummaries(tx as unknown as Database, [plan.id]);
    }
    return inserted.length;
  });
}

/**
 * Removes every illustrative figure (and its history): those `demo` marks, whatever their source
 * text; real figures are untouched. No deletion record is kept: the seed's figures were never
 * anyone's, and `demo seed` can store them again.
 */
export async function clearDemoValues(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(yearlyValues)
      .where(eq(yearlyValues.demo, true))
      .returning({ indicatorId: yearlyValues.indicatorId });
    if (deleted.length === 0) return 0;
    const touched = await tx
      .selectDistinct({ planId: indicators.planId })
      .from(indicators)
      .where(inArray(indicators.id, [...new Set(deleted.map((d) => d.indicatorId))]));
    await refreshSummaries(
      tx as unknown as Database,
      touched.map((t) => t.planId),
    );
    return deleted.length;
  });
}
