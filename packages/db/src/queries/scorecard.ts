import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import {
  defaultSettings,
  type Comparator,
  PLAN_FORMAT,
  type Indicator,
  type PeriodSpan,
  type PlanFile,
  type SourcedValue,
  type Target,
  type TargetRevision,
  type ValueState,
} from '@pm/core';
import { arrayLiteral, queryRows, type Database } from '../client';
import { districts, indicators, planRevisions, plans, valueHistory, yearlyValues } from '../schema';
import { VersionCache } from '../version-cache';
import { historyColumns } from './history';
import { toIndicator } from './plans';

/** One district's plan with the approved values an evaluation reads. */
export interface PlanInput {
  planId: number;
  file: PlanFile;
  values: SourcedValue[];
  /** Whether any of the values is an illustrative figure (演示数据). */
  demo: boolean;
}

interface ValueRow {
  plan_id: number;
  seq: number;
  year: number;
  kind: 'actual' | 'assigned_target';
  /** numeric: a string on the wire. */
  value: string | number;
  comparator: Comparator | null;
  source: string | null;
  demo: boolean;
}

/** The subquery of these plan ids. */
const idsOf = (ids: readonly number[]) => sql`(select unnest(${arrayLiteral(ids)}::int[]))`;

const inScope = (scope: readonly string[] | 'all'): SQL | undefined =>
  scope === 'all' ? undefined : inArray(plans.districtId, [...scope]);

/**
 * The plan of each district in scope, as a subquery: that of `period` (a district without one is
 * left out), or without a period the latest.
 */
function scopePlans(db: Database, scope: readonly string[] | 'all', period?: PeriodSpan | null) {
  if (period)
    return db
      .select({ id: plans.id })
      .from(plans)
      .where(
        and(
          inScope(scope),
          eq(plans.baselineYear, period.baselineYear),
          eq(plans.targetYear, period.targetYear),
        ),
      );
  return db
    .selectDistinctOn([plans.districtId], { id: plans.id })
    .from(plans)
    .where(inScope(scope))
    .orderBy(plans.districtId, desc(plans.targetYear));
}

/**
 * The plan of every district in `scope` (of `options.period`, else the latest) with its approved
 * values, in three queries whatever the number of districts. Values after `upTo` (default: each
 * plan's mid-term year) are left out, as an evaluation of that year never reads them.
 */
export function loadPlanInputs(
  db: Database,
  scope: readonly string[] | 'all',
  upTo?: number,
  options: LoadOptions = {},
): Promise<PlanInput[]> {
  if (scope !== 'all' && scope.length === 0) return Promise.resolve([]);
  return loadInputs(db, scopePlans(db, scope, options.period), upTo, options);
}

export interface LoadOptions {
  /**
   * Leave out what only a person reads (the plan's cell texts and sources): `raw` and `source` of
   * every indicator are then empty. For summaries over many districts, where they are half the
   * bytes and never shown.
   */
  lean?: boolean;
  /** The period whose plans to read (default: each district's latest). */
  period?: PeriodSpan | null;
}

const NO_RAW = { baseline: null, target: null, rate: null, attribute: null };
const NO_SOURCE = { document: '', line: null, kind: 'table' as const, quote: null };

interface LeanIndicatorRow {
  plan_id: number;
  seq: number;
  category: string;
  name: string;
  unit: string;
  attribute: 'expected' | 'binding';
  lead_department: string | null;
  target: Target;
  target_revisions: TargetRevision[];
}

type PlanIndicator = Indicator & { planId: number };

/** Parsed lean indicators per plan, reused while the plan row's version (`xmin`) is the same. */
const indicatorCache = new VersionCache<PlanIndicator[]>();

async function cachedIndicators(
  db: Database,
  planVersions: { id: number; version: string }[],
): Promise<PlanIndicator[]> {
  const stale = planVersions.filter((p) => !indicatorCache.get(db, p.id, p.version));
  if (stale.length > 0) {
    const ids = stale.map((p) => p.id);
    const fresh = await selectIndicators(db, idsOf(ids), true);
    const byPlan = new Map<number, PlanIndicator[]>(ids.map((id) => [id, []]));
    for (const ind of fresh) byPlan.get(ind.planId)?.push(ind);
    for (const p of stale) indicatorCache.set(db, p.id, p.version, byPlan.get(p.id) ?? []);
  }
  return planVersions.flatMap((p) => indicatorCache.get(db, p.id, p.version) ?? []);
}

function selectIndicators(
  db: Database,
  planIds: SQLWrapper,
  lean: boolean,
): Promise<PlanIndicator[]> {
  if (!lean) {
    return db
      .select()
      .from(indicators)
      .where(inArray(indicators.planId, planIds))
      .orderBy(asc(indicators.planId), asc(indicators.seq))
      .then((rows) => rows.map((r) => ({ ...toIndicator(r), planId: r.planId })));
  }
  // Raw rows without the jsonb texts: at 3,000 districts drizzle's mapping and the unused JSON cost more than the query.
  return queryRows<LeanIndicatorRow>(
    db,
    sql`select plan_id, seq, category, name, unit, attribute, lead_department, target, target_revisions
      from ${indicators} where ${inArray(indicators.planId, planIds)} order by plan_id, seq`,
  ).then((rows) =>
    rows.map((r) => ({
      planId: r.plan_id,
      seq: r.seq,
      category: r.category,
      name: r.name,
      unit: r.unit,
      attribute: r.attribute,
      leadDepartment: r.lead_department,
      raw: NO_RAW,
      target: r.target,
      revisions: r.target_revisions,
      source: NO_SOURCE,
    })),
  );
}

/** A district in scope, with its latest plan (if any) and what that plan's evaluation depends on. */
export interface DistrictPlanVersion {
  code: string;
  name: string;
  city: string;
  province: string;
  planId: number | null;
  /**
   * Changes whenever anything an evaluation of the plan reads changes: the plan row (`xmin`; every
   * import rewrites it with its indicators) and its approved values (`plan_revisions`, bumped by
   * triggers on every write). Read it before the data it guards, so that a summary cached under it
   * is never older than it.
   */
  version: string | null;
}

/**
 * Every district in `scope` with its plan's id and version (the plan of `period`, else the
 * latest; none when it has no such plan), by code; one cheap query.
 */
export async function listPlanVersions(
  db: Database,
  scope: readonly string[] | 'all',
  period?: PeriodSpan | null,
): Promise<DistrictPlanVersion[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const rows = await queryRows<{
    code: string;
    name: string;
    city: string;
    province: string;
    plan_id: number | null;
    version: string | null;
  }>(
    db,
    sql`select d.id as code, d.name, d.city, d.province, p.id as plan_id,
      p.xmin::text || ':' || coalesce(r.revision, 0) as version
    from ${districts} d
    left join ${plans} p on p.district_id = d.id and p.id in ${scopePlans(db, scope, period)}
    left join ${planRevisions} r on r.plan_id = p.id
    ${scope === 'all' ? sql`` : sql`where d.id in (select unnest(${arrayLiteral(scope)}::text[]))`}
    order by d.id`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    city: r.city,
    province: r.province,
    planId: r.plan_id,
    version: r.version,
  }));
}

/** The plans of these ids with their approved values up to `upTo` (default: each plan's mid-term year). */
export function loadPlanInputsById(
  db: Database,
  planIds: readonly number[],
  upTo?: number,
  options: LoadOptions = {},
): Promise<PlanInput[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return loadInputs(db, idsOf(planIds), upTo, options);
}

/** One plan by its id, with its approved values up to `upTo`. */
export async function loadPlanInput(
  db: Database,
  planId: number,
  upTo: number,
): Promise<PlanInput | null> {
  const ids = db.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
  return (await loadInputs(db, ids, upTo))[0] ?? null;
}

async function loadInputs(
  db: Database,
  planIds: SQLWrapper,
  upTo?: number,
  { lean = false }: LoadOptions = {},
): Promise<PlanInput[]> {
  // Raw rows: drizzle's row mapping costs more than the query at 3,000 districts' values.
  const values = queryRows<ValueRow>(
    db,
    sql`select ${indicators.planId} as plan_id, ${indicators.seq} as seq, ${yearlyValues.year} as year,
      ${yearlyValues.kind} as kind, ${yearlyValues.value} as value,
      ${yearlyValues.comparator} as comparator, ${yearlyValues.source} as source,
      ${yearlyValues.demo} as demo
    from ${yearlyValues}
    join ${indicators} on ${eq(indicators.id, yearlyValues.indicatorId)}
    join ${plans} on ${eq(plans.id, indicators.planId)}
    where ${and(
      inArray(indicators.planId, planIds),
      eq(yearlyValues.state, 'approved'),
      gte(yearlyValues.year, plans.baselineYear),
      lte(yearlyValues.year, upTo ?? plans.midtermYear),
    )}`,
  );
  const headers = db
    .select({ plan: plans, district: districts, version: sql<string>`${plans}.xmin::text` })
    .from(plans)
    .innerJoin(districts, eq(districts.id, plans.districtId))
    .where(inArray(plans.id, planIds))
    .orderBy(asc(plans.districtId))
    .then(async (planRows) => {
      const indicatorRows = lean
        ? await cachedIndicators(
            db,
            planRows.map((r) => ({ id: r.plan.id, version: r.version })),
          )
        : await selectIndicators(db, planIds, false);
      return { planRows, indicatorRows };
    });
  // Both reads run together; either failing fails the load, with no rejection left unawaited.
  const [{ planRows, indicatorRows }, valueRows] = await Promise.all([headers, values]);
  const byPlan = new Map<number, PlanInput>();
  for (const { plan, district } of planRows) {
    byPlan.set(plan.id, {
      planId: plan.id,
      file: {
        format: PLAN_FORMAT,
        district: {
          code: district.id,
          name: district.name,
          city: district.city,
          province: district.province,
        },
        plan: {
          title: plan.title,
          baselineYear: plan.baselineYear,
          midtermYear: plan.midtermYear,
          targetYear: plan.targetYear,
          settings: { ...defaultSettings, ...plan.settings },
        },
        indicators: [],
      },
      values: [],
      demo: false,
    });
  }
  for (const { planId, ...indicator } of indicatorRows) {
    byPlan.get(planId)?.file.indicators.push(indicator);
  }
  for (const r of valueRows) {
    const input = byPlan.get(r.plan_id);
    if (!input) continue;
    const { seq, year, kind, comparator, source, demo } = r;
    input.values.push({ seq, year, kind, value: Number(r.value), comparator, source, demo });
    if (demo) input.demo = true;
  }
  return [...byPlan.values()];
}

/** A stored yearly figure with its state and where it came from, as the indicator page lists it. */
export interface StoredValue {
  year: number;
  kind: 'actual' | 'assigned_target';
  value: number;
  state: ValueState;
  source: string | null;
  note: string | null;
  version: number;
  updatedBy: string;
  updatedAt: Date;
  /** An illustrative figure (演示数据). */
  demo: boolean;
}

/** One change of a yearly figure (value_history). */
export interface ValueChange {
  year: number;
  kind: 'actual' | 'assigned_target';
  version: number;
  oldValue: number | null;
  newValue: number | null;
  oldState: ValueState | null;
  newState: ValueState;
  oldComparator: Comparator | null;
  newComparator: Comparator | null;
  reason: string | null;
  changedBy: string;
  changedAt: Date;
}

/** Every stored figure of one indicator of a plan, in any state, and their history. */
export async function loadIndicatorRecord(
  db: Database,
  planId: number,
  seq: number,
): Promise<{ values: StoredValue[]; history: ValueChange[] }> {
  const ofIndicator = and(eq(indicators.seq, seq), eq(indicators.planId, planId));
  const [values, history] = await Promise.all([
    db
      .select({
        year: yearlyValues.year,
        kind: yearlyValues.kind,
        value: yearlyValues.value,
        state: yearlyValues.state,
        source: yearlyValues.source,
        note: yearlyValues.note,
        version: yearlyValues.version,
        updatedBy: yearlyValues.updatedBy,
        updatedAt: yearlyValues.updatedAt,
        demo: yearlyValues.demo,
      })
      .from(yearlyValues)
      .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
      .where(ofIndicator)
      .orderBy(asc(yearlyValues.year), asc(yearlyValues.kind)),
    db
      .select({ year: yearlyValues.year, kind: yearlyValues.kind, ...historyColumns })
      .from(valueHistory)
      .innerJoin(yearlyValues, eq(yearlyValues.id, valueHistory.valueId))
      .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
      .where(ofIndicator)
      .orderBy(desc(valueHistory.changedAt), desc(valueHistory.id)),
  ]);
  return { values, history };
}
