import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { District } from '@pm/core';
import type { Database } from '../client';
import { districts, indicators, plans } from '../schema';

export interface DistrictSummary extends District {
  planTitle: string | null;
  indicatorCount: number;
}

/** Districts in `scope` (all when 'all'), by code, with their plan and its indicator count. */
export async function listDistricts(
  db: Database,
  scope: readonly string[] | 'all' = 'all',
): Promise<DistrictSummary[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const rows = await db
    .select({
      code: districts.id,
      name: districts.name,
      city: districts.city,
      province: districts.province,
      planTitle: sql<string | null>`min(${plans.title})`,
      indicatorCount: count(indicators.id),
    })
    .from(districts)
    .leftJoin(plans, eq(plans.districtId, districts.id))
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
