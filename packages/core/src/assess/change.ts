import type { Indicator, YearValue } from '../plan';

/** Which way the yearly figure should move: up, down, or neither (kept level, monitored, 左右 a figure). */
export type GoodWay = 'up' | 'down' | null;

/**
 * The way an indicator's yearly figure improves. A comparator says it of the yearly figure itself
 * (≥ or > up, ≤ or < down: 单位GDP能耗降低 ≥ 3 is better higher though energy use falls); without
 * one, the plan's direction, else a target above or below its baseline.
 */
export function goodWay(indicator: Pick<Indicator, 'target'>): GoodWay {
  const t = indicator.target;
  if (t.form === 'monitor' || t.form === 'maintain' || t.direction === 'maintain') return null;
  if (t.comparator === 'at_least' || t.comparator === 'above') return 'up';
  if (t.comparator === 'at_most' || t.comparator === 'below') return 'down';
  if (t.direction === 'increase') return 'up';
  if (t.direction === 'decrease') return 'down';
  if (t.baseline !== null && t.value !== null && t.value !== t.baseline)
    return t.value > t.baseline ? 'up' : 'down';
  return null;
}

/** 同比变化: a year's approved actual against the year before's. */
export interface YearChange {
  year: number;
  value: number;
  previousYear: number;
  previous: number;
  move: 'up' | 'down' | 'flat';
  /** Whether the move is the way the indicator should go; null when flat or it has no such way. */
  better: boolean | null;
}

/** Figures equal but for floating-point noise are unchanged. */
const same = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The change of indicator `seq`'s actual in `year` from `year − 1`; null when either year has no
 * actual among `values` (pass the approved ones).
 */
export function yearChange(
  indicator: Pick<Indicator, 'seq' | 'target'>,
  values: readonly YearValue[],
  year: number | null,
): YearChange | null {
  if (year === null) return null;
  const actual = (y: number) =>
    values.find((v) => v.seq === indicator.seq && v.kind === 'actual' && v.year === y)?.value;
  const value = actual(year);
  const previous = actual(year - 1);
  if (value === undefined || previous === undefined) return null;
  const move = same(value, previous) ? 'flat' : value > previous ? 'up' : 'down';
  const way = goodWay(indicator);
  return {
    year,
    value,
    previousYear: year - 1,
    previous,
    move,
    better: move === 'flat' || way === null ? null : move === way,
  };
}
