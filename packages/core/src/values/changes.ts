import type {
  AssessmentSettings,
  Comparator,
  Indicator,
  PlanPeriod,
  ValueKind,
  ValueState,
} from '../plan';
import { cellKey, cellRefusal, previousFigure } from './cells';
import { comparatorInForce, ownComparator } from './comparator';
import { readIndicatorFigure } from './count';
import type { FigureError } from './figure';
import { concernsFor, type Concern } from './plausibility';
import { isDemoSource, nextState, type StoredValue, type ValueAction } from './workflow';

/** A figure someone wants stored: typed in the grid, uploaded in a template, or imported. */
export interface ValueChange {
  seq: number;
  year: number;
  kind: ValueKind;
  /** As typed (read with `readIndicatorFigure`), or a number. */
  value: number | string;
  /**
   * The version the person saw, null when they saw no value; a different stored version is a
   * conflict. Left out only by the system (imports), which then writes over drafts.
   */
  version?: number | null;
  /** The state to store; a person's edit is always a draft. Imports may store submitted or approved. */
  state?: Exclude<ValueState, 'returned'>;
  /** Left out: keep what is stored. */
  source?: string | null;
  note?: string | null;
  /**
   * How the actual must compare with an assigned target (spec §2.5); null is the plan's own.
   * Left out: keep what is stored. Only an assigned target has one.
   */
  comparator?: Comparator | null;
  /** Confirms the concerns of an unusual figure; kept in the history. */
  reason?: string | null;
}

/** A checked change, ready to write. `current` is what it replaces (null: a new figure). */
export interface ValueWrite {
  index: number;
  current: StoredValue | null;
  seq: number;
  year: number;
  kind: ValueKind;
  value: number;
  /** Null for an actual, and where an assigned target is held to the plan's comparator. */
  comparator: Comparator | null;
  state: ValueState;
  source: string | null;
  note: string | null;
  reason: string | null;
}

export type ChangeIssue =
  | { code: 'unknown_indicator'; seq: number }
  | { code: 'bad_year'; first: number; last: number }
  | { code: 'printed_baseline' }
  | { code: 'not_assigned' }
  | { code: 'comparator_on_actual' }
  | { code: 'bad_number'; error: FigureError; text: string }
  /** A fraction of an indicator that counts things (`isCountIndicator`): 12.5 个. */
  | { code: 'not_whole'; seq: number; name: string; unit: string; text: string }
  | { code: 'empty' }
  | { code: 'reserved_source' }
  | { code: 'duplicate'; first: number }
  | { code: 'locked' }
  /** Submitted and awaiting review: the official withdraws it (撤回) before changing it. */
  | { code: 'submitted' }
  | { code: 'stale'; current: StoredValue | null }
  | { code: 'needs_reason'; concerns: Concern[] };

/** What is wrong with the change at `index`. */
export type ChangeProblem = { index: number } & ChangeIssue;

export interface ChangePlan {
  plan: PlanPeriod & { settings: Pick<AssessmentSettings, 'changeThreshold'> };
  indicators: readonly Pick<Indicator, 'seq' | 'name' | 'unit' | 'target'>[];
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/**
 * Checks changes against what is stored, all at once: every problem is listed with the index of
 * its change, and there are writes only when there is no problem. A change that alters nothing is
 * no write. Unusual figures are compared with the previous year as it will be after these changes.
 */
export function reviewChanges(
  file: ChangePlan,
  stored: readonly StoredValue[],
  changes: readonly ValueChange[],
): { writes: ValueWrite[]; problems: ChangeProblem[] } {
  const { plan } = file;
  const bySeq = new Map(file.indicators.map((i) => [i.seq, i]));
  const current = new Map(stored.map((v) => [cellKey(v), v]));
  const figures = new Map(stored.map((v) => [cellKey(v), v.value]));
  const problems: ChangeProblem[] = [];
  const seen = new Map<string, number>();
  const parsed = changes.map((change, index) => {
    const read = readChange(file, bySeq, change, seen);
    if ('value' in read) {
      seen.set(cellKey(change), index);
      figures.set(cellKey(change), read.value);
      return read.value;
    }
    problems.push(...read.issues.map((issue) => ({ index, ...issue })));
    return null;
  });

  const writes: ValueWrite[] = [];
  changes.forEach((change, index) => {
    const value = parsed[index];
    if (value === null || value === undefined) return;
    const indicator = bySeq.get(change.seq)!;
    const was = current.get(cellKey(change)) ?? null;
    // A new figure over an illustrative one is no longer illustrative: its demo labels go.
    const keep = was && !(was.demo && was.value !== value) ? was : null;
    const source = change.source !== undefined ? blank(change.source) : (keep?.source ?? null);
    const note = change.note !== undefined ? blank(change.note) : (keep?.note ?? null);
    const state = change.state ?? nextState('save', was?.state ?? null) ?? 'draft';
    const comparator =
      change.kind === 'actual'
        ? null
        : change.comparator === undefined
          ? (was?.comparator ?? null)
          : ownComparator(indicator.target, change.comparator);
    if (
      was &&
      was.value === value &&
      was.source === source &&
      was.note === note &&
      was.state === state &&
      sameComparator(indicator, was.comparator, comparator)
    )
      return;
    if (isDemoSource(change.source)) {
      problems.push({ index, code: 'reserved_source' });
      return;
    }
    if (was?.state === 'approved') {
      problems.push({ index, code: 'locked' });
      return;
    }
    if (was?.state === 'submitted' && change.state === undefined) {
      problems.push({ index, code: 'submitted' });
      return;
    }
    if (change.version !== undefined && (was?.version ?? null) !== change.version) {
      problems.push({ index, code: 'stale', current: was });
      return;
    }
    const reason = blank(change.reason);
    if (!was || was.value !== value) {
      const previous = previousFigure(indicator, change.kind, change.year, plan, (k) =>
        figures.get(k),
      );
      const concerns = concernsFor(value, indicator, previous, plan.settings);
      if (concerns.length > 0 && !reason) {
        problems.push({ index, code: 'needs_reason', concerns });
        return;
      }
    }
    writes.push({
      index,
      current: was,
      seq: change.seq,
      year: change.year,
      kind: change.kind,
      value,
      comparator,
      state,
      source,
      note,
      reason,
    });
  });
  problems.sort((a, b) => a.index - b.index);
  return problems.length > 0 ? { writes: [], problems } : { writes, problems };
}

/** Whether two stored comparators hold an assigned target to the same rule. */
const sameComparator = (
  indicator: Pick<Indicator, 'target'>,
  a: Comparator | null,
  b: Comparator | null,
) => a === b || comparatorInForce(indicator.target, a) === comparatorInForce(indicator.target, b);

/** The figure of one change, or what keeps it from being one. */
function readChange(
  file: ChangePlan,
  bySeq: ReadonlyMap<number, ChangePlan['indicators'][number]>,
  change: ValueChange,
  seen: ReadonlyMap<string, number>,
): { value: number } | { issues: ChangeIssue[] } {
  const { plan } = file;
  const indicator = bySeq.get(change.seq);
  if (!indicator) return { issues: [{ code: 'unknown_indicator', seq: change.seq }] };
  const refusal = cellRefusal(indicator, change.kind, change.year, plan);
  if (refusal === 'bad_year')
    return { issues: [{ code: refusal, first: plan.baselineYear, last: plan.targetYear }] };
  if (refusal) return { issues: [{ code: refusal }] };
  const first = seen.get(cellKey(change));
  if (first !== undefined) return { issues: [{ code: 'duplicate', first }] };
  if (change.kind === 'actual' && change.comparator != null)
    return { issues: [{ code: 'comparator_on_actual' }] };
  const reading = readIndicatorFigure(change.value, indicator);
  if (!reading.ok && reading.error === 'not_whole') {
    const { seq, name, unit } = indicator;
    return { issues: [{ code: 'not_whole', seq, name, unit, text: String(change.value) }] };
  }
  if (!reading.ok)
    return { issues: [{ code: 'bad_number', error: reading.error, text: String(change.value) }] };
  if (reading.value === null) return { issues: [{ code: 'empty' }] };
  return { value: reading.value };
}

/** Which values a review action applies to: every one of a year that it fits, or listed cells. */
export type TransitionTarget =
  { year: number } | { cells: readonly { id: number; version: number }[] };

export type TransitionProblem = { id: number } & (
  | { code: 'not_found' }
  | { code: 'stale'; current: StoredValue }
  | { code: 'wrong_state'; state: ValueState }
);

/**
 * The values `action` moves and their new state. For a year, the values it does not fit are left
 * alone; listed cells must each exist at the version the person saw and fit the action.
 */
export function reviewTransition(
  action: Exclude<ValueAction, 'save'>,
  stored: readonly StoredValue[],
  target: TransitionTarget,
): { moves: { value: StoredValue; state: ValueState }[]; problems: TransitionProblem[] } {
  if ('year' in target) {
    const moves = stored.flatMap((value) => {
      const state = value.year === target.year ? nextState(action, value.state) : null;
      return state ? [{ value, state }] : [];
    });
    return { moves, problems: [] };
  }
  const byId = new Map(stored.map((v) => [v.id, v]));
  const moves: { value: StoredValue; state: ValueState }[] = [];
  const problems: TransitionProblem[] = [];
  for (const { id, version } of target.cells) {
    const value = byId.get(id);
    if (!value) {
      problems.push({ id, code: 'not_found' });
      continue;
    }
    if (value.version !== version) {
      problems.push({ id, code: 'stale', current: value });
      continue;
    }
    const state = nextState(action, value.state);
    if (!state) problems.push({ id, code: 'wrong_state', state: value.state });
    else moves.push({ value, state });
  }
  return problems.length > 0 ? { moves: [], problems } : { moves, problems };
}
