import {
  EVALUATION_FORMAT,
  targetWords,
  isDemo,
  readSnapshot,
  reviewPlan,
  RULES_VERSION,
  type District,
  type EvaluationSnapshot,
  type Indicator,
  type IndicatorAssessment,
  type Narrative,
  type PlanSummary,
  type ReviewedPlan,
  type Phase,
  type ReviewRecord,
  type RulesVersion,
  type Signer,
  type SourcedValue,
  type Status,
} from '@pm/core';
import { type EvaluationRound, type FinalizeInput, type RoundRecord } from '@pm/db';
import { narrativeDrafts } from '../reports/narrative';
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
  /** 年度数据: the approved actual of each year from the baseline year to the evaluation year. */
  series: { year: number; value: number | null }[];
}

/** The report's narrative: as saved (or the first drafts, while none is), and the drafts. */
export interface NarrativeView {
  sections: Narrative;
  /** Generated from the round's data (counts by grade, lagging binding indicators, movers). */
  drafts: Narrative;
  /** Whether a reviewer saved the sections (else they are the drafts). */
  edited: boolean;
  by: string | null;
  /** ISO 8601 */
  at: string | null;
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
  narrative: NarrativeView;
  /** Who signs the report: the finalizing reviewer, else the one who saved the narrative or opened it. */
  signer: Signer;
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

/** The approved actuals of one indicator from B to E; the baseline year's printed figure if none. */
function seriesOf(
  values: readonly SourcedValue[],
  seq: number,
  from: number,
  to: number,
  baseline: number | null,
) {
  const of = new Map(
    values.filter((v) => v.seq === seq && v.kind === 'actual').map((v) => [v.year, v.value]),
  );
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => {
    const year = from + k;
    return { year, value: of.get(year) ?? (year === from ? baseline : null) };
  });
}

/** A round's facts: what the narrative's drafts and the report's tables are made of. */
export type RoundFacts = Omit<EvaluationView, 'narrative' | 'signer'>;

function view(round: EvaluationRound, f: Frozen): RoundFacts {
  const bySeq = new Map(f.indicators.map((i) => [i.seq, i]));
  const demo = new Set(f.values.filter(isDemo).map((v) => v.seq));
  const { planId: _plan, reviews: _reviews, ...meta } = round;
  return {
    round: meta,
    rules: f.rules,
    district: f.district,
    plan: periodOf(f),
    demo: f.demo,
    completeness: completeness(f, f.values, round.year),
    items: f.result.indicators.map(({ computed, final, review, stale }) => {
      const ind = bySeq.get(computed.seq);
      return {
        seq: computed.seq,
        name: computed.name,
        category: computed.category,
        unit: ind?.unit ?? '',
        attribute: computed.attribute,
        leadDepartment: ind?.leadDepartment ?? null,
        targetText: ind ? targetWords(ind, f.plan.targetYear).zh : null,
        computed,
        phase: computed.phase,
        finalStatus: final.status,
        bindingWarning: final.bindingWarning,
        review,
        stale,
        demo: demo.has(computed.seq),
        series: seriesOf(
          f.values,
          computed.seq,
          f.plan.baselineYear,
          round.year,
          ind && (ind.target.baselineYear ?? f.plan.baselineYear) === f.plan.baselineYear
            ? ind.target.baseline
            : null,
        ),
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

/** Whose name a report of the round carries, as a user name: see `EvaluationView.signer`. */
export const signerUsername = (r: Pick<RoundRecord, 'round' | 'narrative'>): string =>
  r.round.finalizedBy ?? r.narrative?.by ?? r.round.openedBy;

function withNarrative(
  facts: RoundFacts,
  record: Pick<RoundRecord, 'round' | 'narrative'>,
  frozen: Narrative | undefined,
  signer: Signer,
): EvaluationView {
  const drafts = narrativeDrafts(facts);
  const saved = frozen ?? record.narrative?.sections;
  return {
    ...facts,
    narrative: {
      sections: saved ?? drafts,
      drafts,
      edited: saved !== undefined,
      by: record.narrative?.by ?? null,
      at: record.narrative?.at.toISOString() ?? null,
    },
    signer,
  };
}

/**
 * A round as the reviewer sees it: live while open, the snapshot once finalized. `signer` is the
 * user of `signerUsername` as found (a snapshot's own signer comes first).
 */
export function evaluationView(record: RoundRecord, signer: Signer | null = null): EvaluationView {
  const { round, reviews, input, snapshot } = record;
  const named = signer ?? { name: signerUsername(record), unit: null };
  if (snapshot) {
    const frozen = readSnapshot(snapshot);
    return withNarrative(view(round, frozen), record, frozen.narrative, frozen.signer ?? named);
  }
  if (!input) throw new Error(`round ${round.id} is open but its plan was not loaded`);
  const result = reviewPlan(assessInput(input, round.year), reviews);
  const facts = view(round, {
    ...input.file,
    rules: RULES_VERSION,
    values: input.values,
    demo: input.demo,
    result,
  });
  return withNarrative(facts, record, undefined, named);
}

/** Reviews still missing or given on another computed status: a round with these cannot be finalized. */
export function unready(result: ReviewedPlan): { pending: number; stale: number } | null {
  return result.pending.length + result.stale.length > 0
    ? { pending: result.pending.length, stale: result.stale.length }
    : null;
}

/** Freezes what finalizing read into the snapshot; `refuse` is called when reviews are missing. */
export function snapshotOf(
  read: FinalizeInput,
  by: string,
  signer: Signer,
  at: Date,
  refuse: (missing: { pending: number; stale: number }) => never,
): EvaluationSnapshot {
  const { round, input, reviews } = read;
  const result = reviewPlan(assessInput(input, round.year), reviews);
  const missing = unready(result);
  if (missing) refuse(missing);
  // The narrative as the report read it at finalizing: the saved sections, or the drafts.
  const live = evaluationView({ round, reviews, input, snapshot: null, narrative: read.narrative });
  return {
    narrative: live.narrative.sections,
    signer,
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
