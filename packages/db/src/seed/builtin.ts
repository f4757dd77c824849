import { planFileSchema, reportingYearAt, type PlanFile } from '@pm/core';
import { count } from 'drizzle-orm';
import type { Database } from '../client';
import { districts } from '../schema';
import { importPlan } from '../queries/plans';
import { seedDemoValues } from '../demo/store';
import yuhua from './plans/130108.json';
import qiaoxi from './plans/130104.json';
import hebei from './plans/120105.json';
import weibin from './plans/410703.json';
import xinhua from './plans/410402.json';

/** The five district plans the product ships with, validated. */
export function builtInPlans(): PlanFile[] {
  return [yuhua, qiaoxi, hebei, weibin, xinhua].map((json) => planFileSchema.parse(json));
}

export interface SeedResult {
  plans: number;
  demoValues: number;
}

/**
 * Fills an empty database with the built-in plans and their illustrative figures up to the
 * reporting year, all or nothing. A database that has any district already is left alone.
 */
export async function seedBuiltIn(
  db: Database,
  reportingYear: number = reportingYearAt(new Date()),
): Promise<SeedResult | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ n: count() }).from(districts);
    if ((row?.n ?? 0) > 0) return null;
    const plans = builtInPlans();
    let demo = 0;
    for (const file of plans) {
      await importPlan(tx as unknown as Database, file);
      demo += await seedDemoValues(tx as unknown as Database, file.district.code, reportingYear);
    }
    return { plans: plans.length, demoValues: demo };
  });
}
