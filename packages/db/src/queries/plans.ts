import { and, asc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  PLAN_FORMAT,
  planFileSchema,
  type Indicator,
  type PeriodSpan,
  type PlanFile,
  type TargetRevision,
} from '@pm/core';
import type { Database } from '../client';
import { districts, indicators, planEvents, plans, valueDeletions, yearlyValues } from '../schema';
import { upsertDistrict } from './districts';
import { refreshSummaries } from './summaries';

/** A plan import that would lose stored data, or that names something that does not exist. */
export class PlanImportError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'PlanImportError';
  }
}

export interface ImportResult {
  district: string;
  planId: number;
  created: boolean;
  added: number;
  updated: number;
  removed: number;
}

/**
 * Stores a validated plan file in one transaction: the district, the plan of its period, and its
 * indicators matched by `seq`. An indicator that already has yearly values is never removed: the
 * import fails and nothing changes.
 */
export async function importPlan(db: Database, file: PlanFile): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    await upsertDistrict(tx, file.district);
    const header = {
      districtId: file.district.code,
      title: file.plan.title,
      baselineYear: file.plan.baselineYear,
      midtermYear: file.plan.midtermYear,
      targetYear: file.plan.targetYear,
      settings: file.plan.settings,
    };
    const [existing] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(
        and(
          eq(plans.districtId, header.districtId),
          eq(plans.baselineYear, header.baselineYear),
          eq(plans.targetYear, header.targetYear),
        ),
      );
    let planId: number;
    if (existing) {
      planId = existing.id;
      await tx.update(plans).set(header).where(eq(plans.id, planId));
    } else {
      const [row] = await tx.insert(plans).values(header).returning({ id: plans.id });
      if (!row) throw new Error('plan insert returned nothing');
      planId = row.id;
    }

    const stored = await tx
      .select({
        id: indicators.id,
        seq: indicators.seq,
        revisions: indicators.targetRevisions,
        leadDepartment: indicators.leadDepartment,
      })
      .from(indicators)
      .where(eq(indicators.planId, planId));
    const bySeq = new Map(stored.map((r) => [r.seq, r.id]));
    const revisionsBySeq = new Map(stored.map((r) => [r.seq, r.revisions]));
    const departmentBySeq = new Map(stored.map((r) => [r.seq, r.leadDepartment]));
    const replacedBySeq = await replacedDepartments(tx, planId);
    const incoming = new Set(file.indicators.map((i) => i.seq));
    const gone = stored.filter((r) => !incoming.has(r.seq));
    if (gone.length > 0) {
      const goneIds = gone.map((r) => r.id);
      // Removed figures' records count too: the audit of a withdrawn draft outlives it.
      const used = await tx
        .selectDistinct({ seq: indicators.seq })
        .from(indicators)
        .where(
          and(
            inArray(indicators.id, goneIds),
            or(
              exists(
                tx
                  .select({ one: sql`1` })
                  .from(yearlyValues)
                  .where(eq(yearlyValues.indicatorId, indicators.id)),
              ),
              exists(
                tx
                  .select({ one: sql`1` })
                  .from(valueDeletions)
                  .where(eq(valueDeletions.indicatorId, indicators.id)),
              ),
            ),
          ),
        );
      if (used.length > 0) {
        const seqs = used.map((r) => r.seq).sort((a, b) => a - b);
        throw new PlanImportError(
          `indicator${seqs.length > 1 ? 's' : ''} ${seqs.join(', ')} of ${file.district.code} ${seqs.length > 1 ? 'have' : 'has'} yearly values (or records of removed ones) and cannot be removed by an import`,
          'indicators',
        );
      }
      await tx.delete(indicators).where(
        inArray(
          indicators.id,
          gone.map((r) => r.id),
        ),
      );
    }

    let added = 0;
    let updated = 0;
    for (const ind of file.indicators) {
      // A revision made in the app (动态调整) is never lost to a file that lacks it.
      // So is a 牵头单位 named in the app since the file was written.
      const row = indicatorRow(planId, {
        ...ind,
        revisions: keptRevisions(revisionsBySeq.get(ind.seq) ?? [], ind.revisions),
        leadDepartment: keptLeadDepartment(
          departmentBySeq.get(ind.seq) ?? null,
          ind.leadDepartment,
          replacedBySeq.get(ind.seq) ?? new Set(),
        ),
      });
      const id = bySeq.get(ind.seq);
      if (id === undefined) {
        await tx.insert(indicators).values(row);
        added++;
      } else {
        await tx.update(indicators).set(row).where(eq(indicators.id, id));
        updated++;
      }
    }
    await refreshSummaries(tx as unknown as Database, [planId]);
    return {
      district: file.district.code,
      planId,
      created: !existing,
      added,
      updated,
      removed: gone.length,
    };
  });
}

/** JSON with keys sorted: jsonb keeps its own key order. */
const canonical = (v: unknown): string =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : Array.isArray(v)
      ? `[${v.map(canonical).join(',')}]`
      : JSON.stringify(v ?? null);

const sameRevision = (a: TargetRevision, b: TargetRevision) =>
  a.fromYear === b.fromYear &&
  a.document === b.document &&
  a.reason === b.reason &&
  (a.text ?? null) === (b.text ?? null) &&
  canonical(a.target) === canonical(b.target);

/**
 * The revisions an imported indicator keeps: the file's, and every stored one the file lacks
 * (an import of an older file must not undo a 动态调整), oldest year first, in the order they
 * were made within a year.
 */
export function keptRevisions(
  stored: readonly TargetRevision[],
  incoming: readonly TargetRevision[],
): TargetRevision[] {
  const missing = stored.filter((r) => !incoming.some((i) => sameRevision(i, r)));
  if (missing.length === 0) return [...incoming];
  const at = (r: TargetRevision) => r.revisedAt ?? '';
  return [...incoming, ...missing].sort(
    (a, b) => a.fromYear - b.fromYear || at(a).localeCompare(at(b)),
  );
}

/**
 * The 牵头单位 an imported indicator keeps. A file naming none keeps the stored one; a file naming
 * one that a department set in the app replaced is older than that change, which it must not undo
 * (as an import keeps revisions); any other named department is the file's.
 */
export function keptLeadDepartment(
  stored: string | null,
  incoming: string | null,
  replaced: ReadonlySet<string>,
): string | null {
  if (incoming === null) return stored;
  if (stored !== null && incoming !== stored && replaced.has(incoming)) return stored;
  return incoming;
}

/** By indicator, the departments a `lead_department_set` event of the plan replaced. */
async function replacedDepartments(
  tx: Pick<Database, 'select'>,
  planId: number,
): Promise<Map<number, Set<string>>> {
  const events = await tx
    .select({ seq: planEvents.seq, detail: planEvents.detail })
    .from(planEvents)
    .where(and(eq(planEvents.planId, planId), eq(planEvents.kind, 'lead_department_set')));
  const bySeq = new Map<number, Set<string>>();
  for (const e of events) {
    const before = e.detail.before;
    if (e.seq === null || typeof before !== 'string') continue;
    bySeq.set(e.seq, (bySeq.get(e.seq) ?? new Set()).add(before));
  }
  return bySeq;
}

/** A stored indicator row as the domain's Indicator. */
export function toIndicator(
  row: Omit<typeof indicators.$inferSelect, 'id' | 'planId' | 'form'>,
): Indicator {
  return {
    seq: row.seq,
    category: row.category,
    name: row.name,
    unit: row.unit,
    attribute: row.attribute,
    leadDepartment: row.leadDepartment,
    raw: row.raw,
    target: row.target,
    revisions: row.targetRevisions,
    source: row.source,
  };
}

function indicatorRow(planId: number, ind: Indicator) {
  return {
    planId,
    seq: ind.seq,
    category: ind.category,
    name: ind.name,
    unit: ind.unit,
    attribute: ind.attribute,
    leadDepartment: ind.leadDepartment,
    raw: ind.raw,
    target: ind.target,
    targetRevisions: ind.revisions,
    form: ind.target.form,
    source: ind.source,
  };
}

/** The district's plan of `period` (default: the latest) in the interchange format, or null. */
export async function exportPlan(
  db: Database,
  code: string,
  period?: PeriodSpan | null,
): Promise<PlanFile | null> {
  return (await loadPlan(db, code, period))?.file ?? null;
}

/** The district's plan of `period` (default: the latest) with its row id. */
export async function loadPlan(
  db: Database,
  code: string,
  period?: PeriodSpan | null,
): Promise<{ id: number; file: PlanFile } | null> {
  const plan = await loadPlanWhere(
    db,
    and(
      eq(plans.districtId, code),
      period ? eq(plans.baselineYear, period.baselineYear) : undefined,
      period ? eq(plans.targetYear, period.targetYear) : undefined,
    ) as SQL,
  );
  return plan && { id: plan.id, file: plan.file };
}

/** A plan by its row id, with its indicators' row ids by seq. */
export function loadPlanById(db: Database, id: number): Promise<LoadedPlan | null> {
  return loadPlanWhere(db, eq(plans.id, id));
}

interface LoadedPlan {
  id: number;
  file: PlanFile;
  /** Indicator row id by seq. */
  indicatorIds: Map<number, number>;
}

async function loadPlanWhere(db: Database, where: SQL): Promise<LoadedPlan | null> {
  const [row] = await db
    .select({ plan: plans, district: districts })
    .from(plans)
    .innerJoin(districts, eq(districts.id, plans.districtId))
    .where(where)
    .orderBy(sql`${plans.targetYear} desc`)
    .limit(1);
  if (!row) return null;
  const list = await db
    .select()
    .from(indicators)
    .where(eq(indicators.planId, row.plan.id))
    .orderBy(asc(indicators.seq));
  // Parsing puts every key in the schema's order, whatever order jsonb kept them in.
  const file = planFileSchema.parse({
    format: PLAN_FORMAT,
    district: {
      code: row.district.id,
      name: row.district.name,
      city: row.district.city,
      province: row.district.province,
    },
    plan: {
      title: row.plan.title,
      baselineYear: row.plan.baselineYear,
      midtermYear: row.plan.midtermYear,
      targetYear: row.plan.targetYear,
      settings: row.plan.settings,
    },
    indicators: list.map(toIndicator),
  });
  return { id: row.plan.id, file, indicatorIds: new Map(list.map((i) => [i.seq, i.id])) };
}
