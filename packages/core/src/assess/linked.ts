import { ownOr } from './compare';
import { breachesBefore, checkStatus } from './checks';
import { formResult, type FormInput } from './form';
import { atLeast, finite } from './numbers';
import * as text from './reason';
import { lastYear, timeProgress } from './time';
import type { IndicatorAssessment, YearCheck } from './types';
import type { Indicator, PlanPeriod } from '../plan';
import { actualAt, actualsOf, baselineOf, type Series } from './values';

/**
 * The partner's value of year `y` to compare with: its actual, or, when the partner is a level
 * (GDP in 亿元 against an income growth rate), its growth over the year before in %.
 */
function partnerValue(
  partner: Indicator | undefined,
  series: Series | undefined,
  period: PlanPeriod,
) {
  if (partner?.target.form !== 'level') return (y: number) => actualAt(series, period, y);
  return (y: number): number | null => {
    const now = actualAt(series, period, y);
    const before =
      y - 1 === period.baselineYear
        ? baselineOf(partner.target, series, period)
        : actualAt(series, period, y - 1);
    // A base too small for its growth to be a number (5e-324, say) gives no comparison.
    return now === null || before === null || !(before > 0)
      ? null
      : finite((now / before - 1) * 100);
  };
}

/**
 * `linked` (spec §2.6): met when a_y ≥ a'_y − tol, a' the linked indicator's actual of the same
 * year (its growth when it is a level); tol is the indicator's own, else the plan's 基本同步 tolerance.
 */
export function assessLinked({
  indicator,
  series,
  index,
  ctx,
  plan,
}: FormInput): IndicatorAssessment {
  const { period } = ctx;
  const actuals = actualsOf(series, period);
  const to = indicator.target.linkedTo;
  if (to === null) return formResult(indicator, 'no_data', text.linkMissing(), actuals);
  const partner = plan.get(to);
  const linkedAt = partnerValue(partner, index.get(to), period);
  const tolerance = ownOr(indicator.target.tolerance, ctx.settings.linkedTolerance);
  const years: YearCheck[] = actuals.map((a) => {
    const linked = linkedAt(a.year);
    return {
      year: a.year,
      value: a.value,
      target: linked,
      met: linked === null ? null : atLeast(a.value, linked - tolerance),
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
    tolerance,
    met,
    breaches: breachesBefore(years, latest.year),
  });
  return formResult(indicator, checkStatus(met), reason, years, {
    timeProgress: tau,
    latestYear: latest.year,
    latestValue: latest.value,
    target: latest.target,
  });
}
