import type { PlanPeriod } from '../plan';
import { finite } from './numbers';
import { reaches, type Path } from './progress';
import type { Projection, ProjectionTrend } from './types';

export interface ProjectionResult {
  projection: Projection | null;
  projectedValue: number | null;
  requiredPace: number | null;
  trend: ProjectionTrend | null;
}

export const NO_PROJECTION: ProjectionResult = {
  projection: null,
  projectedValue: null,
  requiredPace: null,
  trend: null,
};

const verdict = (path: Path, value: number): Projection =>
  reaches(path, value) ? 'likely' : 'at_risk';

/**
 * Spec §4 for a level: extend b → a (latest) to Y, compound when b, a and T are positive,
 * linear otherwise; the required pace is the yearly growth (%) or change that reaches T by Y.
 */
export function projectLevel(
  path: Path,
  current: number,
  latestYear: number,
  period: PlanPeriod,
): ProjectionResult {
  const elapsed = latestYear - period.baselineYear;
  const remaining = period.targetYear - latestYear;
  // Once Y has data the outcome is known: nothing is left to project (spec §4).
  if (elapsed <= 0 || remaining <= 0) return NO_PROJECTION;
  const compound = path.start > 0 && current > 0 && path.goal > 0;
  const projected = compound
    ? current * Math.exp((Math.log(current / path.start) * remaining) / elapsed)
    : current + ((current - path.start) * remaining) / elapsed;
  const needed = compound
    ? (Math.exp(Math.log(path.goal / current) / remaining) - 1) * 100
    : (path.goal - current) / remaining;
  return {
    projection: verdict(path, projected),
    projectedValue: finite(projected),
    requiredPace: reaches(path, current) ? 0 : finite(needed),
    trend: compound ? 'compound' : 'linear',
  };
}

/** Spec §4 for a total of yearly values: the yearly mean so far continues to Y. */
export function projectTotal(
  path: Path,
  total: number,
  years: number,
  latestYear: number,
  period: PlanPeriod,
): ProjectionResult {
  const remaining = period.targetYear - latestYear;
  if (years <= 0 || remaining <= 0) return NO_PROJECTION;
  const projected = total + (total / years) * remaining;
  return {
    projection: verdict(path, projected),
    projectedValue: finite(projected),
    requiredPace: reaches(path, total) ? 0 : finite((path.goal - total) / remaining),
    trend: 'linear',
  };
}

/**
 * Spec §4 for a compounded total C of yearly reductions or growths in %: the geometric mean of the
 * `years` so far continues to Y; the required pace is the yearly reduction (growth) in % that
 * reaches X by Y.
 */
export function projectCompound(
  path: Path,
  total: number,
  years: number,
  reduction: boolean,
  latestYear: number,
  period: PlanPeriod,
): ProjectionResult {
  const remaining = period.targetYear - latestYear;
  if (years === 0 || remaining <= 0) return NO_PROJECTION;
  const sign = reduction ? -1 : 1;
  /** What is left of (or grown from) 1 after the years so far, and what X leaves by Y. */
  const kept = 1 + (sign * total) / 100;
  const goalKept = 1 + (sign * path.goal) / 100;
  if (!(kept > 0) || !(goalKept > 0)) return NO_PROJECTION;
  const projectedKept = kept * Math.exp((Math.log(kept) * remaining) / years);
  const projected = sign * (projectedKept - 1) * 100;
  const needed = sign * (Math.exp(Math.log(goalKept / kept) / remaining) - 1) * 100;
  return {
    projection: verdict(path, projected),
    projectedValue: finite(projected),
    requiredPace: reaches(path, total) ? 0 : finite(needed),
    trend: 'compound',
  };
}
