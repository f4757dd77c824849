import { z } from 'zod';
import {
  choosePlan,
  periodKey,
  periodLabel,
  periodName,
  positiveIntSchema,
  samePeriod,
} from '@pm/core';
import {
  latestFinalized,
  listPeriods,
  listRounds,
  loadIndicatorRecord,
  loadPlanInput,
} from '@pm/db';
import { DomainError } from '../errors';
import {
  checkPlanYear,
  openingYear,
  periodSchema,
  planProcedure,
  reportingYearOf,
} from '../plan-choice';
import { ALL_ROLES, roleProcedure, router } from '../trpc';
import { leagueCache } from '../views/league-cache';
import {
  finalizedScorecard,
  indicatorConclusion,
  indicatorDetail,
  liveScorecard,
} from '../views/scorecard';

/** An evaluation year E; by default the reporting year, held within the plan's period. */
export const evaluationYearSchema = z.number().int().min(1949).max(2100);

export const scorecardRouter = router({
  /** A district's scorecard at year E: live from the approved values, or as the latest round of E froze it. */
  district: planProcedure(ALL_ROLES)
    .input(
      z.object({
        year: evaluationYearSchema.optional(),
        mode: z.enum(['live', 'finalized']).default('live'),
      }),
    )
    .query(async ({ ctx, input }) => {
      const year = input.year ?? openingYear(ctx, ctx.plan);
      checkPlanYear(ctx.plan, year, 'evaluation');
      const [plan, rounds] = await Promise.all([
        loadPlanInput(ctx.db, ctx.plan.planId, year),
        listRounds(ctx.db, input.district, ctx.plan.planId),
      ]);
      if (!plan) throw new DomainError('NOT_FOUND', 'scorecard.noPlan', 'the plan vanished');
      const finalizedYears = [
        ...new Set(rounds.filter((r) => r.status === 'finalized').map((r) => r.year)),
      ];
      if (input.mode === 'live')
        return { ...liveScorecard(plan, year, finalizedYears), plan: ctx.plan };
      const frozen = await latestFinalized(ctx.db, ctx.plan.planId, year);
      if (!frozen)
        throw new DomainError(
          'NOT_FOUND',
          'scorecard.noFinalized',
          `no finalized round of ${input.district} for ${year}`,
          { year },
        );
      return {
        ...finalizedScorecard(
          frozen.snapshot,
          frozen.round,
          finalizedYears,
          new Map(plan.file.indicators.map((i) => [i.seq, i.leadDepartment])),
        ),
        plan: ctx.plan,
      };
    }),

  /** One indicator: its assessment, chart, every stored figure with state and source, and their history. */
  indicator: planProcedure(ALL_ROLES)
    .input(z.object({ seq: positiveIntSchema, year: evaluationYearSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const year = input.year ?? openingYear(ctx, ctx.plan);
      checkPlanYear(ctx.plan, year, 'evaluation');
      const [plan, record, frozen] = await Promise.all([
        loadPlanInput(ctx.db, ctx.plan.planId, year),
        loadIndicatorRecord(ctx.db, ctx.plan.planId, input.seq),
        latestFinalized(ctx.db, ctx.plan.planId, year),
      ]);
      if (!plan) throw new DomainError('NOT_FOUND', 'scorecard.noPlan', 'the plan vanished');
      const detail = indicatorDetail(plan, input.seq, year);
      if (!detail)
        throw new DomainError(
          'NOT_FOUND',
          'scorecard.noIndicator',
          `district ${input.district} has no indicator ${input.seq}`,
          { seq: input.seq },
        );
      // The reviewer's conclusion, once the year's round is finalized (null before).
      const conclusion = frozen
        ? indicatorConclusion(frozen.snapshot, frozen.round, input.seq)
        : null;
      return { ...detail, ...record, conclusion, plan: ctx.plan };
    }),

  /**
   * Every district in the caller's scope, compared within one period (default: that of the year
   * asked for, else of the reporting year), at year E (default: the reporting year, held within
   * the period).
   */
  league: roleProcedure(ALL_ROLES)
    .input(
      z
        .object({ period: periodSchema.optional(), year: evaluationYearSchema.optional() })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const periods = await listPeriods(ctx.db, ctx.user.districts);
      const reportingYear = reportingYearOf(ctx);
      const chosen = input.period
        ? (periods.find((p) => samePeriod(p, input.period!)) ?? null)
        : choosePlan(periods, { year: input.year }, reportingYear);
      if (input.period && !chosen)
        throw new DomainError(
          'NOT_FOUND',
          'league.noPeriod',
          `no district in scope has a plan of ${periodKey(input.period)}`,
          { period: periodLabel(input.period) },
        );
      const year = chosen ? (input.year ?? openingYear(ctx, chosen)) : input.year;
      if (chosen && year !== undefined)
        checkPlanYear({ ...chosen, label: periodLabel(chosen) }, year, 'evaluation');
      const league = await leagueCache(ctx.db).league(ctx.user.districts, chosen, year);
      return {
        ...league,
        year: year ?? null,
        period: chosen ? periodKey(chosen) : null,
        periods: periods.map((p) => ({
          period: periodKey(p),
          name: periodName(p),
          label: periodLabel(p),
          baselineYear: p.baselineYear,
          midtermYear: p.midtermYear,
          targetYear: p.targetYear,
          districts: p.districts,
        })),
        reportingYear,
      };
    }),
});
