import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { PeriodSpan } from '@pm/core';
import type { Database } from '../client';
import { NamedStatement } from '../named-statement';
import { indicators, plans } from '../schema';

/** One of a district's plans, without its indicators. */
export interface DistrictPlan {
  id: number;
  districtId: string;
  title: string;
  baselineYear: number;
  midtermYear: number;
  targetYear: number;
  /** How many indicators it has. */
  indicators: number;
}

const planColumns = {
  id: plans.id,
  districtId: plans.districtId,
  title: plans.title,
  baselineYear: plans.baselineYear,
  midtermYear: plans.midtermYear,
  targetYear: plans.targetYear,
};

/** Every plan of the district, oldest period first. */
export async function listDistrictPlans(db: Database, code: string): Promise<DistrictPlan[]> {
  return districtPlansStatement.execute(db, { code });
}

const districtPlanColumns = { ...planColumns, indicators: count(indicators.id) };

/** Run on every request about a district (its plan is chosen from them): built once, run by name. */
const districtPlansStatement = new NamedStatement<DistrictPlan>(
  'pm_district_plans',
  districtPlanColumns,
  (db) =>
    db
      .select(districtPlanColumns)
      .from(plans)
      .leftJoin(indicators, eq(indicators.planId, plans.id))
      .where(eq(plans.districtId, sql.placeholder('code')))
      .groupBy(plans.id)
      .orderBy(asc(plans.targetYear), asc(plans.baselineYear)),
);

/** A plan of the district by its id, or null when the id is another district's. */
export async function findDistrictPlan(
  db: Database,
  code: string,
  planId: number,
): Promise<DistrictPlan | null> {
  const list = await listDistrictPlans(db, code);
  return list.find((p) => p.id === planId) ?? null;
}

/** A period some district in scope has a plan of, with how many districts do. */
export interface ScopePeriod extends PeriodSpan {
  midtermYear: number;
  districts: number;
}

/** The periods of the plans in `scope`, oldest first: what the league's period switcher offers. */
export async function listPeriods(
  db: Database,
  scope: readonly string[] | 'all',
): Promise<ScopePeriod[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const rows = await db
    .select({
      baselineYear: plans.baselineYear,
      targetYear: plans.targetYear,
      midtermYear: sql<number>`min(${plans.midtermYear})`.mapWith(Number),
      districts: count(plans.districtId),
    })
    .from(plans)
    .where(scope === 'all' ? undefined : inArray(plans.districtId, [...scope]))
    .groupBy(plans.baselineYear, plans.targetYear)
    .orderBy(asc(plans.targetYear), asc(plans.baselineYear));
  return rows;
}
