import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  mayRemove,
  reviewChanges,
  reviewTransition,
  type ChangePlan,
  type ChangeProblem,
  type Comparator,
  type PlanFile,
  type StoredValue,
  type TransitionProblem,
  type TransitionTarget,
  type ValueAction,
  type ValueChange,
  type ValueKind,
  type ValueState,
  type ValueWrite,
} from '@pm/core';
import type { Database } from '../client';
import {
  indicators,
  plans,
  valueDeletions,
  valueHistory,
  valueStateEnum,
  yearlyValues,
  type RemovedHistoryRow,
} from '../schema';
import { NamedStatement } from '../named-statement';
import { VersionCache } from '../version-cache';
import { loadPlan, loadPlanById } from './plans';
import { historyColumns } from './history';
import { refreshSummaries } from './summaries';

/** What keeps a value change or review action from happening; nothing was changed. */
export type ValueProblem =
  ChangeProblem | TransitionProblem | { id: number; code: 'not_removable'; state: ValueState };

export class ValueError extends Error {
  constructor(readonly problems: ValueProblem[]) {
    super(`value change refused: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'ValueError';
  }
}

/**
 * A review action on listed cells refused as a whole: some are no longer at the version the
 * person was shown (changed since), gone, or cannot take the action. Nothing was moved.
 */
export class ChangedSinceError extends ValueError {
  declare readonly problems: TransitionProblem[];
  constructor(problems: TransitionProblem[]) {
    super(problems);
    this.name = 'ChangedSinceError';
  }
}

/** One change of a value: who, when, from what to what, and why. Append-only. */
export interface HistoryEntry {
  version: number;
  oldValue: number | null;
  newValue: number | null;
  oldState: ValueState | null;
  newState: ValueState;
  /** An assigned target's comparator before and after; null is the plan's (and every actual's). */
  oldComparator: Comparator | null;
  newComparator: Comparator | null;
  reason: string | null;
  changedBy: string;
  /** ISO 8601. */
  changedAt: string;
}

type Tx = Database;

/** The stored figure's own columns; with its indicator's seq, a StoredValue. */
const valueColumns = {
  id: yearlyValues.id,
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
  demo: yearlyValues.demo,
};

const columns = { ...valueColumns, seq: indicators.seq };

type Row = Omit<StoredValue, 'updatedAt'> & { updatedAt: Date | string };

const toStored = ({ updatedAt, ...row }: Row): StoredValue => ({
  ...row,
  updatedAt: new Date(updatedAt).toISOString(),
});

/** Stored figures with their indicator's seq, in seq, year and kind order. */
function selectValues(db: Database, where: SQL | undefined) {
  return db
    .select(columns)
    .from(yearlyValues)
    .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
    .where(where)
    .orderBy(asc(indicators.seq), asc(yearlyValues.year), asc(yearlyValues.kind));
}

/** A plan (default: the district's latest) with its stored values (every state), of `years` or all. */
export async function loadValues(
  db: Database,
  key: PlanKey,
  years?: readonly number[],
): Promise<{ planId: number; file: PlanFile; values: StoredValue[] } | null> {
  const plan =
    typeof key === 'string' ? await loadPlan(db, key) : await loadPlanById(db, key.planId);
  if (!plan || (typeof key !== 'string' && plan.file.district.code !== key.code)) return null;
  const rows = await selectValues(
    db,
    and(eq(indicators.planId, plan.id), years ? inArray(yearlyValues.year, [...years]) : undefined),
  );
  return { planId: plan.id, file: plan.file, values: rows.map(toStored) };
}

/**
 * Checks `changes` against the stored values (core's `reviewChanges`) and writes them with their
 * history rows, all in one transaction; any problem throws `ValueError` and changes nothing.
 * Returns the written values, or null when the district has no plan.
 */
export async function saveValues(
  db: Database,
  plan: PlanKey,
  changes: readonly ValueChange[],
  by: string,
): Promise<StoredValue[] | null> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Database;
    // Checks read only the figures of the indicators changed (a figure is compared with its own
    // previous year), so only those are locked: saves of other indicators do not wait.
    const seqs = [...new Set(changes.map((c) => c.seq))];
    const locked = await lockChanged(tx, plan, seqs);
    if (!locked) return null;
    const target = await planForChanges(db, tx, locked.header);
    const stored = locked.values.map(toStored);
    const { writes, problems } = reviewChanges(target.file, stored, changes);
    if (problems.length > 0) throw new ValueError(problems);
    const out: StoredValue[] = [];
    for (const write of writes) out.push(await writeValue(tx, target.indicatorIds, write, by));
    // A save that replaced an approved figure (or an import that approves) changes the league.
    if (writes.some((w, i) => w.current?.state === 'approved' || out[i]?.state === 'approved'))
      await refreshSummaries(tx, [locked.header.id]);
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
  /** The plan of each district the changes are for (default: its latest). */
  planIds: ReadonlyMap<string, number> = new Map(),
): Promise<Map<string, number>> {
  const written = new Map<string, number>();
  const problems: { district: string; problem: ValueProblem }[] = [];
  await db.transaction(async (tx) => {
    for (const [district, list] of changes) {
      const planId = planIds.get(district);
      const key: PlanKey = planId === undefined ? district : { code: district, planId };
      const saved = await saveValues(tx as unknown as Database, key, list, by).catch(
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
  return selectValues(tx, eq(indicators.planId, planId)).for('update', { of: yearlyValues });
}

/** What checking and writing figures needs of a plan: its period, settings and indicators. */
interface ChangeTarget {
  id: number;
  file: ChangePlan;
  /** Indicator row id by seq. */
  indicatorIds: ReadonlyMap<number, number>;
}

/** Plans parsed for saves, reused while the plan row's version (`xmin`) is the same. */
const changeTargets = new VersionCache<ChangeTarget>();

/** A named argument of a prepared statement, sent as given (no column mapping: null stays null). */
const param = (name: string) => sql`${sql.placeholder(name)}`;

/** A plan row's id and version (`xmin`). */
const headerColumns = { id: plans.id, version: sql<string>`${plans}.xmin::text`.as('version') };

/**
 * Which plan of which district a write or read is about: `{ code, planId }`, or a district code
 * alone for its latest plan (kept for scripts and tests written before districts had several).
 */
export type PlanKey = string | PlanRef;
export interface PlanRef {
  code: string;
  planId: number;
}

/** The district's latest plan, as a PlanRef; null when it has none. */
async function refOf(db: Database, key: PlanKey): Promise<PlanRef | null> {
  if (typeof key !== 'string') return key;
  const [row] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(eq(plans.districtId, key))
    .orderBy(desc(plans.targetYear))
    .limit(1);
  return row ? { code: key, planId: row.id } : null;
}

/** The header of the plan (`planId`) if it is the district (`code`)'s. */
const planHeaderQuery = (db: Database) =>
  db
    .select(headerColumns)
    .from(plans)
    .where(
      and(eq(plans.id, sql.placeholder('planId')), eq(plans.districtId, sql.placeholder('code'))),
    );

const headerStatement = new NamedStatement<{ id: number; version: string }>(
  'pm_plan_header_v2',
  headerColumns,
  planHeaderQuery,
);

/** The plan row: its id and version, one small query; null when it is not the district's. */
async function planHeader(tx: Tx, key: PlanKey): Promise<{ id: number; version: string } | null> {
  const ref = await refOf(tx, key);
  if (!ref) return null;
  const [row] = await headerStatement.execute(tx, { code: ref.code, planId: ref.planId });
  return row ?? null;
}

/** The plan's header with the stored figures of some of its indicators, or nothing. */
const lockStatement = new NamedStatement<
  { planId: number; planVersion: string } & { [K in keyof Row]: Row[K] | null }
>(
  'pm_lock_changed_v2',
  { planId: sql<number>`p.id`, planVersion: sql<string>`p.version`, ...columns },
  (db) => sql`
    with p as (${planHeaderQuery(db)})
    select p.id, p.version, l.* from p left join lateral ${selectValues(
      db,
      and(
        eq(indicators.planId, sql`p.id`),
        sql`${indicators.seq} = any(${sql.placeholder('seqs')})`,
      ),
    ).for('update', { of: yearlyValues })} l on true`,
);

/**
 * The plan (id and version) and the stored figures of these indicators of it, locked until the
 * transaction ends, in one statement; null when the district has no such plan.
 */
async function lockChanged(
  tx: Tx,
  key: PlanKey,
  seqs: readonly number[],
): Promise<{ header: { id: number; version: string }; values: Row[] } | null> {
  const ref = await refOf(tx, key);
  if (!ref) return null;
  const rows = await lockStatement.execute(tx, {
    code: ref.code,
    planId: ref.planId,
    seqs: [...seqs],
  });
  const [first] = rows;
  if (!first) return null;
  const values = rows.flatMap(({ planId: _, planVersion: __, ...row }) =>
    row.id === null ? [] : [row as Row],
  );
  return { header: { id: first.planId, version: first.planVersion }, values };
}

async function planForChanges(
  db: Database,
  tx: Tx,
  header: { id: number; version: string },
): Promise<ChangeTarget> {
  const cached = changeTargets.get(db, header.id, header.version);
  if (cached) return cached;
  const target = await loadPlanById(tx, header.id);
  if (!target) throw new Error(`plan ${header.id} vanished inside its own transaction`);
  // Read at the version checked or later (then the next save reads it again).
  changeTargets.set(db, header.id, header.version, target);
  return target;
}

/** The columns a save writes, from its named arguments. */
const writtenFields = {
  value: param('value'),
  comparator: param('comparator'),
  state: param('state'),
  source: param('source'),
  note: param('note'),
  updatedBy: param('by'),
  updatedAt: sql`now()`,
  // A person's figure, even over an illustrative one: only `demo seed` sets the flag.
  demo: sql`false`,
};

type WrittenRow = Omit<Row, 'seq'>;

/** Its history row, written by the same statement as the figure `w` it records. */
const historyOfWritten = sql`
  insert into ${valueHistory} (${sql.join(
    [
      valueHistory.valueId,
      valueHistory.version,
      valueHistory.oldValue,
      valueHistory.newValue,
      valueHistory.oldState,
      valueHistory.newState,
      valueHistory.oldComparator,
      valueHistory.newComparator,
      valueHistory.reason,
      valueHistory.changedBy,
    ].map((c) => sql.identifier(c.name)),
    sql`, `,
  )})
  select w.id, w.version, ${param('oldValue')}::numeric, w.value,
    ${param('oldState')}::${sql.identifier(valueStateEnum.enumName)}, w.state,
    ${param('oldComparator')}::text, w.comparator,
    ${param('reason')}::text, ${param('by')}::text
  from w`;

/** The figure written (`w`) and its history row, in one statement; no row when it was stale. */
const withHistory = (write: SQL) =>
  sql`with w as (${write}), h as (${historyOfWritten}) select * from w`;

const updateStatement = new NamedStatement<WrittenRow>('pm_value_update', valueColumns, (db) =>
  withHistory(
    db
      .update(yearlyValues)
      .set({ ...writtenFields, version: sql`${yearlyValues.version} + 1` })
      .where(
        and(
          eq(yearlyValues.id, sql.placeholder('id')),
          eq(yearlyValues.version, sql.placeholder('version')),
        ),
      )
      .returning(valueColumns)
      .getSQL(),
  ),
);

const insertStatement = new NamedStatement<WrittenRow>('pm_value_insert', valueColumns, (db) =>
  withHistory(
    db
      .insert(yearlyValues)
      .values({
        ...writtenFields,
        indicatorId: param('indicatorId'),
        year: param('year'),
        kind: param('kind'),
      })
      .onConflictDoNothing()
      .returning(valueColumns)
      .getSQL(),
  ),
);

async function writeValue(
  tx: Tx,
  idOf: ReadonlyMap<number, number>,
  write: ValueWrite,
  by: string,
): Promise<StoredValue> {
  const args = {
    value: write.value,
    comparator: write.comparator,
    state: write.state,
    source: write.source,
    note: write.note,
    by,
  };
  const was = write.current;
  const history = {
    oldValue: was?.value ?? null,
    oldState: was?.state ?? null,
    oldComparator: was?.comparator ?? null,
    reason: write.reason,
  };
  const [row] = was
    ? await updateStatement.execute(tx, { ...args, ...history, id: was.id, version: was.version })
    : await insertStatement.execute(tx, {
        ...args,
        ...history,
        indicatorId: idOf.get(write.seq)!,
        year: write.year,
        kind: write.kind,
      });
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
  return toStored({ ...row, seq: write.seq });
}

/**
 * Submits, withdraws, approves, returns or reopens the values of a year or the listed cells, each with a
 * history row, in one transaction. Listed cells move only if every one is still at the version
 * given and fits the action; otherwise `ChangedSinceError` lists each that is not, and nothing
 * moves. `comment` is the reason of a return or reopen. Returns the values moved, or null when
 * the district has no plan.
 */
export async function transitionValues(
  db: Database,
  key: PlanKey,
  action: Exclude<ValueAction, 'save'>,
  target: TransitionTarget,
  by: string,
  comment: string | null = null,
): Promise<StoredValue[] | null> {
  return db.transaction(async (tx) => {
    const plan = await planHeader(tx as unknown as Database, key);
    if (!plan) return null;
    const stored = (await lockValues(tx as unknown as Database, plan.id)).map(toStored);
    const { moves, problems } = reviewTransition(action, stored, target);
    if (problems.length > 0) throw new ChangedSinceError(problems);
    const reviewComment = action === 'approve' ? null : comment;
    const out: StoredValue[] = [];
    for (const { value, state } of moves) {
      const [row] = await tx
        .update(yearlyValues)
        .set({
          state,
          ...(action === 'submit' || action === 'withdraw' ? {} : { reviewComment }),
          version: sql`${yearlyValues.version} + 1`,
          updatedBy: by,
          updatedAt: sql`now()`,
        })
        .where(and(eq(yearlyValues.id, value.id), eq(yearlyValues.version, value.version)))
        .returning(valueColumns);
      if (!row) throw new ChangedSinceError([{ id: value.id, code: 'stale', current: value }]);
      await tx.insert(valueHistory).values({
        valueId: row.id,
        version: row.version,
        oldValue: value.value,
        newValue: value.value,
        oldState: value.state,
        newState: state,
        oldComparator: value.comparator,
        newComparator: value.comparator,
        reason: comment,
        changedBy: by,
      });
      out.push(toStored({ ...row, seq: value.seq }));
    }
    // Approving, or reopening an approved figure, changes what the league counts.
    if (moves.some(({ value, state }) => value.state === 'approved' || state === 'approved'))
      await refreshSummaries(tx as unknown as Database, [plan.id]);
    return out;
  });
}

/**
 * Takes back a draft nobody saw submitted (a figure typed into the wrong row). The value goes, its
 * audit stays: a `value_deletions` row keeps the figure, its history rows, who removed it and
 * when, written in the same transaction.
 */
export async function removeValue(
  db: Database,
  key: PlanKey,
  cell: { id: number; version: number },
  by: string,
  reason: string | null = null,
): Promise<boolean | null> {
  return db.transaction(async (tx) => {
    const plan = await planHeader(tx as unknown as Database, key);
    if (!plan) return null;
    const [value] = (await lockValues(tx as unknown as Database, plan.id))
      .map(toStored)
      .filter((v) => v.id === cell.id);
    if (!value) throw new ValueError([{ id: cell.id, code: 'not_found' }]);
    if (value.version !== cell.version)
      throw new ValueError([{ id: cell.id, code: 'stale', current: value }]);
    const history = await tx
      .select({ id: valueHistory.id, ...historyColumns })
      .from(valueHistory)
      .where(eq(valueHistory.valueId, value.id))
      .orderBy(asc(valueHistory.version), asc(valueHistory.id));
    if (
      !mayRemove(
        value.state,
        history.some((h) => h.newState === 'submitted'),
      )
    )
      throw new ValueError([{ id: value.id, code: 'not_removable', state: value.state }]);
    const [row] = await tx
      .delete(yearlyValues)
      .where(eq(yearlyValues.id, value.id))
      .returning({ indicatorId: yearlyValues.indicatorId });
    await tx.insert(valueDeletions).values({
      indicatorId: row!.indicatorId,
      year: value.year,
      kind: value.kind,
      value: value.value,
      comparator: value.comparator,
      state: value.state,
      note: value.note,
      source: value.source,
      version: value.version,
      history: history.map(removedRow),
      reason,
      deletedBy: by,
    });
    return true;
  });
}

const removedRow = (
  h: Omit<HistoryEntry, 'changedAt'> & { changedAt: Date },
): RemovedHistoryRow => ({
  version: h.version,
  oldValue: h.oldValue,
  newValue: h.newValue,
  oldState: h.oldState,
  newState: h.newState,
  reason: h.reason,
  changedBy: h.changedBy,
  changedAt: new Date(h.changedAt).toISOString(),
});

/** A figure taken back (a draft withdrawn), as kept when it was removed: `version` is the one it had then. */
export interface ValueDeletion extends Pick<
  StoredValue,
  'id' | 'seq' | 'year' | 'kind' | 'value' | 'comparator' | 'state' | 'note' | 'source' | 'version'
> {
  /** Its history rows, oldest first. */
  history: RemovedHistoryRow[];
  reason: string | null;
  deletedBy: string;
  /** ISO 8601. */
  deletedAt: string;
}

/**
 * The figures taken back from the plan, newest first: all, or those of one
 * indicator (`seq`), year or kind.
 */
export async function loadDeletions(
  db: Database,
  key: PlanKey,
  of: { seq?: number; year?: number; kind?: ValueKind } = {},
): Promise<ValueDeletion[] | null> {
  const plan = await planHeader(db, key);
  if (!plan) return null;
  const rows = await db
    .select({
      id: valueDeletions.id,
      seq: indicators.seq,
      year: valueDeletions.year,
      kind: valueDeletions.kind,
      value: valueDeletions.value,
      comparator: valueDeletions.comparator,
      state: valueDeletions.state,
      note: valueDeletions.note,
      source: valueDeletions.source,
      version: valueDeletions.version,
      history: valueDeletions.history,
      reason: valueDeletions.reason,
      deletedBy: valueDeletions.deletedBy,
      deletedAt: valueDeletions.deletedAt,
    })
    .from(valueDeletions)
    .innerJoin(indicators, eq(indicators.id, valueDeletions.indicatorId))
    .where(
      and(
        eq(indicators.planId, plan.id),
        of.seq === undefined ? undefined : eq(indicators.seq, of.seq),
        of.year === undefined ? undefined : eq(valueDeletions.year, of.year),
        of.kind === undefined ? undefined : eq(valueDeletions.kind, of.kind),
      ),
    )
    .orderBy(desc(valueDeletions.deletedAt), desc(valueDeletions.id));
  return rows.map((r) => ({ ...r, deletedAt: new Date(r.deletedAt).toISOString() }));
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

/**
 * By value id, the reason its official gave when confirming the figure it holds now as unusual:
 * the reason of the latest change of its figure (a first entry or a new number), where one was
 * given. Values whose figure was entered without a reason are left out.
 */
export async function loadConfirmations(
  db: Database,
  valueIds: readonly number[],
): Promise<Map<number, string>> {
  if (valueIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([valueHistory.valueId], {
      valueId: valueHistory.valueId,
      reason: valueHistory.reason,
    })
    .from(valueHistory)
    .where(
      and(
        inArray(valueHistory.valueId, [...valueIds]),
        sql`(${valueHistory.oldState} is null or ${valueHistory.oldValue} is distinct from ${valueHistory.newValue})`,
      ),
    )
    .orderBy(valueHistory.valueId, desc(valueHistory.version), desc(valueHistory.id));
  return new Map(rows.flatMap((r) => (r.reason ? [[r.valueId, r.reason] as const] : [])));
}
