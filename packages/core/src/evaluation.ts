import { z } from 'zod';
import { positiveIntSchema } from './numbers';
import type { PlanAssessment } from './assess/assess';
import { isBindingWarning, STATUSES, type Status } from './assess/status';
import { summarize, zeroCounts, type PlanSummary, type StatusCounts } from './assess/summary';
import type { IndicatorAssessment } from './assess/types';
import type { District, Indicator, PlanHeader, YearValue } from './plan';
import type { Narrative } from './narrative';
import type { RulesVersion } from './words';
import { DEMO_SOURCE } from './values/workflow';

export const statusSchema = z.enum(STATUSES);

/** 确认 (confirmed) the computed status, or 调整 (overridden) it. */
export const reviewDecisionSchema = z.enum(['confirmed', 'overridden']);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

const note = z
  .string()
  .trim()
  .max(2000)
  .nullish()
  .transform((s) => s || null);

/** A reviewer's decision on one indicator (spec §5): an override needs its status and a reason. */
export const reviewInputSchema = z
  .object({
    seq: positiveIntSchema,
    decision: reviewDecisionSchema,
    /** The status that stands after an override; ignored for a confirmation. */
    status: statusSchema.nullish().transform((s) => s ?? null),
    /** 调整理由: required for an override. */
    reason: note,
    /** 评估意见: optional either way. */
    comment: note,
  })
  .superRefine((r, ctx) => {
    if (r.decision !== 'overridden') return;
    if (r.status === null)
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'an override names a status' });
    if (r.reason === null)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'an override needs a written reason (调整理由)',
      });
  });
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** A stored review of one indicator: the computed status it was given on, and the one that stands. */
export interface ReviewRecord {
  seq: number;
  decision: ReviewDecision;
  computedStatus: Status;
  finalStatus: Status;
  reason: string | null;
  comment: string | null;
  reviewedBy: string;
  /** ISO 8601 */
  reviewedAt: string;
}

export interface ReviewedIndicator {
  computed: IndicatorAssessment;
  /** The assessment with the status that stands: the override, else the computed one. */
  final: IndicatorAssessment;
  review: ReviewRecord | null;
  /** Reviewed while the engine said something else: to be reviewed again before finalizing. */
  stale: boolean;
}

/** A plan's assessment with the reviewers' decisions (spec §5). */
export interface ReviewedPlan {
  year: number;
  indicators: ReviewedIndicator[];
  computedSummary: PlanSummary;
  /** The summary of the statuses that stand. */
  summary: PlanSummary;
  /** Indicators with a current review. */
  reviewed: number;
  /** seqs without a review. */
  pending: number[];
  /** seqs whose review was given on another computed status. */
  stale: number[];
}

/** The assessment with `status` standing instead of the computed one; the binding warning follows it. */
export function withStatus(a: IndicatorAssessment, status: Status): IndicatorAssessment {
  if (status === a.status) return a;
  return { ...a, status, bindingWarning: isBindingWarning(a.attribute, status) };
}

export function reviewPlan(
  assessment: PlanAssessment,
  reviews: readonly ReviewRecord[],
): ReviewedPlan {
  const bySeq = new Map(reviews.map((r) => [r.seq, r]));
  const indicators = assessment.indicators.map((computed): ReviewedIndicator => {
    const review = bySeq.get(computed.seq) ?? null;
    const stale = review !== null && review.computedStatus !== computed.status;
    const final =
      review?.decision === 'overridden' ? withStatus(computed, review.finalStatus) : computed;
    return { computed, final, review, stale };
  });
  return {
    year: assessment.year,
    indicators,
    computedSummary: assessment.summary,
    summary: summarize(
      indicators.map((i) => i.final),
      assessment.year,
    ),
    reviewed: indicators.filter((i) => i.review !== null && !i.stale).length,
    pending: indicators.filter((i) => i.review === null).map((i) => i.computed.seq),
    stale: indicators.filter((i) => i.stale).map((i) => i.computed.seq),
  };
}

export const EVALUATION_FORMAT = 'plan-monitor/evaluation@1';

/** An approved value as an evaluation read it. */
export interface SourcedValue extends YearValue {
  source: string | null;
  /** An illustrative figure (演示数据); rounds finalized before the flag existed have none. */
  demo?: boolean;
}

/**
 * A finalized evaluation round, frozen (spec §5): the plan and values as read, the statuses
 * computed and final, the reasons, who and when. Later data changes never alter it.
 */
export interface EvaluationSnapshot {
  format: typeof EVALUATION_FORMAT;
  /** The assessment rules that graded it; snapshots finalized before v2 have none (v1). */
  rules?: RulesVersion;
  district: District;
  plan: PlanHeader;
  indicators: Indicator[];
  values: SourcedValue[];
  demo: boolean;
  openedBy: string;
  openedAt: string;
  finalizedBy: string;
  finalizedAt: string;
  result: ReviewedPlan;
  /** The report's narrative as it stood at finalizing; snapshots before it have none. */
  narrative?: Narrative;
  /** Who signs the report: the finalizing reviewer's name and unit (单位) at finalizing. */
  signer?: Signer;
}

/** The person a report is signed by: display name and 单位 (null when none was given). */
export interface Signer {
  name: string;
  unit: string | null;
}

const filled = (counts: Partial<StatusCounts>): StatusCounts => ({ ...zeroCounts(), ...counts });

function filledSummary(s: PlanSummary): PlanSummary {
  const map = (r: Record<string, Partial<StatusCounts>>) =>
    Object.fromEntries(Object.entries(r).map(([k, c]) => [k, filled(c)]));
  return {
    ...s,
    phases: s.phases ?? ['progress'],
    byStatus: filled(s.byStatus),
    byCategory: map(s.byCategory),
    byAttribute: {
      expected: filled(s.byAttribute.expected),
      binding: filled(s.byAttribute.binding),
    },
  };
}

const filledAssessment = (a: IndicatorAssessment): IndicatorAssessment => ({
  ...a,
  phase: a.phase ?? 'progress',
  revision: a.revision ?? null,
});

/**
 * A stored snapshot as today's code reads it, its statuses and words untouched: the rules it was
 * graded by (v1 when it names none), every count present (0 for statuses its rules did not have),
 * and the fields later rules added to an assessment at their neutral values.
 */
export function readSnapshot(snapshot: EvaluationSnapshot): EvaluationSnapshot & {
  rules: RulesVersion;
} {
  const r = snapshot.result;
  return {
    ...snapshot,
    rules: snapshot.rules ?? 'v1',
    // Before the flag, the seed's source text was what marked its figures.
    values: snapshot.values.map((v) => ({ ...v, demo: v.demo ?? v.source === DEMO_SOURCE })),
    indicators: snapshot.indicators.map((i) => ({
      ...i,
      revisions: i.revisions ?? [],
      target: { ...i.target, baselineYear: i.target.baselineYear ?? null },
    })),
    result: {
      ...r,
      computedSummary: filledSummary(r.computedSummary),
      summary: filledSummary(r.summary),
      indicators: r.indicators.map((i) => ({
        ...i,
        computed: filledAssessment(i.computed),
        final: filledAssessment(i.final),
      })),
    },
  };
}
