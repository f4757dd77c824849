import { formResult, type FormInput } from './form';
import { finite } from './numbers';
import { progressReason, progressStatus, type Path } from './progress';
import { projectCompound, projectLevel, projectTotal, type ProjectionResult } from './projection';
import * as text from './reason';
import type { IndicatorAssessment } from './types';
import { lastYear, phaseOf, timeProgress } from './time';
import { actualsOf, baselineOf, type Actual } from './values';

const sum = (actuals: readonly Actual[]): number => actuals.reduce((s, a) => s + a.value, 0);

/**
 * `sumOf: compound` (spec §2.3): yearly reductions (or growths) in % of an intensity, compounded:
 * C = (1 − Π(1 − aᵢ/100))·100 for a reduction, (Π(1 + aᵢ/100) − 1)·100 for a growth.
 */
export function compoundTotal(yearly: readonly number[], reduction: boolean): number {
  const sign = reduction ? -1 : 1;
  let kept = 1;
  for (const a of yearly) kept *= 1 + (sign * a) / 100;
  return sign * (kept - 1) * 100;
}

/**
 * Spec §2.3: c = C / X over the approved years. With `sumOf: 'increases'` the yearly values are
 * levels and C is their increase since the baseline; with `compound` they are yearly reductions
 * or growths in %, compounded.
 */
export function assessCumulative({ indicator, series, ctx }: FormInput): IndicatorAssessment {
  const { target } = indicator;
  const { period } = ctx;
  const actuals = actualsOf(series, period);
  const goal = finite(target.cumulative);
  if (goal === null) return formResult(indicator, 'no_data', text.targetMissing(), actuals);
  const increases = target.sumOf === 'increases';
  const compound = target.sumOf === 'compound';
  const reduction = target.direction === 'decrease';
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
  const total =
    base !== null
      ? latest.value - base
      : compound
        ? compoundTotal(
            actuals.map((a) => a.value),
            reduction,
          )
        : sum(actuals);
  const path: Path = { start: 0, goal, decreasing: reduction };
  const tau = timeProgress(period, latest.year);
  const phase = phaseOf(period, latest.year);
  const p = progressStatus(path, total, tau, ctx.settings, phase);
  let projection: ProjectionResult;
  if (base !== null) {
    const level = { ...path, start: base, goal: base + goal };
    projection = shiftedBy(base, projectLevel(level, latest.value, latest.year, period));
  } else if (compound) {
    projection = projectCompound(path, total, actuals.length, reduction, latest.year, period);
  } else {
    projection = projectTotal(path, total, actuals.length, latest.year, period);
  }
  return formResult(
    indicator,
    p.status,
    progressReason(p, tau, text.totalSubject(total, compound), goal, phase),
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
