import { z } from 'zod';
import {
  cellRefSchema,
  completeness,
  entryGrid,
  positiveIntSchema,
  reasonSchema,
  valueChangeSchema,
  yearSchema,
} from '@pm/core';
import {
  loadConfirmations,
  loadDeletions,
  loadHistory,
  loadValues,
  removeValue,
  saveValues,
  transitionValues,
} from '@pm/db';
import { DomainError } from '../errors';
import { checkPlanYear, planProcedure, type PlanRefView } from '../plan-choice';
import { ALL_ROLES, router } from '../trpc';
import { importWorkbook } from '../values/import';
import { valuesTemplate } from '../values/workbook';

// Each names its plan by `period`, else by its `year` (B < year ≤ Y), else the reporting year's.
const read = planProcedure(ALL_ROLES);
const official = planProcedure(['official']);
const reviewer = planProcedure(['reviewer']);

/** The plan's key for the value queries. */
const keyOf = (district: string, plan: PlanRefView) => ({ code: district, planId: plan.planId });

/**
 * The figures a reviewer approves or returns, at the versions they were shown: never "the whole
 * year", which would take in figures changed after the page was loaded.
 */
const cellsSchema = z.object({ cells: z.array(cellRefSchema).min(1).max(2000) });

function found<T>(result: T | null, district: string): T {
  if (result === null)
    throw new DomainError('NOT_FOUND', 'plans.notFound', `no plan for district ${district}`);
  return result;
}

/** An .xlsx file sent as base64; 5 MB is far more than a district's template. */
const workbookSchema = z.string().max(7_000_000);

export const valuesRouter = router({
  /**
   * The entry grid of a year: every indicator with baseline, last year, this year, its states;
   * each stored figure with its change, its concerns and the reason its official confirmed it by.
   */
  grid: read.input(z.object({ year: yearSchema })).query(async ({ ctx, input }) => {
    checkPlanYear(ctx.plan, input.year, 'entry');
    const loaded = found(await loadValues(ctx.db, keyOf(input.district, ctx.plan)), input.district);
    const ofYear = loaded.values.filter((v) => v.year === input.year).map((v) => v.id);
    const reasons = await loadConfirmations(ctx.db, ofYear);
    return { ...entryGrid(loaded.file, loaded.values, input.year, reasons), plan: ctx.plan };
  }),

  /** Saves one figure as a draft (official); a stale version is a CONFLICT carrying the stored figure. */
  save: official.input(valueChangeSchema).mutation(async ({ ctx, input }) => {
    const { district, period: _period, ...change } = input;
    checkPlanYear(ctx.plan, change.year, 'entry');
    const saved = await saveValues(ctx.db, keyOf(district, ctx.plan), [change], ctx.user.username);
    return { value: found(saved, district)[0] ?? null };
  }),

  /** Takes back a draft that was never submitted (a figure typed into the wrong row); a deletion record keeps it. */
  remove: official.input(cellRefSchema).mutation(async ({ ctx, input }) => {
    const { district, period: _period, ...cell } = input;
    found(await removeValue(ctx.db, keyOf(district, ctx.plan), cell, ctx.user.username), district);
    return { ok: true };
  }),

  /** Sends the year's drafts and returned figures for approval. */
  submit: official.input(z.object({ year: yearSchema })).mutation(async ({ ctx, input }) => {
    checkPlanYear(ctx.plan, input.year, 'entry');
    const moved = await transitionValues(
      ctx.db,
      keyOf(input.district, ctx.plan),
      'submit',
      { year: input.year },
      ctx.user.username,
    );
    return { count: found(moved, input.district).length };
  }),

  /**
   * Takes submitted figures back to draft (撤回) so they can be corrected: the listed ones at the
   * versions shown, else every submitted figure of the year. Each move is kept in its history.
   */
  withdraw: official
    .input(z.object({ year: yearSchema, cells: cellsSchema.shape.cells.optional() }))
    .mutation(async ({ ctx, input }) => {
      checkPlanYear(ctx.plan, input.year, 'entry');
      const moved = await transitionValues(
        ctx.db,
        keyOf(input.district, ctx.plan),
        'withdraw',
        input.cells ? { cells: input.cells } : { year: input.year },
        ctx.user.username,
      );
      return { count: found(moved, input.district).length };
    }),

  /**
   * Approves the listed submitted figures at the versions the reviewer was shown; if any changed
   * since, nothing is approved (CONFLICT values.changedSince, naming them).
   */
  approve: reviewer.input(cellsSchema).mutation(async ({ ctx, input }) => {
    const moved = await transitionValues(
      ctx.db,
      keyOf(input.district, ctx.plan),
      'approve',
      { cells: input.cells },
      ctx.user.username,
    );
    return { count: found(moved, input.district).length };
  }),

  /** Returns the listed submitted figures, at the versions shown, to the official with a comment. */
  return: reviewer
    .input(cellsSchema.extend({ comment: reasonSchema }))
    .mutation(async ({ ctx, input }) => {
      const moved = await transitionValues(
        ctx.db,
        keyOf(input.district, ctx.plan),
        'return',
        { cells: input.cells },
        ctx.user.username,
        input.comment,
      );
      return { count: found(moved, input.district).length };
    }),

  /** Unlocks an approved figure for correction; the reason is kept and shown to the official. */
  reopen: reviewer
    .input(cellRefSchema.extend({ reason: reasonSchema }))
    .mutation(async ({ ctx, input }) => {
      const { district, reason, period: _period, ...cell } = input;
      const moved = await transitionValues(
        ctx.db,
        keyOf(district, ctx.plan),
        'reopen',
        { cells: [cell] },
        ctx.user.username,
        reason,
      );
      return { value: found(moved, district)[0] ?? null };
    }),

  /** Who changed a figure, when, from what to what, and why; newest first. */
  history: read
    .input(z.object({ id: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const history = await loadHistory(ctx.db, input.district, input.id);
      if (!history)
        throw new DomainError(
          'NOT_FOUND',
          'values.notFound',
          `no figure ${input.id} in ${input.district}`,
        );
      return history;
    }),

  /** The figures of an indicator taken back (drafts withdrawn), of a year or all; newest first. */
  deletions: read
    .input(z.object({ seq: positiveIntSchema, year: yearSchema.optional() }))
    .query(async ({ ctx, input }) =>
      found(
        await loadDeletions(ctx.db, keyOf(input.district, ctx.plan), {
          seq: input.seq,
          year: input.year,
        }),
        input.district,
      ),
    ),

  /** Per year, which indicators have approved, submitted, draft, returned or no figures. */
  completeness: read
    .input(z.object({ year: yearSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const { file, values } = found(
        await loadValues(ctx.db, keyOf(input.district, ctx.plan)),
        input.district,
      );
      if (input.year !== undefined) checkPlanYear(ctx.plan, input.year, 'entry');
      const { baselineYear: B, targetYear: Y } = file.plan;
      const years =
        input.year !== undefined
          ? [input.year]
          : Array.from({ length: Y - B + 1 }, (_, i) => B + i);
      return years.map((year) => completeness(file, values, year));
    }),

  /** A pre-filled .xlsx entry template of the year, as base64. */
  template: read.input(z.object({ year: yearSchema })).query(async ({ ctx, input }) => {
    checkPlanYear(ctx.plan, input.year, 'entry');
    const loaded = found(await loadValues(ctx.db, keyOf(input.district, ctx.plan)), input.district);
    const data = await valuesTemplate(entryGrid(loaded.file, loaded.values, input.year));
    return {
      filename: `${input.district}-${loaded.file.district.name}-${ctx.plan.name}-${input.year}-填报.xlsx`,
      base64: data.toString('base64'),
    };
  }),

  /** Saves a filled template (base64 .xlsx) as drafts, all or nothing, listing every bad cell. */
  upload: official
    .input(z.object({ year: yearSchema, base64: workbookSchema }))
    .mutation(async ({ ctx, input }) => {
      const data = Buffer.from(input.base64, 'base64');
      const result = await importWorkbook(ctx.db, data, ctx.user.username, {
        district: input.district,
        year: input.year,
        period: ctx.plan.period,
      });
      return {
        changed: result.changed,
        problems: result.problems,
        warnings: result.warnings,
        plan: ctx.plan,
      };
    }),
});
