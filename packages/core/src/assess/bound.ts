import { defaultComparator, satisfies, toleranceFor } from './compare';
import { breachesBefore, checkStatus } from './checks';
import { formResult, type FormInput } from './form';
import { finite } from './numbers';
import * as text from './reason';
import { lastYear, timeProgress } from './time';
import type { IndicatorAssessment, YearCheck } from './types';
import { actualsOf, baselineOf } from './values';

/** Checks every year's actual against one bound; the latest year decides (spec §2.4). */
function assessAgainst(
  { indicator, series, ctx }: FormInput,
  bound: number,
  baseline: number | null,
): IndicatorAssessment {
  const { period } = ctx;
  const comparator = defaultComparator(indicator.target);
  const tolerance = toleranceFor(
    comparator,
    indicator.target.tolerance,
    ctx.settings.aboutTolerance,
  );
  const years: YearCheck[] = actualsOf(series, period).map((a) => ({
    year: a.year,
    value: a.value,
    target: bound,
    met: satisfies(a.value, comparator, bound, tolerance),
  }));
  const latest = years.at(-1);
  if (latest === undefined || latest.value === null) {
    return formResult(indicator, 'no_data', text.noActual(lastYear(period, ctx.year)), years, {
      baseline,
      target: bound,
    });
  }
  const met = latest.met === true;
  const breaches = breachesBefore(years, latest.year);
  const reason = text.yearCheck({
    year: latest.year,
    value: latest.value,
    comparator,
    bound,
    tolerance,
    met,
    breaches,
  });
  return formResult(indicator, checkStatus(met), reason, years, {
    timeProgress: timeProgress(period, latest.year),
    latestYear: latest.year,
    latestValue: latest.value,
    baseline,
    target: bound,
  });
}

/** `bound`: every year's value stays on the right side of T. */
export function assessBound(input: FormInput): IndicatorAssessment {
  const bound = finite(input.indicator.target.value);
  if (bound === null) {
    return formResult(
      input.indicator,
      'no_data',
      text.targetMissing(),
      actualsOf(input.series, input.ctx.period),
    );
  }
  return assessAgainst(input, bound, null);
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
  return assessAgainst(input, kept, kept);
}
