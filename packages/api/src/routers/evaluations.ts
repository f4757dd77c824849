import { z } from 'zod';
import {
  GRADES,
  narrativeSchema,
  periodName,
  positiveIntSchema,
  reviewInputSchema,
  roundKindWords,
} from '@pm/core';
import {
  finalizeRound,
  findSigner,
  listRounds,
  loadRound,
  openRound,
  saveNarrative,
  saveReviews,
  type Database,
  type Role,
  type RoundRecord,
} from '@pm/db';
import { DomainError } from '../errors';
import { evaluationDocx } from '../reports/evaluation-docx';
import { evaluationXlsx } from '../reports/evaluation-xlsx';
import { checkPlanYear, planProcedure } from '../plan-choice';
import { districtProcedure, router } from '../trpc';
import { evaluationView, signerUsername, snapshotOf } from '../views/evaluation';
import { assessInput } from '../views/scorecard';
import { evaluationYearSchema } from './scorecard';

/** Reviewers write; leaders and admins read along. */
const REVIEWERS: readonly Role[] = ['reviewer'];
const READERS: readonly Role[] = ['reviewer', 'leader', 'admin'];
/** The report's narrative is written by reviewers; an administrator may correct it. */
const WRITERS: readonly Role[] = ['reviewer', 'admin'];

/** A round as its page and its report read it, signed by the user `signerUsername` names. */
async function viewOf(db: Database, record: RoundRecord) {
  return evaluationView(record, await findSigner(db, signerUsername(record)));
}

const round = z.object({ round: positiveIntSchema });

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const evaluationsRouter = router({
  /** The evaluation rounds of one of the district's plans (default: the reporting year's), newest first. */
  list: planProcedure(READERS).query(async ({ ctx, input }) => ({
    plan: ctx.plan,
    rounds: await listRounds(ctx.db, input.district, ctx.plan.planId),
  })),

  /** One round: live statuses and reviews while open, the frozen snapshot once finalized. */
  get: districtProcedure(READERS)
    .input(round)
    .query(async ({ ctx, input }) =>
      viewOf(ctx.db, await loadRound(ctx.db, input.district, input.round)),
    ),

  /**
   * Opens a round of a plan at year E (default: its mid-term year): 中期评估 at M, 总结评估 at Y,
   * 年度评估 at any other year of the plan.
   */
  open: planProcedure(REVIEWERS)
    .input(z.object({ year: evaluationYearSchema.optional() }))
    .mutation(({ ctx, input }) => {
      if (input.year !== undefined) checkPlanYear(ctx.plan, input.year, 'evaluation');
      return openRound(ctx.db, input.district, ctx.plan.planId, input.year, ctx.user.username);
    }),

  /** Confirms or overrides computed statuses; an override needs a written reason. */
  review: districtProcedure(REVIEWERS)
    .input(round.extend({ items: z.array(reviewInputSchema).min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      const record = await loadRound(ctx.db, input.district, input.round);
      if (!record.input)
        throw new DomainError('CONFLICT', 'evaluations.finalized', 'the round is finalized');
      const computed = new Map(
        assessInput(record.input, record.round.year).indicators.map((a) => [a.seq, a]),
      );
      const writes = input.items.map((item) => {
        const assessment = computed.get(item.seq);
        if (assessment === undefined)
          throw new DomainError('NOT_FOUND', 'scorecard.noIndicator', `no indicator ${item.seq}`, {
            seq: item.seq,
          });
        const { status, phase } = assessment;
        const overridden = item.decision === 'overridden';
        // Midway a grade is one of the five progress grades; at the end 完成/基本完成/未完成.
        if (overridden && item.status && !GRADES[phase].includes(item.status))
          throw new DomainError(
            'BAD_REQUEST',
            'evaluations.notAGrade',
            `indicator ${item.seq} is graded ${phase === 'end' ? 'at the end' : 'midway'}: ${item.status} is not one of ${GRADES[phase].join(', ')}`,
            { seq: item.seq, status: item.status },
          );
        if (overridden && item.status === status)
          throw new DomainError(
            'BAD_REQUEST',
            'evaluations.sameStatus',
            `indicator ${item.seq} is ${status} already: confirm it instead`,
          );
        return {
          seq: item.seq,
          decision: item.decision,
          computedStatus: status,
          finalStatus: overridden && item.status ? item.status : status,
          reason: overridden ? item.reason : null,
          comment: item.comment,
          reviewedBy: ctx.user.username,
        };
      });
      await saveReviews(ctx.db, input.district, input.round, writes);
      return { saved: writes.length };
    }),

  /**
   * Saves the report's narrative (主要成效, 存在问题, 原因分析, 下一步举措) of an open round; a
   * finalized round's is frozen.
   */
  saveNarrative: districtProcedure(WRITERS)
    .input(round.extend({ sections: narrativeSchema }))
    .mutation(async ({ ctx, input }) => {
      const saved = await saveNarrative(
        ctx.db,
        input.district,
        input.round,
        input.sections,
        ctx.user.username,
      );
      return { by: saved.by, at: saved.at.toISOString() };
    }),

  /** Freezes the round: every indicator must have a current review. */
  finalize: districtProcedure(REVIEWERS)
    .input(round)
    .mutation(async ({ ctx, input }) => {
      const signer = (await findSigner(ctx.db, ctx.user.username)) ?? {
        name: ctx.user.displayName,
        unit: null,
      };
      const snapshot = await finalizeRound(ctx.db, input.district, input.round, (read) =>
        snapshotOf(read, ctx.user.username, signer, new Date(), (missing) => {
          throw new DomainError(
            'CONFLICT',
            'evaluations.notReady',
            `${missing.pending} indicators are not reviewed and ${missing.stale} need a new review`,
            missing,
          );
        }),
      );
      return { finalizedAt: snapshot.finalizedAt, summary: snapshot.result.summary };
    }),

  /** The round as a Word (.docx) or Excel (.xlsx) file, base64-encoded. */
  export: districtProcedure(READERS)
    .input(round.extend({ format: z.enum(['docx', 'xlsx']) }))
    .query(async ({ ctx, input }) => {
      const view = await viewOf(ctx.db, await loadRound(ctx.db, input.district, input.round));
      const file =
        input.format === 'docx' ? await evaluationDocx(view) : await evaluationXlsx(view);
      return {
        filename: `${view.district.code}-${view.district.name}-${periodName(view.plan)}-${view.round.year}-${roundKindWords[view.round.kind].zh}-${view.round.id}.${input.format}`,
        mime: MIME[input.format],
        base64: file.toString('base64'),
      };
    }),
});
