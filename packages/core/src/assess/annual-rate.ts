import type { AssessmentSettings, Comparator, PlanPeriod } from '../plan';
import { toleranceFor } from './compare';
import { formResult, type FormInput } from './form';
import { atLeast, atMost, finite } from './numbers';
import { NO_PROJECTION, type ProjectionResult } from './projection';
import { averageOf, logProduct, requiredOf } from './rate';
import * as text from './reason';
import type { Phase, Status } from './status';
import { lastYear, phaseOf, timeProgress } from './time';
import type { AssessmentReason, IndicatorAssessment } from './types';
import { actualsOf } from './values';

/**
 * A rate target (spec §2.2): a floor L = r − tol that the average must reach (about, at_least),
 * or a ceiling U = r + tol it must stay within (at_most). An `about` target keeps its U too:
 * above it is over-fulfilment.
 */
export interface RateTarget {
  rate: number;
  tolerance: number;
  side: 'floor' | 'ceiling';
  bound: number;
  ceiling: number | null;
}

export function rateTarget(rate: number, comparator: Comparator, tolerance: number): RateTarget {
  if (comparator === 'at_most' || comparator === 'below') {
    return { rate, tolerance, side: 'ceiling', bound: rate + tolerance, ceiling: rate + tolerance };
  }
  const ceiling = comparator === 'about' ? rate + tolerance : null;
  return { rate, tolerance, side: 'floor', bound: rate - tolerance, ceiling };
}

export interface RateFacts {
  /** ḡ */
  average: number;
  /** R: what the remaining years need to reach L, or may at most grow to stay within U. */
  required: number | null;
}

/**
 * Spec §3, annual_rate column; a ceiling mirrors the floor rules. Midway an at_least floor (or an
 * at_most ceiling) cleared by `rateAheadGap` is ahead, never an about target; at the end the
 * average is achieved, basically achieved within `rateBasicGap`, or not achieved.
 */
export function rateStatus(
  t: RateTarget,
  f: RateFacts,
  s: AssessmentSettings,
  phase: Phase = 'progress',
): Status {
  const { average: g, required: r } = f;
  const floor = t.side === 'floor';
  if (phase === 'end') {
    if (clears(t, g, 0)) return 'achieved';
    return clears(t, g, -s.rateBasicGap) ? 'basically_achieved' : 'not_achieved';
  }
  if (clears(t, g, 0)) {
    if (t.ceiling !== null && floor) return 'on_track';
    return clears(t, g, s.rateAheadGap) ? 'ahead' : 'on_track';
  }
  const hopeless = floor
    ? r !== null && !atMost(r, t.bound + s.requiredRateGap)
    : r !== null && !atLeast(r, t.bound - s.requiredRateGap);
  if (hopeless) return 'seriously_lagging';
  return clears(t, g, -s.rateSeriousGap) ? 'lagging' : 'seriously_lagging';
}

/** ḡ stands `gap` pp or more on the right side of the bound (a negative gap: at most that far off). */
function clears(t: RateTarget, g: number, gap: number): boolean {
  return t.side === 'floor' ? atLeast(g, t.bound + gap) : atMost(g, t.bound - gap);
}

function rateReason(t: RateTarget, f: RateFacts, status: Status): AssessmentReason {
  if (status === 'basically_achieved') return text.rateJustShort(f.average, t.bound, t.side);
  const good = status === 'on_track' || status === 'ahead' || status === 'achieved';
  if (t.side === 'ceiling') {
    return good
      ? text.rateWithinCeiling(f.average, t.bound)
      : text.rateAboveCeiling(f.average, t.bound, f.required);
  }
  if (!good) return text.rateBelowFloor(f.average, t.bound, f.required);
  if (t.ceiling !== null && !atMost(f.average, t.ceiling)) {
    return text.rateOverCeiling(f.average, t.ceiling);
  }
  return text.rateAboveFloor(f.average, t.bound);
}

const verdict = (likely: boolean): ProjectionResult => ({
  projection: likely ? 'likely' : 'at_risk',
  projectedValue: null,
  requiredPace: null,
  trend: null,
});

/** Math.max(...rates) and Math.min(...rates), without spreading the rates into arguments. */
function highest(rates: readonly number[]): number {
  let x = -Infinity;
  for (const g of rates) x = Math.max(x, g);
  return x;
}
function lowest(rates: readonly number[]): number {
  let x = Infinity;
  for (const g of rates) x = Math.min(x, g);
  return x;
}

/**
 * Spec §4: likely when R ≤ r + tol and R ≤ max(gᵢ) + 1 (a floor); a ceiling mirrors it
 * (R ≥ r − tol and R ≥ min(gᵢ) − 1). Once Y has data there is nothing to project.
 */
export function projectRate(
  t: RateTarget,
  f: RateFacts,
  rates: readonly number[],
  period: PlanPeriod,
  latestYear: number,
): ProjectionResult {
  const remaining = period.targetYear - period.baselineYear - rates.length;
  if (remaining <= 0 || latestYear >= period.targetYear) return NO_PROJECTION;
  const r = f.required;
  if (r === null) return NO_PROJECTION;
  return verdict(
    t.side === 'floor'
      ? atMost(r, t.rate + t.tolerance) && atMost(r, highest(rates) + 1)
      : atLeast(r, t.rate - t.tolerance) && atLeast(r, lowest(rates) - 1),
  );
}

/** Spec §2.2: the geometric average of the yearly growth rates against the target rate. */
export function assessRate({ indicator, series, ctx }: FormInput): IndicatorAssessment {
  const { target } = indicator;
  const { period, settings } = ctx;
  const actuals = actualsOf(series, period);
  const rate = finite(target.rate);
  if (rate === null) return formResult(indicator, 'no_data', text.targetMissing(), actuals);
  const latest = actuals.at(-1);
  if (latest === undefined) {
    const reason = text.noActual(lastYear(period, ctx.year));
    return formResult(indicator, 'no_data', reason, actuals, { target: rate });
  }
  const comparator = target.comparator ?? 'at_least';
  const tolerance = toleranceFor(comparator, target.tolerance, settings.aboutTolerance);
  const t = rateTarget(rate, comparator, tolerance);
  const rates = actuals.map((a) => a.value);
  const logSum = logProduct(rates);
  const average = averageOf(logSum, rates.length);
  if (average === null) {
    return formResult(indicator, 'no_data', text.rateUncomputable(), actuals, {
      latestYear: latest.year,
      latestValue: latest.value,
      target: rate,
    });
  }
  const phase = phaseOf(period, latest.year);
  // At the end no year remains to make up for the missing ones.
  const required = phase === 'end' ? null : requiredOf(logSum, rates.length, t.bound, period);
  const f: RateFacts = { average, required };
  const status = rateStatus(t, f, settings, phase);
  const measures = {
    latestYear: latest.year,
    latestValue: latest.value,
    target: rate,
    timeProgress: timeProgress(period, latest.year),
    averageRate: average,
    requiredRate: f.required,
  };
  const outlook = projectRate(t, f, rates, period, latest.year);
  return formResult(indicator, status, rateReason(t, f, status), actuals, measures, outlook);
}
