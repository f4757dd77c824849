import type { AssessmentSettings, Indicator, PlanPeriod, TargetForm, YearValue } from '../plan';
import { assessAssigned } from './assigned';
import { assessBound, assessMaintain } from './bound';
import { assessCumulative } from './cumulative';
import { formResult, type FormInput } from './form';
import { assessLevel } from './level';
import { assessLinked } from './linked';
import { assessRate } from './annual-rate';
import * as text from './reason';
import { summarize, type PlanSummary } from './summary';
import type { AssessContext, IndicatorAssessment } from './types';
import { actualsOf, indexValues, type ValueIndex } from './values';

const assessMonitor = ({ indicator, series, ctx }: FormInput): IndicatorAssessment => {
  const actuals = actualsOf(series, ctx.period);
  const latest = actuals.at(-1);
  return formResult(indicator, 'not_assessed', text.notAssessed(), actuals, {
    latestYear: latest?.year,
    latestValue: latest?.value,
  });
};

const byForm: Record<TargetForm, (input: FormInput) => IndicatorAssessment> = {
  level: assessLevel,
  annual_rate: assessRate,
  cumulative: assessCumulative,
  bound: assessBound,
  maintain: assessMaintain,
  assigned: assessAssigned,
  linked: assessLinked,
  monitor: assessMonitor,
};

function assessIndexed(
  indicator: Indicator,
  index: ValueIndex,
  ctx: AssessContext,
  plan: ReadonlyMap<number, Indicator>,
): IndicatorAssessment {
  return byForm[indicator.target.form]({
    indicator,
    series: index.get(indicator.seq),
    index,
    ctx,
    plan,
  });
}

const bySeq = (indicators: readonly Indicator[]) => new Map(indicators.map((i) => [i.seq, i]));

/**
 * One indicator at evaluation year `ctx.year`. `values` are approved values only; they may
 * include other indicators' (a linked target reads its partner's, and `others` says what the
 * partner measures).
 */
export function assessIndicator(
  indicator: Indicator,
  values: readonly YearValue[],
  ctx: AssessContext,
  others: readonly Indicator[] = [],
): IndicatorAssessment {
  return assessIndexed(indicator, indexValues(values, ctx.period, ctx.year), ctx, bySeq(others));
}

export interface PlanAssessmentInput {
  plan: PlanPeriod & { settings: AssessmentSettings };
  indicators: readonly Indicator[];
  /** Approved values of this plan's indicators. */
  values: readonly YearValue[];
  year: number;
}

export interface PlanAssessment {
  year: number;
  indicators: IndicatorAssessment[];
  summary: PlanSummary;
}

/** Every indicator of one plan at evaluation year `year`, with the summary of spec §5. */
export function assessPlan(input: PlanAssessmentInput): PlanAssessment {
  const ctx: AssessContext = {
    period: input.plan,
    settings: input.plan.settings,
    year: input.year,
  };
  const index = indexValues(input.values, ctx.period, ctx.year);
  const plan = bySeq(input.indicators);
  const indicators = input.indicators.map((i) => assessIndexed(i, index, ctx, plan));
  return { year: input.year, indicators, summary: summarize(indicators, input.year) };
}
