import { formResult, type FormInput } from './form';
import { finite } from './numbers';
import { progressReason, progressStatus, type Path } from './progress';
import { projectLevel, projectTotal, type ProjectionResult } from './projection';
import * as text from './reason';
import { lastYear, timeProgress } from './time';
import type { IndicatorAssessment } from './types';
import { actualsOf, baselineOf, type Actual } from './values';

const sum = (actuals: readonly Actual[]): number => actuals.reduce((s, a) => s + a.value, 0);

/**
 * Spec §2.3: c = Σ / X over the approved years. With `sumOf: 'increases'` the yearly values are
 * levels and Σ is their increase since the baseline (the sum of year-on-year increases).
 */
export function assessCumulative({ indicator, series, ctx }: FormInput): IndicatorAssessment {
  const { target } = indicator;
  const { period } = ctx;
  const actuals = actualsOf(series, period);
  const goal = finite(target.cumulative);
  if (goal === null) return formResult(indicator, 'no_data', text.targetMissing(), actuals);
  const increases = target.sumOf === 'increases';
  const base = increases ? baselineOf(target, series, period) : null;
  if (increases && base === null) {
    return formResult(indicator, 'no_data', text.baselineMissing(), actuals, { target: goal });
  }
  const latest = actuals.at(-1);
  if (latest === undefined) {
    return formResult(indicator, 'no_data', text.noActual(lastYear(period, ctx.year)), actuals, {
      baseline: base,
      target: goal,
    });
  }
  const total = base !== null ? latest.value - base : sum(actuals);
  const path: Path = { start: 0, goal, decreasing: target.direction === 'decrease' };
  const tau = timeProgress(period, latest.year);
  const p = progressStatus(path, total, tau, ctx.settings);
  const projection: ProjectionResult =
    base !== null
      ? shiftedBy(
          base,
          projectLevel(
            { ...path, start: base, goal: base + goal },
            latest.value,
            latest.year,
            period,
          ),
        )
      : projectTotal(path, total, actuals.length, latest.year, period);
  return formResult(
    indicator,
    p.status,
    progressReason(p, tau, text.totalSubject(total), goal),
    actuals,
    {
      completion: p.completion,
      timeProgress: tau,
      pace: p.pace,
      latestYear: latest.year,
      latestValue: latest.value,
      baseline: base,
      target: goal,
      expected: goal * tau,
    },
    projection,
  );
}

/** A level projection, read as the increase over the baseline. */
function shiftedBy(base: number, p: ProjectionResult): ProjectionResult {
  return { ...p, projectedValue: p.projectedValue === null ? null : p.projectedValue - base };
}
