import type { Comparator } from '../plan';
import { defaultComparator, satisfies, toleranceFor } from './compare';
import { breachesBefore, checkStatus } from './checks';
import { formResult, type FormInput } from './form';
import { assessPath } from './level';
import { finite } from './numbers';
import * as text from './reason';
import { lastYear, phaseOf, timeProgress } from './time';
import type { IndicatorAssessment, YearCheck } from './types';
import { actualsOf, baselineOf, type Actual } from './values';

interface BoundRule {
  bound: number;
  comparator: Comparator;
  tolerance: number;
}

/** Checks every year's actual against one bound; the latest year decides (spec §2.4). */
function assessAgainst(
  { indicator, series, ctx }: FormInput,
  rule: BoundRule,
  baseline: number | null,
  actuals: readonly Actual[] = actualsOf(series, ctx.period),
): IndicatorAssessment {
  const { period } = ctx;
  const { bound, comparator, tolerance } = rule;
  const years: YearCheck[] = [];
  for (const a of actuals) {
    years.push({
      year: a.year,
      value: a.value,
      target: bound,
      met: satisfies(a.value, comparator, bound, tolerance),
    });
  }
  const latest = years.at(-1);
  if (latest === undefined || latest.value === null) {
    return formResult(indicator, 'no_data', text.noActual(lastYear(period, ctx.year)), years, {
      baseline,
      target: bound,
    });
  }
  const met = latest.met === true;
  const reason = text.yearCheck({
    year: latest.year,
    value: latest.value,
    comparator,
    bound,
    tolerance,
    met,
    breaches: breachesBefore(years, latest.year),
  });
  return formResult(indicator, checkStatus(met, phaseOf(period, latest.year)), reason, years, {
    timeProgress: timeProgress(period, latest.year),
    latestYear: latest.year,
    latestValue: latest.value,
    baseline,
    target: bound,
  });
}

/**
 * `bound`: every year's value stays on the right side of T. A bound whose year-B value is known
 * and does not meet it is a line to reach (spec §2.4 [v2]): a level path from that value to T,
 * achieved once a year meets it.
 */
export function assessBound(input: FormInput): IndicatorAssessment {
  const { indicator, series, ctx } = input;
  const { target } = indicator;
  const bound = finite(target.value);
  const actuals = actualsOf(series, ctx.period);
  if (bound === null) return formResult(indicator, 'no_data', text.targetMissing(), actuals);
  const comparator = defaultComparator(target);
  const tolerance = toleranceFor(comparator, target.tolerance, ctx.settings.aboutTolerance);
  const rule = { bound, comparator, tolerance };
  const start = baselineOf(target, series, ctx.period);
  if (start === null || satisfies(start, comparator, bound, tolerance)) {
    return assessAgainst(input, rule, start, actuals);
  }
  const meets = (v: number) => satisfies(v, comparator, bound, tolerance);
  const reached = actuals.find((a) => meets(a.value));
  const decreasing = bound < start;
  return assessPath(
    input,
    actuals,
    {
      path: { start, goal: bound, decreasing, meets },
      start,
      rate: null,
      reachedIn: reached?.year ?? null,
    },
    (l) => text.reachSubject(l.year, l.value, start),
  );
}

/** `maintain`: a bound at the baseline (else the kept level T), with the indicator's tolerance. */
export function assessMaintain(input: FormInput): IndicatorAssessment {
  const { target } = input.indicator;
  const kept = baselineOf(target, input.series, input.ctx.period) ?? finite(target.value);
  if (kept === null) {
    return formResult(
      input.indicator,
      'no_data',
      text.baselineMissing(),
      actualsOf(input.series, input.ctx.period),
    );
  }
  const comparator = defaultComparator(target);
  const rule = { bound: kept, comparator, tolerance: target.tolerance ?? 0 };
  return assessAgainst(input, rule, kept);
}
