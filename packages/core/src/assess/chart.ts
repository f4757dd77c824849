import type { AssessmentSettings, Indicator, PlanPeriod } from '../plan';
import { rateTarget } from './annual-rate';
import { toleranceFor } from './compare';
import { expectedValue } from './level';
import { finite } from './numbers';
import { timeProgress } from './time';
import type { IndicatorAssessment } from './types';

/** 目标区间: where an average rate must stay; an open side is null. */
export interface RateBand {
  low: number | null;
  high: number | null;
}

/** One year of an indicator's chart. */
export interface ChartPoint {
  year: number;
  /** The level (level), the total so far (cumulative), the year's rate (annual_rate), the value. */
  actual: number | null;
  /** The plan's path: the expected level or total, or the year's bound or assigned target. */
  expected: number | null;
}

/**
 * What an indicator's chart draws: `path` (level, cumulative) from B to Y against the expected
 * path; `rate` the yearly rates against the band; `checks` each year against its bound;
 * `values` the figures alone (monitor).
 */
export interface IndicatorChart {
  kind: 'path' | 'rate' | 'checks' | 'values';
  points: ChartPoint[];
  target: number | null;
  band: RateBand | null;
}

/** The band of an annual_rate target (spec §2.2): L = r − tol and U = r + tol where they apply. */
export function rateBand(indicator: Indicator, settings: AssessmentSettings): RateBand | null {
  const { target } = indicator;
  const rate = finite(target.rate);
  if (target.form !== 'annual_rate' || rate === null) return null;
  const comparator = target.comparator ?? 'at_least';
  const tolerance = toleranceFor(comparator, target.tolerance, settings.aboutTolerance);
  const t = rateTarget(rate, comparator, tolerance);
  return { low: t.side === 'floor' ? t.bound : null, high: t.ceiling };
}

const yearsFrom = (first: number, last: number) =>
  Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);

function valuesByYear(a: IndicatorAssessment): Map<number, number | null> {
  return new Map(a.years.map((y) => [y.year, y.value]));
}

function levelPoints(a: IndicatorAssessment, ind: Indicator, period: PlanPeriod): ChartPoint[] {
  const byYear = valuesByYear(a);
  const b = a.baseline;
  const t = a.target;
  const rate = finite(ind.target.rate);
  return yearsFrom(period.baselineYear, period.targetYear).map((year) => ({
    year,
    actual: year === period.baselineYear ? b : (byYear.get(year) ?? null),
    expected:
      b !== null && t !== null
        ? expectedValue({ baseline: b, target: t, rate }, period, year)
        : null,
  }));
}

function totalPoints(a: IndicatorAssessment, ind: Indicator, period: PlanPeriod): ChartPoint[] {
  const byYear = valuesByYear(a);
  const increases = ind.target.sumOf === 'increases';
  let total = 0;
  return yearsFrom(period.baselineYear, period.targetYear).map((year) => {
    const value = byYear.get(year) ?? null;
    let actual: number | null = year === period.baselineYear ? 0 : null;
    if (value !== null && year > period.baselineYear) {
      total = increases && a.baseline !== null ? value - a.baseline : total + value;
      actual = total;
    }
    return {
      year,
      actual,
      expected: a.target === null ? null : a.target * timeProgress(period, year),
    };
  });
}

function yearlyPoints(a: IndicatorAssessment, period: PlanPeriod): ChartPoint[] {
  const byYear = new Map(a.years.map((y) => [y.year, y]));
  return yearsFrom(period.baselineYear + 1, period.targetYear).map((year) => ({
    year,
    actual: byYear.get(year)?.value ?? null,
    expected: byYear.get(year)?.target ?? null,
  }));
}

/** The chart of one assessed indicator, over the whole plan period. */
export function indicatorChart(
  indicator: Indicator,
  assessment: IndicatorAssessment,
  period: PlanPeriod,
  settings: AssessmentSettings,
): IndicatorChart {
  const base = { target: assessment.target, band: null };
  switch (indicator.target.form) {
    case 'level':
      return { ...base, kind: 'path', points: levelPoints(assessment, indicator, period) };
    case 'cumulative':
      return { ...base, kind: 'path', points: totalPoints(assessment, indicator, period) };
    case 'annual_rate':
      return {
        kind: 'rate',
        points: yearlyPoints(assessment, period),
        target: finite(indicator.target.rate),
        band: rateBand(indicator, settings),
      };
    case 'monitor':
      return { ...base, kind: 'values', points: yearlyPoints(assessment, period) };
    default:
      return { ...base, kind: 'checks', points: yearlyPoints(assessment, period) };
  }
}
