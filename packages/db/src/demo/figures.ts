import { isCountIndicator, mayBeNegative, type Comparator, type Indicator } from '@pm/core';

/**
 * What an illustrative figure of an indicator may look like, from its unit, name and target
 * alone: counts are whole, percentages stay within 0–100, levels never fall below zero.
 */

/** A ratio to the population (每千人口执业医师数, 人均…) is no count, whatever its unit. */
const PER_HEAD = /^每|人均/;

/**
 * Levels that move slowly, a fraction of a percent a year, with the level they take when the plan
 * gives no number: life expectancy (岁), years of schooling (年).
 */
const SLOW_LEVELS: Record<string, number> = { 岁: 78, 年: 11 };

/** How fast a level grows in a year, as a share: slow levels 0.25 %, anything else 7 %. */
export const yearlyGrowth = (ind: Pick<Indicator, 'unit'>) =>
  ind.unit in SLOW_LEVELS ? 0.0025 : 0.07;

export const isPercent = (unit: string) => unit === '%' || unit === '％';

/**
 * Counted one by one, so shown whole: a count as core reads it (whose fractions are refused), or
 * days (天, which core takes with decimals, as an average may have them), with whole numbers in
 * the plan.
 */
export function isCount(ind: Pick<Indicator, 'unit' | 'name' | 'target'>): boolean {
  const t = ind.target;
  const stated = [t.baseline, t.value, t.cumulative].filter((n) => n !== null);
  const counted = isCountIndicator(ind) || (ind.unit === '天' && !PER_HEAD.test(ind.name));
  return counted && stated.every(Number.isInteger);
}

type FigureIndicator = Pick<Indicator, 'unit' | 'name' | 'target'>;

/** A figure as it would be written: whole counts, percentages within 0–100, no level below 0. */
export function plausible(ind: FigureIndicator, value: number): number {
  let v = value;
  if (isPercent(ind.unit)) v = Math.min(100, v);
  if (!mayBeNegative(ind) || isPercent(ind.unit)) v = Math.max(0, v);
  if (isCount(ind)) return Math.round(v);
  return Math.abs(v) >= 1000 ? Math.round(v) : Math.round(v * 100) / 100;
}

/** The right side of a bound is the low one. */
export const lowIsGood = (comparator: Comparator) =>
  comparator === 'at_most' || comparator === 'below';

/** Whether a year-B value is on the wrong side of a bound: the bound is then a line to reach. */
export function wrongSide(value: number, bound: number, comparator: Comparator): boolean {
  switch (comparator) {
    case 'at_least':
      return value < bound;
    case 'above':
      return value <= bound;
    case 'at_most':
      return value > bound;
    case 'below':
      return value >= bound;
    case 'about':
      return false;
  }
}

/**
 * A level for an indicator whose plan gives no number at all (an assigned target with no
 * baseline): a few % for a growth or a reduction, a share kept low or raised, the level of a
 * slow unit, a small ratio to the population, else 100.
 */
export function typicalLevel(ind: FigureIndicator, comparator: Comparator): number {
  if (isPercent(ind.unit)) {
    if (mayBeNegative(ind)) return 3;
    return lowIsGood(comparator) ? 5 : 70;
  }
  return SLOW_LEVELS[ind.unit] ?? (PER_HEAD.test(ind.name) ? 3 : 100);
}

/**
 * A year-B value for a level the plan printed no baseline of: below the target by what the
 * indicator plausibly gains over `years` (above it for a decreasing one). A share gains some
 * points (12 % of the target, 1 to 8 of them); any other level grows at its `yearlyGrowth`.
 */
export function filledBaseline(
  ind: FigureIndicator,
  target: number,
  years: number,
  decreasing: boolean,
): number {
  if (isPercent(ind.unit)) {
    const gap = Math.min(8, Math.max(1, Math.abs(target) * 0.12));
    return plausible(ind, decreasing ? target + gap : target - gap);
  }
  const growth = (1 + yearlyGrowth(ind)) ** years;
  return plausible(ind, decreasing ? target * growth : target / growth);
}

/** How far from a bound a figure stands: `share` of the bound, `least` at least, 1 for a count. */
function margin(ind: FigureIndicator, bound: number, share: number, least: number): number {
  const m = Math.max(least, Math.abs(bound) * share);
  return isCount(ind) ? Math.max(1, Math.round(m)) : m;
}

/** A figure clearly on the right side of `bound`. */
export function inside(ind: FigureIndicator, bound: number, comparator: Comparator): number {
  if (comparator === 'about') return plausible(ind, bound);
  const m = margin(ind, bound, 0.01, 0.3);
  return plausible(ind, lowIsGood(comparator) ? bound - m : bound + m);
}

/** A figure clearly on the wrong side of `bound`. */
export function outside(ind: FigureIndicator, bound: number, comparator: Comparator): number {
  const m = margin(ind, bound, 0.03, 1);
  return plausible(ind, lowIsGood(comparator) ? bound + m : bound - m);
}
