import { ownOr, satisfies } from './compare';
import { breachesBefore, checkStatus } from './checks';
import { formResult, type FormInput } from './form';
import { finite } from './numbers';
import * as text from './reason';
import { lastYear, phaseOf, timeProgress } from './time';
import type { IndicatorAssessment, YearCheck } from './types';
import type { AssessmentSettings, Comparator, Indicator, PlanPeriod, Target } from '../plan';
import { actualAt, actualsOf, baselineOf, type Series } from './values';

/**
 * The partner's value of year `y` to compare with: its actual, or, when the partner is a level
 * (GDP in 亿元 against an income growth rate), its growth over the year before in %.
 */
function partnerValue(
  partner: Indicator | undefined,
  series: Series | undefined,
  plan: PlanPeriod,
) {
  if (partner?.target.form !== 'level') return (y: number) => actualAt(series, y);
  const baseYear = partner.target.baselineYear ?? plan.baselineYear;
  return (y: number): number | null => {
    const now = actualAt(series, y);
    const before =
      y - 1 === baseYear
        ? baselineOf(partner.target, series, { ...plan, baselineYear: baseYear })
        : actualAt(series, y - 1);
    // A base too small for its growth to be a number (5e-324, say) gives no comparison.
    return now === null || before === null || !(before > 0)
      ? null
      : finite((now / before - 1) * 100);
  };
}

/**
 * The comparison of a linked target (spec §2.6): 基本同步 at_least with the plan's tolerance
 * (0.5 pp); 不低于 at_least with 0; 高于 above with 0. An own tolerance, 0 included, is kept.
 */
export function linkedRule(
  target: Target,
  settings: AssessmentSettings,
): { comparator: Comparator; tolerance: number } {
  const comparator = target.comparator ?? 'at_least';
  const fallback =
    comparator === 'at_least' || comparator === 'about' ? settings.linkedTolerance : 0;
  return { comparator, tolerance: ownOr(target.tolerance, fallback) };
}

/**
 * `linked` (spec §2.6): met when a_y stands on the right side of a'_y, a' the linked indicator's
 * actual of the same year (its growth when it is a level), with the rule of `linkedRule`.
 */
export function assessLinked({
  indicator,
  series,
  index,
  ctx,
  plan,
  planPeriod,
}: FormInput): IndicatorAssessment {
  const { period } = ctx;
  const actuals = actualsOf(series, period);
  const to = indicator.target.linkedTo;
  if (to === null) return formResult(indicator, 'no_data', text.linkMissing(), actuals);
  const partner = plan.get(to);
  const linkedAt = partnerValue(partner, index.get(to), planPeriod);
  const { comparator, tolerance } = linkedRule(indicator.target, ctx.settings);
  const years: YearCheck[] = actuals.map((a) => {
    const linked = linkedAt(a.year);
    return {
      year: a.year,
      value: a.value,
      target: linked,
      met: linked === null ? null : satisfies(a.value, comparator, linked, tolerance),
    };
  });
  const latest = years.at(-1);
  if (latest === undefined || latest.value === null) {
    return formResult(indicator, 'no_data', text.noActual(lastYear(period, ctx.year)), years);
  }
  const tau = timeProgress(period, latest.year);
  if (latest.target === null) {
    return formResult(indicator, 'no_data', text.linkedValueMissing(latest.year, to), years, {
      timeProgress: tau,
      latestYear: latest.year,
      latestValue: latest.value,
    });
  }
  const met = latest.met === true;
  const reason = text.linkedCheck({
    year: latest.year,
    value: latest.value,
    linkedSeq: to,
    linkedValue: latest.target,
    growth: partner?.target.form === 'level',
    comparator,
    tolerance,
    met,
    breaches: breachesBefore(years, latest.year),
  });
  return formResult(indicator, checkStatus(met, phaseOf(period, latest.year)), reason, years, {
    timeProgress: tau,
    latestYear: latest.year,
    latestValue: latest.value,
    target: latest.target,
  });
}
