import { z } from 'zod';
import {
  planTarget,
  positiveIntSchema,
  readRevisedTarget,
  revisionWords,
  targetRevisionSchema,
  type Indicator,
  type RevisionProblem,
  type TargetRevision,
  type Words,
} from '@pm/core';
import {
  listPlanEvents,
  loadPlanById,
  reviseTarget,
  type PlanEvent,
  type TargetRevisedDetail,
} from '@pm/db';
import { DomainError } from '../errors';
import { checkPlanYear, periodSchema, resolvePlan, type PlanRefView } from '../plan-choice';
import { ALL_ROLES, districtProcedure, router } from '../trpc';

const FIELD_LIMITS = { text: 200, document: 300, reason: 2000 } as const;

/** 动态调整 as the form sends it: the target as the document prints it, from which year, on what grounds. */
const reviseInput = z.object({
  period: periodSchema.optional(),
  seq: positiveIntSchema,
  fromYear: targetRevisionSchema.shape.fromYear,
  text: z.string().max(FIELD_LIMITS.text),
  document: z.string().max(FIELD_LIMITS.document),
  reason: z.string().max(FIELD_LIMITS.reason),
});

/** A required field left blank, named so the form can show it there. */
function required(field: 'document' | 'reason', value: string): string {
  const text = value.trim();
  if (text === '')
    throw new DomainError(
      'BAD_REQUEST',
      field === 'document' ? 'revisions.documentMissing' : 'revisions.reasonMissing',
      field === 'document'
        ? 'document: name the decision or document that revised the target'
        : 'reason: say why the target was revised',
      { field },
    );
  return text;
}

/** Why the typed target cannot be taken, by its catalog key. */
function refusal(problem: RevisionProblem, text: string, indicator: Indicator): DomainError {
  const base = { field: 'text', text, unit: indicator.unit || '—' };
  const message = `text: ${problem.message}`;
  switch (problem.reason) {
    case 'empty':
      return new DomainError('BAD_REQUEST', 'revisions.textMissing', message, base);
    case 'unreadable':
      return new DomainError('BAD_REQUEST', 'revisions.unreadable', message, {
        ...base,
        detail: problem.detail,
      });
    case 'unit':
      return new DomainError('BAD_REQUEST', 'revisions.unit', message, {
        ...base,
        typed: problem.unit,
        expected: problem.expected,
      });
    case 'figures':
      return new DomainError('BAD_REQUEST', `revisions.figures.${problem.figures}`, message, base);
    case 'unlinked':
      return new DomainError('BAD_REQUEST', 'revisions.unlinked', message, base);
    case 'unchanged':
      return new DomainError('BAD_REQUEST', 'revisions.unchanged', message, base);
  }
}

/** A revision made, with the plan it belongs to and "原目标 70，2024 年调整为 65". */
export interface RevisedView {
  plan: PlanRefView;
  indicator: Indicator;
  revision: TargetRevision;
  words: Words;
}

/** One entry of the plan's audit; a target revision in words too. */
export type PlanEventView = PlanEvent & { words: Words | null };

function eventView(event: PlanEvent): PlanEventView {
  if (event.kind !== 'target_revised') return { ...event, words: null };
  const d = event.detail as unknown as TargetRevisedDetail;
  return { ...event, words: revisionWords(d.fromYear, d.before.text, d.after.text) };
}

export const revisionsRouter = router({
  /**
   * 动态调整 (spec §6): an administrator revises indicator `seq`'s target from `fromYear`, citing
   * the document and the reason; the plan is that of `period`, else of `fromYear`.
   */
  reviseTarget: districtProcedure(['admin'])
    .input(reviseInput)
    .mutation(async ({ ctx, input }): Promise<RevisedView> => {
      const plan = await resolvePlan(ctx, input.district, {
        period: input.period,
        year: input.fromYear,
      });
      checkPlanYear(plan, input.fromYear, 'evaluation');
      const loaded = await loadPlanById(ctx.db, plan.planId);
      const indicators = loaded?.file.indicators ?? [];
      const indicator = indicators.find((i) => i.seq === input.seq);
      if (!indicator)
        throw new DomainError(
          'NOT_FOUND',
          'revisions.unknownSeq',
          `seq: ${plan.label} has no indicator ${input.seq}`,
          { field: 'seq', seq: input.seq, plan: plan.label },
        );
      const text = input.text.trim();
      const read = readRevisedTarget(indicator, text, input.fromYear, indicators);
      if (!read.ok) throw refusal(read.problem, text, indicator);
      const document = required('document', input.document);
      const reason = required('reason', input.reason);
      const revised = await reviseTarget(
        ctx.db,
        plan.planId,
        input.seq,
        { fromYear: input.fromYear, target: read.target, text, document, reason },
        ctx.user.username,
      );
      const revision = revised.revisions.at(-1);
      if (!revision) throw new Error('a revision was stored but is not there');
      return {
        plan,
        indicator: revised,
        revision,
        words: revisionWords(input.fromYear, planTarget(indicator.raw), text),
      };
    }),

  /** The plan's audit (who imported, revised, carried over what, and when), newest first. */
  events: districtProcedure(ALL_ROLES)
    .input(z.object({ period: periodSchema.optional(), seq: positiveIntSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const plan = await resolvePlan(ctx, input.district, { period: input.period });
      const events = await listPlanEvents(ctx.db, plan.planId, input.seq);
      return { plan, events: events.map(eventView) };
    }),
});
