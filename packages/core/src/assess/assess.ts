import { planTarget } from '../plan';
import type {
  AssessmentSettings,
  Indicator,
  PlanPeriod,
  Target,
  TargetForm,
  TargetRevision,
  YearValue,
} from '../plan';
import { assessAssigned } from './assigned';
import { assessBound, assessMaintain } from './bound';
import { BySeq, type ReadonlyBySeq } from './by-seq';
import { assessCumulative } from './cumulative';
import { formResult, type FormInput } from './form';
import { assessLevel } from './level';
import { assessLinked } from './linked';
import { assessRate } from './annual-rate';
import { finite } from './numbers';
import * as text from './reason';
import { summarize, type PlanSummary } from './summary';
import { lastYear, phaseOf } from './time';
import type { AssessContext, IndicatorAssessment, RevisionInForce } from './types';
import { actualsOf, indexValues, type ValueIndex } from './values';

const assessMonitor = ({ indicator, series, ctx }: FormInput): IndicatorAssessment => {
  const actuals = actualsOf(series, ctx.period);
  const latest = actuals.at(-1);
  return formResult(indicator, 'not_assessed', text.notAssessed(), actuals, {
    latestYear: latest?.year,
    latestValue: latest?.value,
  });
};

/** By the target's form: a switch, as a table looked up by the form's name is a megamorphic load. */
function assessForm(form: TargetForm, input: FormInput): IndicatorAssessment {
  switch (form) {
    case 'level':
      return assessLevel(input);
    case 'annual_rate':
      return assessRate(input);
    case 'cumulative':
      return assessCumulative(input);
    case 'bound':
      return assessBound(input);
    case 'maintain':
      return assessMaintain(input);
    case 'assigned':
      return assessAssigned(input);
    case 'linked':
      return assessLinked(input);
    case 'monitor':
      return assessMonitor(input);
  }
}

/** Shared, not `?? []`: no array per indicator for the many without revisions. */
const NO_REVISIONS: readonly TargetRevision[] = [];

/**
 * The revision (动态调整) in force at evaluation year `year`: the latest from a year ≤ `year`; of
 * two from the same year, the one made later (later in the list).
 */
export function revisionAt(indicator: Indicator, year: number): TargetRevision | null {
  let found: TargetRevision | null = null;
  for (const r of indicator.revisions ?? NO_REVISIONS) {
    if (r.fromYear <= year && (found === null || r.fromYear >= found.fromYear)) found = r;
  }
  return found;
}

/** The number a target is stated in: T, else r, else X. */
const headline = (t: Target): number | null => finite(t.value ?? t.rate ?? t.cumulative);

function inForce(indicator: Indicator, r: TargetRevision): RevisionInForce {
  return {
    fromYear: r.fromYear,
    document: r.document,
    reason: r.reason,
    originalValue: headline(indicator.target),
    originalText: planTarget(indicator.raw),
    revisedValue: headline(r.target),
    revisedText: r.text,
  };
}

/** The indicator's own baseline year B′ where it has one, else the plan's B (spec §1). */
const baseYearOf = (target: Target, period: PlanPeriod): number =>
  target.baselineYear ?? period.baselineYear;

function assessIndexed(
  original: Indicator,
  index: ValueIndex,
  ctx: AssessContext,
  plan: ReadonlyBySeq<Indicator>,
): IndicatorAssessment {
  const revision = revisionAt(original, ctx.year);
  const indicator = revision === null ? original : { ...original, target: revision.target };
  const base = baseYearOf(indicator.target, ctx.period);
  const own: AssessContext =
    base === ctx.period.baselineYear
      ? ctx
      : { ...ctx, period: { ...ctx.period, baselineYear: base } };
  const a = assessForm(indicator.target.form, {
    indicator,
    series: index.get(indicator.seq),
    index,
    ctx: own,
    plan,
    planPeriod: ctx.period,
  });
  const latest = a.latestYear;
  const last = lastYear(ctx.period, ctx.year);
  // Without data the view's year decides: at Y a reviewer concludes on 完成 / 基本完成 / 未完成.
  a.phase = phaseOf(ctx.period, latest ?? last);
  if (latest !== null && latest < last && a.status !== 'not_assessed')
    a.reason = text.prefixed(text.dataAsOf(latest), a.reason);
  if (revision !== null) a.revision = inForce(original, revision);
  return a;
}

function bySeq(indicators: readonly Indicator[]): BySeq<Indicator> {
  const plan = new BySeq<Indicator>();
  for (const i of indicators) plan.set(i.seq, i);
  return plan;
}

/** The first year any indicator reads: B, or an earlier B′ (of the target in force or the original). */
function firstYear(indicators: Iterable<Indicator>, period: PlanPeriod): number {
  let first = period.baselineYear;
  for (const i of indicators) {
    first = Math.min(first, baseYearOf(i.target, period));
    for (const r of i.revisions ?? NO_REVISIONS)
      first = Math.min(first, baseYearOf(r.target, period));
  }
  return first;
}

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
  const first = firstYear([indicator, ...others], ctx.period);
  const index = indexValues(values, ctx.period, ctx.year, first);
  return assessIndexed(indicator, index, ctx, bySeq(others));
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
  const first = firstYear(input.indicators, ctx.period);
  const index = indexValues(input.values, ctx.period, ctx.year, first);
  const plan = bySeq(input.indicators);
  const indicators: IndicatorAssessment[] = [];
  for (const i of input.indicators) indicators.push(assessIndexed(i, index, ctx, plan));
  return { year: input.year, indicators, summary: summarize(indicators, input.year) };
}
