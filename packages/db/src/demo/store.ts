import { eq } from 'drizzle-orm';
import { DEMO_SOURCE, type YearValue } from '@pm/core';
import type { Database } from '../client';
import { indicators, valueHistory, yearlyValues } from '../schema';
import { loadPlan } from '../queries/plans';

const DEMO_USER = 'demo';

/**
 * Stores illustrative figures for a district's plan as approved values marked `demo` (the only
 * writer of the flag), labelled with source `demo` and note 演示数据.
 */
export async function insertDemoValues(
  db: Database,
  code: string,
  values: readonly YearValue[],
): Promise<number> {
  const plan = await loadPlan(db, code);
  if (!plan || values.length === 0) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: indicators.id, seq: indicators.seq })
      .from(indicators)
      .where(eq(indicators.planId, plan.id));
    const idOf = new Map(rows.map((r) => [r.seq, r.id]));
    const indicatorId = (seq: number) => {
      const id = idOf.get(seq);
      if (id === undefined)
        throw new Error(`demo value for seq ${seq}, which plan ${code} does not have`);
      return id;
    };
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
  const deleted = await db
    .delete(yearlyValues)
    .where(eq(yearlyValues.demo, true))
    .returning({ id: yearlyValues.id });
  return deleted.length;
}
