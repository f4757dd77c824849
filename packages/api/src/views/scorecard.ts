import {
  approvedCompleteness,
  assessPlan,
  indicatorChart,
  targetWords,
  rateBand,
  isDemo,
  readSnapshot,
  yearChange,
  RULES_VERSION,
  type AssessmentSettings,
  type District,
  type EvaluationSnapshot,
  type Indicator,
  type IndicatorAssessment,
  type PlanFile,
  type PlanSummary,
  type RateBand,
  type RulesVersion,
  type SourcedValue,
  type Status,
  type YearChange,
  type YearValue,
} from '@pm/core';
import { type EvaluationRound, type PlanInput } from '@pm/db';

/** The plan period and title, as pages show them. */
export interface PlanPeriodView {
  title: string;
  baselineYear: number;
  midtermYear: number;
  targetYear: number;
}

/**
 * 数据完整率: of the indicators the year requires figures of, those whose every required figure
 * is approved (core's `requiredCells`: the actual, the city-assigned target where the form needs one).
 */
export interface Completeness {
  reported: number;
  total: number;
  share: number | null;
}

/** One indicator on the scorecard: the engine's assessment and what a reader needs beside it. */
export interface ScorecardRow extends IndicatorAssessment {
  unit: string;
  /** 牵头单位 */
  leadDepartment: string | null;
  /** The plan's own target cell, verbatim. */
  targetText: string | null;
  band: RateBand | null;
  /** Some of its figures are illustrative (演示数据). */
  demo: boolean;
  /** A reviewer's override in a finalized round: what the engine said, and why it was changed. */
  override: { computed: Status; reason: string | null } | null;
  /** 同比变化: the latest actual against the year before's, when both are approved. */
  change: YearChange | null;
}

export interface Scorecard {
  district: District;
  plan: PlanPeriodView;
  year: number;
  mode: 'live' | 'finalized';
  /** The rules the statuses were graded by, which decides their words (a v1 round keeps v1's). */
  rules: RulesVersion;
  demo: boolean;
  completeness: Completeness;
  summary: PlanSummary;
  indicators: ScorecardRow[];
  /** The finalized round shown, in finalized mode. */
  round: { id: number; finalizedBy: string | null; finalizedAt: Date | null } | null;
  /** Years that have a finalized round, newest first. */
  finalizedYears: number[];
}

export const periodOf = (file: Pick<PlanFile, 'plan'>): PlanPeriodView => ({
  title: file.plan.title,
  baselineYear: file.plan.baselineYear,
  midtermYear: file.plan.midtermYear,
  targetYear: file.plan.targetYear,
});

/** The completeness of approved `values` at `year`, by core's one definition. */
export function completeness(
  file: { plan: PlanPeriodView; indicators: readonly Indicator[] },
  values: readonly SourcedValue[],
  year: number,
): Completeness {
  return approvedCompleteness(file, values, year);
}

const demoSeqs = (values: readonly SourcedValue[]) =>
  new Set(values.filter(isDemo).map((v) => v.seq));

export function scorecardRow(
  indicator: Indicator,
  a: IndicatorAssessment,
  plan: { settings: AssessmentSettings; targetYear: number },
  demo: boolean,
  values: readonly YearValue[],
  override: ScorecardRow['override'] = null,
): ScorecardRow {
  return {
    ...a,
    unit: indicator.unit,
    leadDepartment: indicator.leadDepartment,
    // As a person says it (2025 年达到 70 个以上，年均增长 6%); the printed cells are in `raw`.
    targetText: targetWords(indicator, plan.targetYear).zh,
    band: rateBand(indicator, plan.settings),
    demo,
    override,
    change: yearChange(indicator, values, a.latestYear),
  };
}

export function assessInput(input: Pick<PlanInput, 'file' | 'values'>, year: number) {
  return assessPlan({
    plan: input.file.plan,
    indicators: input.file.indicators,
    values: input.values,
    year,
  });
}

/** The scorecard as the data stands now. */
export function liveScorecard(input: PlanInput, year: number, finalizedYears: number[]): Scorecard {
  const { file } = input;
  const result = assessInput(input, year);
  const demo = demoSeqs(input.values);
  const bySeq = new Map(file.indicators.map((i) => [i.seq, i]));
  return {
    district: file.district,
    plan: periodOf(file),
    year,
    mode: 'live',
    rules: RULES_VERSION,
    demo: input.demo,
    completeness: completeness(file, input.values, year),
    summary: result.summary,
    indicators: result.indicators.map((a) =>
      scorecardRow(bySeq.get(a.seq)!, a, file.plan, demo.has(a.seq), input.values),
    ),
    round: null,
    finalizedYears,
  };
}

/**
 * The scorecard as a round froze it: the statuses that stand, overrides marked. The 牵头单位 is
 * today's (`departments`, by seq) where the plan names one: who answers for a warning now.
 */
export function finalizedScorecard(
  stored: EvaluationSnapshot,
  round: EvaluationRound,
  finalizedYears: number[],
  departments: ReadonlyMap<number, string | null> = new Map(),
): Scorecard {
  const snapshot = readSnapshot(stored);
  const demo = demoSeqs(snapshot.values);
  const bySeq = new Map(snapshot.indicators.map((i) => [i.seq, i]));
  const { result } = snapshot;
  return {
    district: snapshot.district,
    plan: periodOf(snapshot),
    year: result.year,
    mode: 'finalized',
    rules: snapshot.rules,
    demo: snapshot.demo,
    completeness: completeness(snapshot, snapshot.values, result.year),
    summary: result.summary,
    indicators: result.indicators.map(({ computed, final, review }) => {
      const frozen = bySeq.get(final.seq)!;
      const lead = departments.get(final.seq) ?? frozen.leadDepartment;
      return scorecardRow(
        { ...frozen, leadDepartment: lead },
        final,
        snapshot.plan,
        demo.has(final.seq),
        snapshot.values,
        review?.decision === 'overridden'
          ? { computed: computed.status, reason: review.reason }
          : null,
      );
    }),
    round: { id: round.id, finalizedBy: round.finalizedBy, finalizedAt: round.finalizedAt },
    finalizedYears,
  };
}

/**
 * 评估结论: how the newest finalized round of the year concluded on one indicator — the status
 * that stands (the reviewer's override, else the computed one), what the engine computed, and the
 * reviewer's reason and comment — with the row as the round froze it.
 */
export interface IndicatorConclusion {
  round: {
    id: number;
    kind: EvaluationRound['kind'];
    year: number;
    finalizedBy: string | null;
    finalizedAt: Date | null;
  };
  rules: RulesVersion;
  row: ScorecardRow;
  computed: { status: Status; phase: IndicatorAssessment['phase'] };
  decision: 'confirmed' | 'overridden' | null;
  reason: string | null;
  comment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export function indicatorConclusion(
  stored: EvaluationSnapshot,
  round: EvaluationRound,
  seq: number,
): IndicatorConclusion | null {
  const snapshot = readSnapshot(stored);
  const item = snapshot.result.indicators.find((i) => i.final.seq === seq);
  const frozen = snapshot.indicators.find((i) => i.seq === seq);
  if (!item || !frozen) return null;
  const { computed, final, review } = item;
  const overridden = review?.decision === 'overridden';
  return {
    round: {
      id: round.id,
      kind: round.kind,
      year: round.year,
      finalizedBy: round.finalizedBy,
      finalizedAt: round.finalizedAt,
    },
    rules: snapshot.rules,
    row: scorecardRow(
      frozen,
      final,
      snapshot.plan,
      demoSeqs(snapshot.values).has(seq),
      snapshot.values,
      overridden ? { computed: computed.status, reason: review.reason } : null,
    ),
    computed: { status: computed.status, phase: computed.phase },
    decision: review?.decision ?? null,
    reason: review?.reason ?? null,
    comment: review?.comment ?? null,
    reviewedBy: review?.reviewedBy ?? null,
    reviewedAt: review?.reviewedAt ?? null,
  };
}

/** One indicator in depth: its row, its chart, and the indicator it is linked to. */
export function indicatorDetail(input: PlanInput, seq: number, year: number) {
  const { file } = input;
  const indicator = file.indicators.find((i) => i.seq === seq);
  const a = assessInput(input, year).indicators.find((x) => x.seq === seq);
  if (!indicator || !a) return null;
  const linked = file.indicators.find((i) => i.seq === indicator.target.linkedTo);
  const demo = demoSeqs(input.values).has(seq);
  return {
    district: file.district,
    plan: periodOf(file),
    year,
    demo,
    indicator,
    row: scorecardRow(indicator, a, file.plan, demo, input.values),
    chart: indicatorChart(indicator, a, file.plan, file.plan.settings),
    linked: linked ? { seq: linked.seq, name: linked.name } : null,
  };
}
