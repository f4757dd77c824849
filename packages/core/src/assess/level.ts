import type { PlanPeriod } from '../plan';
import { formResult, type FormInput } from './form';
import { finite } from './numbers';
import { progressReason, progressStatus, type Path } from './progress';
import { projectLevel } from './projection';
import * as text from './reason';
import { lastYear, phaseOf, timeProgress } from './time';
import type { AssessmentReason, IndicatorAssessment } from './types';
import { actualsOf, baselineOf, type Actual } from './values';

/** A level target: from b in year B to T in year Y, with the growth rate the row states, if any. */
export interface LevelPath {
  baseline: number;
  target: number;
  rate: number | null;
}

/**
 * Expected value at `year` (spec §2.1): geometric b·(T/b)^τ when the row states a growth rate
 * and b, T > 0; linear b + (T − b)·τ otherwise.
 */
export function expectedValue(path: LevelPath, period: PlanPeriod, year: number): number {
  const tau = timeProgress(period, year);
  const { baseline: b, target: t } = path;
  if (tau === 0) return b;
  if (tau === 1) return t;
  if (path.rate !== null && b > 0 && t > 0) {
    return Math.exp((1 - tau) * Math.log(b) + tau * Math.log(t));
  }
  return b * (1 - tau) + t * tau;
}

/** How a level path is read: its own, or that of a bound to reach (spec §2.4). */
export interface LevelReading {
  path: Path;
  /** The year-B value the path starts from. */
  start: number;
  rate: number | null;
  /** A bound to reach: the first year that met it, midway counted as achieved. */
  reachedIn?: number | null;
}

const latestSubject = (l: Actual): AssessmentReason => text.latestSubject(l.year, l.value);

/**
 * Spec §2.1 and §3: completion and pace of a path from the latest actual, graded midway or, once
 * the latest year is Y, as 完成 / 基本完成 / 未完成.
 */
export function assessPath(
  { indicator, ctx }: FormInput,
  actuals: Actual[],
  reading: LevelReading,
  subjectOf: (latest: Actual) => AssessmentReason = latestSubject,
): IndicatorAssessment {
  const { period } = ctx;
  const { path, start } = reading;
  const latest = actuals.at(-1);
  if (latest === undefined) {
    return formResult(indicator, 'no_data', text.noActual(lastYear(period, ctx.year)), actuals, {
      baseline: start,
      target: path.goal,
    });
  }
  const tau = timeProgress(period, latest.year);
  const phase = phaseOf(period, latest.year);
  const reachedIn = reading.reachedIn ?? null;
  const p = progressStatus(path, latest.value, tau, ctx.settings, phase, reachedIn !== null);
  const subject = subjectOf(latest);
  const reason =
    phase === 'progress' && reachedIn !== null && reachedIn < latest.year
      ? text.reachedBefore(reachedIn, subject, path.goal)
      : progressReason(p, tau, subject, path.goal, phase);
  const expected = expectedValue(
    { baseline: start, target: path.goal, rate: reading.rate },
    period,
    latest.year,
  );
  return formResult(
    indicator,
    p.status,
    reason,
    actuals,
    {
      completion: p.completion,
      timeProgress: tau,
      pace: p.pace,
      latestYear: latest.year,
      latestValue: latest.value,
      baseline: start,
      target: path.goal,
      expected,
    },
    projectLevel(path, latest.value, latest.year, period),
  );
}

/** Spec §2.1: completion and pace of a level target, from the latest actual. */
export function assessLevel(input: FormInput): IndicatorAssessment {
  const { indicator, series, ctx } = input;
  const { target } = indicator;
  const actuals = actualsOf(series, ctx.period);
  const goal = finite(target.value);
  if (goal === null) return formResult(indicator, 'no_data', text.targetMissing(), actuals);
  const start = baselineOf(target, series, ctx.period);
  if (start === null) {
    return formResult(indicator, 'no_data', text.baselineMissing(), actuals, { target: goal });
  }
  const path: Path = { start, goal, decreasing: target.direction === 'decrease' };
  return assessPath(input, actuals, { path, start, rate: finite(target.rate) });
}
