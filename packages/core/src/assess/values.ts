import type { Comparator, PlanPeriod, Target, YearValue } from '../plan';
import { comparatorSchema } from '../plan';
import { BySeq, type ReadonlyBySeq } from './by-seq';
import { lastYear } from './time';
import type { YearCheck } from './types';

/** A city-assigned target for one year (spec §2.5). */
export interface AssignedTarget {
  value: number;
  comparator: Comparator | null;
}

/**
 * One indicator's figures from the first year read (B, or an earlier B′ of spec §1) to the last,
 * indexed by `year − first`.
 */
export interface Series {
  first: number;
  /**
   * NaN for a year without a figure: a number, not a hole, as V8 reads a hole in an array of
   * doubles only through its slowest, megamorphic path.
   */
  actual: number[];
  /** Empty for an indicator without assigned targets. */
  assigned: (AssignedTarget | undefined)[];
}

export type ValueIndex = ReadonlyBySeq<Series>;

/** An actual of a year after B, listed as a year without a check. */
export interface Actual extends YearCheck {
  value: number;
  target: null;
  met: null;
}

const comparatorRank = (c: Comparator | null | undefined): number =>
  c ? comparatorSchema.options.indexOf(c) : comparatorSchema.options.length;

/**
 * Callers pass at most one value per (seq, year, kind). Should duplicates slip through, the
 * larger value wins (for assigned targets of equal value, the comparator listed first in
 * `comparatorSchema`), so the outcome never depends on the order of the values.
 */
function preferred(a: AssignedTarget | undefined, b: AssignedTarget): boolean {
  if (a === undefined || b.value > a.value) return true;
  return b.value === a.value && comparatorRank(b.comparator) < comparatorRank(a.comparator);
}

/** The assigned targets of an indicator the city assigns none: shared, never written. */
const NONE_ASSIGNED: (AssignedTarget | undefined)[] = [];

function seriesOf(index: BySeq<Series>, seq: number, first: number, span: number): Series {
  let series = index.get(seq);
  if (series === undefined) {
    // Sized once: arrays grown a year at a time cost more than the engine's arithmetic.
    const actual: number[] = [];
    for (let i = 0; i < span; i++) actual.push(NaN);
    series = { first, actual, assigned: NONE_ASSIGNED };
    index.set(seq, series);
  }
  return series;
}

/**
 * Groups the values by indicator, keeping years `first` … min(E, Y) with a finite value; `first`
 * is B unless some indicator's baseline is of an earlier year.
 */
export function indexValues(
  values: readonly YearValue[],
  period: PlanPeriod,
  year: number,
  first: number = period.baselineYear,
): ValueIndex {
  const index = new BySeq<Series>();
  const last = lastYear(period, year);
  const span = last - first + 1;
  // Values come grouped by indicator as a rule: the last one's series saves a look-up.
  let seq = NaN;
  let series: Series | undefined;
  for (const v of values) {
    if (!Number.isInteger(v.year) || v.year < first || v.year > last || !Number.isFinite(v.value))
      continue;
    if (series === undefined || v.seq !== seq) {
      seq = v.seq;
      series = seriesOf(index, seq, first, span);
    }
    const i = v.year - first;
    // -0 and 0 are one figure; telling them apart would let the order of the values show.
    const value = v.value === 0 ? 0 : v.value;
    if (v.kind === 'actual') {
      const old = series.actual[i];
      if (old === undefined || Number.isNaN(old) || value > old) series.actual[i] = value;
    } else {
      const target = { value, comparator: v.comparator ?? null };
      if (series.assigned === NONE_ASSIGNED) series.assigned = new Array<AssignedTarget>(span);
      if (preferred(series.assigned[i], target)) series.assigned[i] = target;
    }
  }
  return index;
}

/**
 * The actuals of the years after the period's baseline year (the indicator's B′ where it has
 * one), oldest first; also the `years` of a form without checks.
 */
export function actualsOf(series: Series | undefined, period: PlanPeriod): Actual[] {
  const out: Actual[] = [];
  if (series === undefined) return out;
  for (let i = Math.max(0, period.baselineYear + 1 - series.first); i < series.actual.length; i++) {
    const value = series.actual[i];
    if (value !== undefined && !Number.isNaN(value))
      out.push({ year: series.first + i, value, target: null, met: null });
  }
  return out;
}

/** The actual of year `y`, or null. */
export function actualAt(series: Series | undefined, y: number): number | null {
  if (series === undefined) return null;
  const value = series.actual[y - series.first];
  return value === undefined || Number.isNaN(value) ? null : value;
}

/** The assigned target of year `y`, if the city has assigned one. */
export function assignedAt(series: Series | undefined, y: number): AssignedTarget | undefined {
  return series === undefined ? undefined : series.assigned[y - series.first];
}

/** 基期值: the plan's printed baseline, else the actual of the baseline year (B, or B′). */
export function baselineOf(
  target: Target,
  series: Series | undefined,
  period: PlanPeriod,
): number | null {
  if (target.baseline !== null && Number.isFinite(target.baseline)) return target.baseline;
  return actualAt(series, period.baselineYear);
}
