import type { PlanPeriod } from '../plan';
import type { Phase } from './status';

/** 时序进度 τ(y) = (y − B) / (Y − B), held within [0, 1]. */
export function timeProgress(period: PlanPeriod, year: number): number {
  const span = period.targetYear - period.baselineYear;
  if (!(span > 0)) return year >= period.targetYear ? 1 : 0;
  return Math.min(1, Math.max(0, (year - period.baselineYear) / span));
}

/** The newest year an evaluation at `year` reads: later values, and values after Y, are ignored. */
export function lastYear(period: PlanPeriod, year: number): number {
  return Math.min(year, period.targetYear);
}

/** `end` once the latest year read is Y: the question is then 完成 / 基本完成 / 未完成 (spec §3). */
export function phaseOf(period: PlanPeriod, latestYear: number | null): Phase {
  return latestYear !== null && latestYear >= period.targetYear ? 'end' : 'progress';
}
