import type { Comparator, Target } from '../plan';
import { defaultComparator, satisfies, toleranceFor } from './compare';
import { breachesBefore, checkStatus } from './checks';
import { formResult, type FormInput } from './form';
import * as text from './reason';
import { lastYear, phaseOf, timeProgress } from './time';
import type { IndicatorAssessment, YearCheck } from './types';
import { actualAt, assignedAt } from './values';

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
  const first = series?.first ?? period.baselineYear;
  const size = Math.max(series?.actual.length ?? 0, series?.assigned.length ?? 0);
  // The rule of a year whose target states no comparator: made once, not once a year.
  const fallback = ruleOf(indicator.target, null, settings.aboutTolerance);
  for (let y = Math.max(first, period.baselineYear + 1); y < first + size; y++) {
    const value = actualAt(series, y);
    const assigned = assignedAt(series, y);
    if (value === null && assigned === undefined) continue;
    const rule = assigned?.comparator
      ? ruleOf(indicator.target, assigned.comparator, settings.aboutTolerance)
      : fallback;
    const met =
      value !== null && assigned !== undefined
        ? satisfies(value, rule.comparator, assigned.value, rule.tolerance)
        : null;
    years.push({ year: y, value, target: assigned?.value ?? null, met });
  }
  const latest = years.findLast((y) => y.value !== null);
  if (latest === undefined || latest.value === null) {
    return formResult(indicator, 'no_data', text.noActual(lastYear(period, ctx.year)), years);
  }
  const tau = timeProgress(period, latest.year);
  const assigned = assignedAt(series, latest.year);
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
  return formResult(indicator, checkStatus(met, phaseOf(period, latest.year)), reason, years, {
    timeProgress: tau,
    latestYear: latest.year,
    latestValue: latest.value,
    target: assigned.value,
  });
}
