import type { Indicator, PlanPeriod } from '../plan';
import { finite } from './numbers';
import { NO_PROJECTION, type ProjectionResult } from './projection';
import { isBindingWarning, type Status } from './status';
import type { ReadonlyBySeq } from './by-seq';
import type { Series, ValueIndex } from './values';
import type { AssessContext, AssessmentReason, IndicatorAssessment, YearCheck } from './types';

/** What one target form's evaluator reads. */
export interface FormInput {
  indicator: Indicator;
  series: Series | undefined;
  index: ValueIndex;
  ctx: AssessContext;
  /** The plan's indicators by seq, for a linked target to know what its partner measures. */
  plan: ReadonlyBySeq<Indicator>;
  /** The plan's own period; `ctx.period` starts at the indicator's B′ where it has one. */
  planPeriod: PlanPeriod;
}

type Measures = Pick<
  IndicatorAssessment,
  | 'completion'
  | 'timeProgress'
  | 'pace'
  | 'latestYear'
  | 'latestValue'
  | 'baseline'
  | 'target'
  | 'expected'
  | 'averageRate'
  | 'requiredRate'
>;

const NO_MEASURES: Partial<Measures> = {};

/**
 * An indicator's assessment: any measure not given is null, and every number is finite or null.
 * Its phase, revision and the age of its data are set after, on this same object
 * (`assessIndexed`): a copy per indicator would double the engine's time.
 */
export function formResult(
  indicator: Indicator,
  status: Status,
  reason: AssessmentReason,
  years: YearCheck[],
  m: Partial<Measures> = NO_MEASURES,
  outlook: ProjectionResult = NO_PROJECTION,
): IndicatorAssessment {
  return {
    seq: indicator.seq,
    name: indicator.name,
    category: indicator.category,
    attribute: indicator.attribute,
    form: indicator.target.form,
    status,
    phase: 'progress',
    reason,
    completion: finite(m.completion),
    timeProgress: finite(m.timeProgress),
    pace: finite(m.pace),
    latestYear: finite(m.latestYear),
    latestValue: finite(m.latestValue),
    baseline: finite(m.baseline),
    target: finite(m.target),
    expected: finite(m.expected),
    averageRate: finite(m.averageRate),
    requiredRate: finite(m.requiredRate),
    projection: outlook.projection,
    projectedValue: finite(outlook.projectedValue),
    requiredPace: finite(outlook.requiredPace),
    trend: outlook.trend,
    bindingWarning: isBindingWarning(indicator.attribute, status),
    revision: null,
    years,
  };
}
