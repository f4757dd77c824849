import {
  EVALUATION_FORMAT,
  planTarget,
  isDemo,
  readSnapshot,
  reviewPlan,
  RULES_VERSION,
  type District,
  type EvaluationSnapshot,
  type Indicator,
  type IndicatorAssessment,
  type PlanSummary,
  type ReviewedPlan,
  type Phase,
  type ReviewRecord,
  type RulesVersion,
  type SourcedValue,
  type Status,
} from '@pm/core';
import { type EvaluationRound, type FinalizeInput, type RoundRecord } from '@pm/db';
import {
  assessInput,
  completeness,
  periodOf,
  type Completeness,
  type PlanPeriodView,
} from './scorecard';

/** One indicator of a round: what the engine computed, what stands, and the review. */
export interface EvaluationItem {
  seq: number;
  name: string;
  category: string;
  unit: string;
  attribute: Indicator['attribute'];
  leadDepartment: string | null;
  targetText: string | null;
  computed: IndicatorAssessment;
  /** Whether the grade is midway (进度) or of the end (完成), which decides its words and choices. */
  phase: Phase;
  finalStatus: Status;
  /** 约束性指标预警 by the status that stands. */
  bindingWarning: boolean;
  review: ReviewRecord | null;
  stale: boolean;
  demo: boolean;
}

export interface EvaluationView {
  round: Omit<EvaluationRound, 'planId' | 'reviews'>;
  /** The rules that graded the round: today's while open, the snapshot's once finalized. */
  rules: RulesVersion;
  district: District;
  plan: PlanPeriodView;
  demo: boolean;
  completeness: Completeness;
  items: EvaluationItem[];
  computedSummary: PlanSummary;
  summary: PlanSummary;
  reviewed: number;
  total: number;
  pending: number[];
  stale: number[];
}

interface Frozen {
  rules: RulesVersion;
  district: District;
  plan: Parameters<typeof periodOf>[0]['plan'];
  indicators: Indicator[];
  values: SourcedValue[];
  demo: boolean;
  result: ReviewedPlan;
}

function view(round: EvaluationRound, f: Frozen): EvaluationView {
  const bySeq = new Map(f.indicators.map((i) => [i.seq, i]));
  const demo = new Set(f.values.filter(isDemo).map((v) => v.seq));
  const { planId: _plan, reviews: _reviews, ...meta } = round;
  return {
    round: meta,
    rules: f.rules,
    district: f.district,
    plan: periodOf(f),
    demo: f.demo,
    completeness: completeness(f.values, f.indicators, round.year),
    items: f.result.indicators.map(({ computed, final, review, stale }) => {
      const ind = bySeq.get(computed.seq);
      return {
        seq: computed.seq,
        name: computed.name,
        category: computed.category,
        unit: ind?.unit ?? '',
        attribute: computed.attribute,
        leadDepartment: ind?.leadDepartment ?? null,
        targetText: ind ? planTarget(ind.raw) : null,
        computed,
        phase: computed.phase,
        finalStatus: final.status,
        bindingWarning: final.bindingWarning,
        review,
        stale,
        demo: demo.has(computed.seq),
      };
    }),
    computedSummary: f.result.computedSummary,
    summary: f.result.summary,
    reviewed: f.result.reviewed,
    total: f.result.indicators.length,
    pending: f.result.pending,
    stale: f.result.stale,
  };
}

/** A round as the reviewer sees it: live while open, the snapshot once finalized. */
export function evaluationView({ round, reviews, input, snapshot }: RoundRecord): EvaluationView {
  if (snapshot) return view(round, readSnapshot(snapshot));
  if (!input) throw new Error(`round ${round.id} is open but its plan was not loaded`);
  const result = reviewPlan(assessInput(input, round.year), reviews);
  return view(round, {
    ...input.file,
    rules: RULES_VERSION,
    values: input.values,
    demo: input.demo,
    result,
  });
}

/** Reviews still missing or given on another computed status: a round with these cannot be finalized. */
export function unready(result: ReviewedPlan): { pending: number; stale: number } | null {
  return result.pending.length + result.stale.length > 0
    ? { pending: result.pending.length, stale: result.stale.length }
    : null;
}

/** Freezes what finalizing read into the snapshot; `refuse` is called when reviews are missing. */
export function snapshotOf(
  { round, input, reviews }: FinalizeInput,
  by: string,
  at: Date,
  refuse: (missing: { pending: number; stale: number }) => never,
): EvaluationSnapshot {
  const result = reviewPlan(assessInput(input, round.year), reviews);
  const missing = unready(result);
  if (missing) refuse(missing);
  return {
    format: EVALUATION_FORMAT,
    rules: RULES_VERSION,
    district: input.file.district,
    plan: input.file.plan,
    indicators: input.file.indicators,
    values: input.values,
    demo: input.demo,
    openedBy: round.openedBy,
    openedAt: round.openedAt.toISOString(),
    finalizedBy: by,
    finalizedAt: at.toISOString(),
    result,
  };
}
