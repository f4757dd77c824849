import type { PlanPeriod } from '../plan';
import { formResult, type FormInput } from './form';
import { finite } from './numbers';
import { progressReason, progressStatus, type Path } from './progress';
import { projectLevel } from './projection';
import * as text from './reason';
import { lastYear, timeProgress } from './time';
import type { IndicatorAssessment } from './types';
import { actualsOf, baselineOf } from './values';

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

/** Spec §2.1: completion and pace of a level target, from the latest actual. */
export function assessLevel({ indicator, series, ctx }: FormInput): IndicatorAssessment {
  const { target } = indicator;
  const { period } = ctx;
  const actuals = actualsOf(series, period);
  const goal = finite(target.value);
  if (goal === null) return formResult(indicator, 'no_data', text.targetMissing(), actuals);
  const start = baselineOf(target, series, period);
  if (start === null) {
    return formResult(indicator, 'no_data', text.baselineMissing(), actuals, { target: goal });
  }
  const latest = actuals.at(-1);
  if (latest === undefined) {
    return formResult(indicator, 'no_data', text.noActual(lastYear(period, ctx.year)), actuals, {
      baseline: start,
      target: goal,
    });
  }
  const path: Path = { start, goal, decreasing: target.direction === 'decrease' };
  const tau = timeProgress(period, latest.year);
  const p = progressStatus(path, latest.value, tau, ctx.settings);
  const subject = text.latestSubject(latest.year, latest.value);
  const reason = progressReason(p, tau, subject, goal);
  const expected = expectedValue(
    { baseline: start, target: goal, rate: finite(target.rate) },
    period,
    latest.year,
  );
  const outlook = projectLevel(path, latest.value, latest.year, period);
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
      target: goal,
      expected,
    },
    outlook,
  );
}
