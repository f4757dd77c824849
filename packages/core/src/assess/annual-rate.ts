import type { AssessmentSettings, Comparator, PlanPeriod } from '../plan';
import { toleranceFor } from './compare';
import { formResult, type FormInput } from './form';
import { atLeast, atMost, finite } from './numbers';
import { NO_PROJECTION, type ProjectionResult } from './projection';
import { averageRate, requiredRate } from './rate';
import * as text from './reason';
import type { Status } from './status';
import { lastYear, timeProgress } from './time';
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

/** Spec §3, annual_rate column; a ceiling mirrors the floor rules. */
export function rateStatus(t: RateTarget, f: RateFacts, s: AssessmentSettings): Status {
  const { average: g, required: r } = f;
  if (t.side === 'floor') {
    if (atLeast(g, t.bound)) return 'on_track';
    if (r !== null && !atMost(r, t.bound + s.requiredRateGap)) return 'seriously_lagging';
    return atLeast(g, t.bound - s.rateSeriousGap) ? 'lagging' : 'seriously_lagging';
  }
  if (atMost(g, t.bound)) return 'on_track';
  if (r !== null && !atLeast(r, t.bound - s.requiredRateGap)) return 'seriously_lagging';
  return atMost(g, t.bound + s.rateSeriousGap) ? 'lagging' : 'seriously_lagging';
}

function rateReason(t: RateTarget, f: RateFacts, status: Status): AssessmentReason {
  if (t.side === 'ceiling') {
    return status === 'on_track'
      ? text.rateWithinCeiling(f.average, t.bound)
      : text.rateAboveCeiling(f.average, t.bound, f.required);
  }
  if (status !== 'on_track') return text.rateBelowFloor(f.average, t.bound, f.required);
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

/**
 * Spec §4: likely when R ≤ r + tol and R ≤ max(gᵢ) + 1 (a floor); a ceiling mirrors it
 * (R ≥ r − tol and R ≥ min(gᵢ) − 1). Once Y has data the outcome itself decides.
 */
export function projectRate(
  t: RateTarget,
  f: RateFacts,
  rates: readonly number[],
  period: PlanPeriod,
): ProjectionResult {
  const remaining = period.targetYear - period.baselineYear - rates.length;
  if (remaining <= 0) {
    return verdict(t.side === 'floor' ? atLeast(f.average, t.bound) : atMost(f.average, t.bound));
  }
  const r = f.required;
  if (r === null) return NO_PROJECTION;
  return verdict(
    t.side === 'floor'
      ? atMost(r, t.rate + t.tolerance) && atMost(r, Math.max(...rates) + 1)
      : atLeast(r, t.rate - t.tolerance) && atLeast(r, Math.min(...rates) - 1),
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
  const average = averageRate(rates);
  if (average === null) {
    return formResult(indicator, 'no_data', text.rateUncomputable(), actuals, {
      latestYear: latest.year,
      latestValue: latest.value,
      target: rate,
    });
  }
  const f: RateFacts = { average, required: requiredRate(rates, t.bound, period) };
  const status = rateStatus(t, f, settings);
  const measures = {
    latestYear: latest.year,
    latestValue: latest.value,
    target: rate,
    timeProgress: timeProgress(period, latest.year),
    averageRate: average,
    requiredRate: f.required,
  };
  const outlook = projectRate(t, f, rates, period);
  return formResult(indicator, status, rateReason(t, f, status), actuals, measures, outlook);
}
