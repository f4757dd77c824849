import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { District, PeriodSpan } from '@pm/core';
import type { Database } from '../client';
import { districts, indicators, plans } from '../schema';

export interface DistrictSummary extends District {
  /** The plan shown: of the period asked for, else the latest; null when there is none. */
  planTitle: string | null;
  indicatorCount: number;
  /** Every plan the district has, oldest first, as `${B}-${Y}` baseline and target years. */
  periods: { baselineYear: number; targetYear: number }[];
}

/**
 * Districts in `scope` (all when 'all'), by code, with one plan (that of `period`, else the
 * latest) and its indicator count, and the periods of all their plans.
 */
export async function listDistricts(
  db: Database,
  scope: readonly string[] | 'all' = 'all',
  period?: PeriodSpan | null,
): Promise<DistrictSummary[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const shown = period
    ? and(
        eq(plans.districtId, districts.id),
        eq(plans.baselineYear, period.baselineYear),
        eq(plans.targetYear, period.targetYear),
      )
    : and(
        eq(plans.districtId, districts.id),
        sql`${plans.targetYear} = (select max(p2.target_year) from ${plans} p2 where p2.district_id = ${districts.id})`,
      );
  const rows = await db
    .select({
      code: districts.id,
      name: districts.name,
      city: districts.city,
      province: districts.province,
      planTitle: sql<string | null>`min(${plans.title})`,
      indicatorCount: count(indicators.id),
      periods: sql<{ baselineYear: number; targetYear: number }[]>`coalesce((
        select json_agg(json_build_object('baselineYear', p3.baseline_year, 'targetYear', p3.target_year) order by p3.target_year)
        from ${plans} p3 where p3.district_id = ${districts.id}), '[]'::json)`,
    })
    .from(districts)
    .leftJoin(plans, shown)
    .leftJoin(indicators, eq(indicators.planId, plans.id))
    .where(scope === 'all' ? undefined : inArray(districts.id, [...scope]))
    .groupBy(districts.id)
    .orderBy(asc(districts.id));
  return rows;
}

/** Adds the district or updates its names. */
export async function upsertDistrict(
  db: Pick<Database, 'insert'>,
  district: District,
): Promise<void> {
  const { code, ...names } = district;
  await db
    .insert(districts)
    .values({ id: code, ...names })
    .onConflictDoUpdate({ target: districts.id, set: names });
}
