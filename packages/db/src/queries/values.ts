import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  mayRemove,
  reviewChanges,
  reviewTransition,
  type ChangeProblem,
  type PlanFile,
  type StoredValue,
  type TransitionProblem,
  type TransitionTarget,
  type ValueAction,
  type ValueChange,
  type ValueState,
  type ValueWrite,
} from '@pm/core';
import type { Database } from '../client';
import { indicators, plans, valueHistory, yearlyValues } from '../schema';
import { loadPlan } from './plans';
import { historyColumns } from './history';

/** What keeps a value change or review action from happening; nothing was changed. */
export type ValueProblem =
  ChangeProblem | TransitionProblem | { id: number; code: 'not_removable'; state: ValueState };

export class ValueError extends Error {
  constructor(readonly problems: ValueProblem[]) {
    super(`value change refused: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'ValueError';
  }
}

/** One change of a value: who, when, from what to what, and why. Append-only. */
export interface HistoryEntry {
  version: number;
  oldValue: number | null;
  newValue: number | null;
  oldState: ValueState | null;
  newState: ValueState;
  reason: string | null;
  changedBy: string;
  /** ISO 8601. */
  changedAt: string;
}

type Tx = Database;

const columns = {
  id: yearlyValues.id,
  seq: indicators.seq,
  year: yearlyValues.year,
  kind: yearlyValues.kind,
  value: yearlyValues.value,
  comparator: yearlyValues.comparator,
  state: yearlyValues.state,
  note: yearlyValues.note,
  source: yearlyValues.source,
  reviewComment: yearlyValues.reviewComment,
  version: yearlyValues.version,
  updatedBy: yearlyValues.updatedBy,
  updatedAt: yearlyValues.updatedAt,
};

type Row = Omit<StoredValue, 'updatedAt'> & { updatedAt: Date | string };

const toStored = ({ updatedAt, ...row }: Row): StoredValue => ({
  ...row,
  updatedAt: new Date(updatedAt).toISOString(),
});

function selectValues(db: Database, planId: number, years?: readonly number[]) {
  return db
    .select(columns)
    .from(yearlyValues)
    .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
    .where(
      and(
        eq(indicators.planId, planId),
        years ? inArray(yearlyValues.year, [...years]) : undefined,
      ),
    )
    .orderBy(asc(indicators.seq), asc(yearlyValues.year), asc(yearlyValues.kind));
}

/** A district's latest plan with its stored values (every state), of `years` or all. */
export async function loadValues(
  db: Database,
  code: string,
  years?: readonly number[],
): Promise<{ planId: number; file: PlanFile; values: StoredValue[] } | null> {
  const plan = await loadPlan(db, code);
  if (!plan) return null;
  const rows = await selectValues(db, plan.id, years);
  return { planId: plan.id, file: plan.file, values: rows.map(toStored) };
}

/**
 * Checks `changes` against the stored values (core's `reviewChanges`) and writes them with their
 * history rows, all in one transaction; any problem throws `ValueError` and changes nothing.
 * Returns the written values, or null when the district has no plan.
 */
export async function saveValues(
  db: Database,
  code: string,
  changes: readonly ValueChange[],
  by: string,
): Promise<StoredValue[] | null> {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx as unknown as Database, code);
    if (!plan) return null;
    const stored = (await lockValues(tx as unknown as Database, plan.id)).map(toStored);
    const { writes, problems } = reviewChanges(plan.file, stored, changes);
    if (problems.length > 0) throw new ValueError(problems);
    const idOf = await indicatorIds(tx as unknown as Database, plan.id);
    const out: StoredValue[] = [];
    for (const write of writes)
      out.push(await writeValue(tx as unknown as Database, idOf, write, by));
    return out;
  });
}

/** A refused import: the problems of every district, each with the index of its change. */
export class ValueImportError extends Error {
  constructor(readonly problems: { district: string; problem: ValueProblem }[]) {
    super(`value import refused: ${problems.length} problem(s)`);
    this.name = 'ValueImportError';
  }
}

/**
 * Saves the changes of several districts in one transaction, or nothing: every district's
 * problems are collected before anything is kept. Returns how many figures were written per
 * district.
 */
export async function importValues(
  db: Database,
  changes: ReadonlyMap<string, readonly ValueChange[]>,
  by: string,
): Promise<Map<string, number>> {
  const written = new Map<string, number>();
  const problems: { district: string; problem: ValueProblem }[] = [];
  await db.transaction(async (tx) => {
    for (const [district, list] of changes) {
      const saved = await saveValues(tx as unknown as Database, district, list, by).catch(
        (error: unknown) => {
          if (!(error instanceof ValueError)) throw error;
          problems.push(...error.problems.map((problem) => ({ district, problem })));
          return [];
        },
      );
      if (saved === null) throw new Error(`no plan for district ${district}`);
      written.set(district, saved.length);
    }
    if (problems.length > 0) throw new ValueImportError(problems);
  });
  return written;
}

/** Every value of the plan, locked until the transaction ends, so checks and writes agree. */
function lockValues(tx: Tx, planId: number) {
  return selectValues(tx, planId).for('update', { of: yearlyValues });
}

async function indicatorIds(tx: Tx, planId: number): Promise<Map<number, number>> {
  const rows = await tx
    .select({ id: indicators.id, seq: indicators.seq })
    .from(indicators)
    .where(eq(indicators.planId, planId));
  return new Map(rows.map((r) => [r.seq, r.id]));
}

async function writeValue(
  tx: Tx,
  idOf: ReadonlyMap<number, number>,
  write: ValueWrite,
  by: string,
): Promise<StoredValue> {
  const fields = {
    value: write.value,
    state: write.state,
    source: write.source,
    note: write.note,
    updatedBy: by,
    updatedAt: sql`now()`,
  };
  const was = write.current;
  const [row] = was
    ? await tx
        .update(yearlyValues)
        .set({ ...fields, version: sql`${yearlyValues.version} + 1` })
        .where(and(eq(yearlyValues.id, was.id), eq(yearlyValues.version, was.version)))
        .returning({ id: yearlyValues.id, version: yearlyValues.version })
    : await tx
        .insert(yearlyValues)
        .values({
          ...fields,
          indicatorId: idOf.get(write.seq)!,
          year: write.year,
          kind: write.kind,
        })
        .onConflictDoNothing()
        .returning({ id: yearlyValues.id, version: yearlyValues.version });
  if (!row) {
    // Someone else wrote this figure between our check and our write: show them theirs.
    const [now] = await tx
      .select(columns)
      .from(yearlyValues)
      .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
      .where(
        and(
          eq(yearlyValues.indicatorId, idOf.get(write.seq)!),
          eq(yearlyValues.year, write.year),
          eq(yearlyValues.kind, write.kind),
        ),
      );
    throw new ValueError([
      { index: write.index, code: 'stale', current: now ? toStored(now) : null },
    ]);
  }
  await tx.insert(valueHistory).values({
    valueId: row.id,
    version: row.version,
    oldValue: was?.value ?? null,
    newValue: write.value,
    oldState: was?.state ?? null,
    newState: write.state,
    reason: write.reason,
    changedBy: by,
  });
  return (await valueById(tx, row.id))!;
}

async function valueById(db: Database, id: number): Promise<StoredValue | null> {
  const [row] = await db
    .select(columns)
    .from(yearlyValues)
    .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
    .where(eq(yearlyValues.id, id));
  return row ? toStored(row) : null;
}

/**
 * Submits, approves, returns or reopens the values of a year or the listed cells, each with a
 * history row, in one transaction. `comment` is the reason of a return or reopen. Returns the
 * values moved, or null when the district has no plan.
 */
export async function transitionValues(
  db: Database,
  code: string,
  action: Exclude<ValueAction, 'save'>,
  target: TransitionTarget,
  by: string,
  comment: string | null = null,
): Promise<StoredValue[] | null> {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx as unknown as Database, code);
    if (!plan) return null;
    const stored = (await lockValues(tx as unknown as Database, plan.id)).map(toStored);
    const { moves, problems } = reviewTransition(action, stored, target);
    if (problems.length > 0) throw new ValueError(problems);
    const reviewComment = action === 'approve' ? null : comment;
    const out: StoredValue[] = [];
    for (const { value, state } of moves) {
      const [row] = await tx
        .update(yearlyValues)
        .set({
          state,
          ...(action === 'submit' ? {} : { reviewComment }),
          version: sql`${yearlyValues.version} + 1`,
          updatedBy: by,
          updatedAt: sql`now()`,
        })
        .where(and(eq(yearlyValues.id, value.id), eq(yearlyValues.version, value.version)))
        .returning({ id: yearlyValues.id, version: yearlyValues.version });
      if (!row) throw new ValueError([{ id: value.id, code: 'stale', current: value }]);
      await tx.insert(valueHistory).values({
        valueId: row.id,
        version: row.version,
        oldValue: value.value,
        newValue: value.value,
        oldState: value.state,
        newState: state,
        reason: comment,
        changedBy: by,
      });
      out.push((await valueById(tx as unknown as Database, row.id))!);
    }
    return out;
  });
}

/**
 * Takes back a draft nobody saw submitted (a figure typed into the wrong row). Its history goes
 * with it: value_history rows are deleted with their value.
 */
export async function removeValue(
  db: Database,
  code: string,
  cell: { id: number; version: number },
): Promise<boolean | null> {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx as unknown as Database, code);
    if (!plan) return null;
    const [value] = (await lockValues(tx as unknown as Database, plan.id))
      .map(toStored)
      .filter((v) => v.id === cell.id);
    if (!value) throw new ValueError([{ id: cell.id, code: 'not_found' }]);
    if (value.version !== cell.version)
      throw new ValueError([{ id: cell.id, code: 'stale', current: value }]);
    const [submitted] = await tx
      .select({ id: valueHistory.id })
      .from(valueHistory)
      .where(and(eq(valueHistory.valueId, value.id), eq(valueHistory.newState, 'submitted')))
      .limit(1);
    if (!mayRemove(value.state, submitted !== undefined))
      throw new ValueError([{ id: value.id, code: 'not_removable', state: value.state }]);
    await tx.delete(yearlyValues).where(eq(yearlyValues.id, value.id));
    return true;
  });
}

/** The history of a value of the district's plan, newest first; null when there is no such value. */
export async function loadHistory(
  db: Database,
  code: string,
  id: number,
): Promise<{ value: StoredValue; entries: HistoryEntry[] } | null> {
  const [row] = await db
    .select(columns)
    .from(yearlyValues)
    .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
    .innerJoin(plans, eq(plans.id, indicators.planId))
    .where(and(eq(yearlyValues.id, id), eq(plans.districtId, code)));
  if (!row) return null;
  const entries = await db
    .select(historyColumns)
    .from(valueHistory)
    .where(eq(valueHistory.valueId, id))
    .orderBy(desc(valueHistory.version), desc(valueHistory.id));
  return {
    value: toStored(row),
    entries: entries.map((e) => ({ ...e, changedAt: new Date(e.changedAt).toISOString() })),
  };
}
