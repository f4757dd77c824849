import type { Comparator, Target } from '../plan';
import { defaultComparator, satisfies, toleranceFor } from './compare';
import { breachesBefore, checkStatus } from './checks';
import { formResult, type FormInput } from './form';
import * as text from './reason';
import { lastYear, timeProgress } from './time';
import type { IndicatorAssessment, YearCheck } from './types';

interface Rule {
  comparator: Comparator;
  tolerance: number;
}

/** The year's comparator (else the indicator's default) and its tolerance. */
function ruleOf(
  target: Target,
  comparator: Comparator | null | undefined,
  aboutTolerance: number,
): Rule {
  const c = comparator ?? defaultComparator(target);
  return { comparator: c, tolerance: toleranceFor(c, target.tolerance, aboutTolerance) };
}

/**
 * `assigned` (spec §2.5): each year is checked against the target the city assigned for it,
 * with that target's comparator, else the indicator's. The latest actual's year decides.
 */
export function assessAssigned({ indicator, series, ctx }: FormInput): IndicatorAssessment {
  const { period, settings } = ctx;
  const years: YearCheck[] = [];
  const size = Math.max(series?.actual.length ?? 0, series?.assigned.length ?? 0);
  for (let i = 1; i < size; i++) {
    const value = series?.actual[i];
    const assigned = series?.assigned[i];
    if (value === undefined && assigned === undefined) continue;
    const rule = ruleOf(indicator.target, assigned?.comparator, settings.aboutTolerance);
    const met =
      value !== undefined && assigned !== undefined
        ? satisfies(value, rule.comparator, assigned.value, rule.tolerance)
        : null;
    years.push({
      year: period.baselineYear + i,
      value: value ?? null,
      target: assigned?.value ?? null,
      met,
    });
  }
  const latest = years.findLast((y) => y.value !== null);
  if (latest === undefined || latest.value === null) {
    return formResult(indicator, 'no_data', text.noActual(lastYear(period, ctx.year)), years);
  }
  const tau = timeProgress(period, latest.year);
  const assigned = series?.assigned[latest.year - period.baselineYear];
  if (assigned === undefined) {
    return formResult(
      indicator,
      'awaiting_target',
      text.awaitingTarget(latest.year, latest.value),
      years,
      { timeProgress: tau, latestYear: latest.year, latestValue: latest.value },
    );
  }
  const met = latest.met === true;
  const rule = ruleOf(indicator.target, assigned.comparator, settings.aboutTolerance);
  const reason = text.yearCheck({
    year: latest.year,
    value: latest.value,
    comparator: rule.comparator,
    bound: assigned.value,
    tolerance: rule.tolerance,
    met,
    breaches: breachesBefore(years, latest.year),
  });
  return formResult(indicator, checkStatus(met), reason, years, {
    timeProgress: tau,
    latestYear: latest.year,
    latestValue: latest.value,
    target: assigned.value,
  });
}
