import { z } from 'zod';
import { carryOverWords, positiveIntSchema, type CarryOverRow, type Words } from '@pm/core';
import { applyCarryOver, loadCarryOver, type CarryOverState, type PlanRef } from '@pm/db';
import { DomainError } from '../errors';
import { periodSchema, planRefView, resolvePlan, type PlanRefView } from '../plan-choice';
import { districtProcedure, router } from '../trpc';

// Administrators only: carrying over writes approved figures into a plan.
const admin = districtProcedure(['admin']);

/** Next-plan indicator `seq` is previous-plan `previousSeq` (null: carry nothing over for it). */
const matchSchema = z.object({ seq: positiveIntSchema, previousSeq: positiveIntSchema.nullable() });
const itemSchema = z.object({ seq: positiveIntSchema, previousSeq: positiveIntSchema });

/** A proposal with what it does in words (承接 2025 年审定值 412.5 为基数). */
export type CarryOverRowView = CarryOverRow & { words: Words };

export interface CarryOverView {
  /** The plan carried into. */
  plan: PlanRefView;
  /** The plan carried from; null when the district has none before this one. */
  previous: PlanRefView | null;
  /** The year carried over: the plan's baseline year B. */
  year: number;
  previousIndicators: CarryOverState['previousIndicators'];
  rows: CarryOverRowView[];
}

function view(state: CarryOverState, plan: PlanRefView): CarryOverView {
  const { year, rows } = state.proposals;
  return {
    plan,
    previous: state.previous && planRefView(state.previous),
    year,
    previousIndicators: state.previousIndicators,
    rows: rows.map((r) => ({ ...r, words: carryOverWords(r, year) })),
  };
}

function found<T>(result: T | null, district: string): T {
  if (result === null)
    throw new DomainError('NOT_FOUND', 'plans.notFound', `no plan for district ${district}`);
  return result;
}

const refOf = (district: string, plan: PlanRefView): PlanRef => ({
  code: district,
  planId: plan.planId,
});

export const carryOverRouter = router({
  /**
   * 承接上期基数: for each indicator of the plan of `period`, the previous plan's matching
   * indicator (same name and unit, or `matches` by hand) and its approved baseline-year figure,
   * with what applying would do.
   */
  proposals: admin
    .input(
      z.object({
        period: periodSchema,
        matches: z.array(matchSchema).max(1000).default([]),
      }),
    )
    .query(async ({ ctx, input }) => {
      const plan = await resolvePlan(ctx, input.district, { period: input.period });
      const state = await loadCarryOver(ctx.db, refOf(input.district, plan), input.matches);
      return view(found(state, input.district), plan);
    }),

  /**
   * Stores the chosen proposals as the plan's approved baseline-year figures, all or none; a
   * stored figure is replaced only with `overwrite`. Answers with the indicators written.
   */
  accept: admin
    .input(
      z.object({
        period: periodSchema,
        items: z.array(itemSchema).min(1).max(1000),
        overwrite: z.boolean().default(false),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const plan = await resolvePlan(ctx, input.district, { period: input.period });
      const result = found(
        await applyCarryOver(ctx.db, refOf(input.district, plan), input.items, ctx.user.username, {
          overwrite: input.overwrite,
        }),
        input.district,
      );
      return {
        plan,
        year: result.year,
        applied: result.applied.map((r) => ({ seq: r.seq, name: r.name, value: r.previousFigure })),
      };
    }),
});
