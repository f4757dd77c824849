import { z } from 'zod';
import { positiveIntSchema } from '@pm/core';
import { latestFinalized, listRounds, loadIndicatorRecord, loadPlanInputs } from '@pm/db';
import { DomainError } from '../errors';
import { ALL_ROLES, districtProcedure, roleProcedure, router } from '../trpc';
import { leagueCache } from '../views/league-cache';
import { finalizedScorecard, indicatorDetail, liveScorecard } from '../views/scorecard';

/** An evaluation year E; by default the plan's mid-term year. */
export const evaluationYearSchema = z.number().int().min(1949).max(2100);

const noPlan = (code: string) =>
  new DomainError('NOT_FOUND', 'scorecard.noPlan', `district ${code} has no plan`, { code });

export const scorecardRouter = router({
  /** A district's scorecard at year E: live from the approved values, or as the latest round of E froze it. */
  district: districtProcedure(ALL_ROLES)
    .input(
      z.object({
        year: evaluationYearSchema.optional(),
        mode: z.enum(['live', 'finalized']).default('live'),
      }),
    )
    .query(async ({ ctx, input }) => {
      const [[plan], rounds] = await Promise.all([
        loadPlanInputs(ctx.db, [input.district], input.year),
        listRounds(ctx.db, input.district),
      ]);
      if (!plan) throw noPlan(input.district);
      const year = input.year ?? plan.file.plan.midtermYear;
      const finalizedYears = [
        ...new Set(rounds.filter((r) => r.status === 'finalized').map((r) => r.year)),
      ];
      if (input.mode === 'live') return liveScorecard(plan, year, finalizedYears);
      const frozen = await latestFinalized(ctx.db, input.district, year);
      if (!frozen)
        throw new DomainError(
          'NOT_FOUND',
          'scorecard.noFinalized',
          `no finalized round of ${input.district} for ${year}`,
          { year },
        );
      return finalizedScorecard(frozen.snapshot, frozen.round, finalizedYears);
    }),

  /** One indicator: its assessment, chart, every stored figure with state and source, and their history. */
  indicator: districtProcedure(ALL_ROLES)
    .input(z.object({ seq: positiveIntSchema, year: evaluationYearSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const [[plan], record] = await Promise.all([
        loadPlanInputs(ctx.db, [input.district], input.year),
        loadIndicatorRecord(ctx.db, input.district, input.seq),
      ]);
      if (!plan) throw noPlan(input.district);
      const detail = indicatorDetail(plan, input.seq, input.year ?? plan.file.plan.midtermYear);
      if (!detail)
        throw new DomainError(
          'NOT_FOUND',
          'scorecard.noIndicator',
          `district ${input.district} has no indicator ${input.seq}`,
          { seq: input.seq },
        );
      return { ...detail, ...record };
    }),

  /** Every district in the caller's scope at year E (default: each plan's mid-term year). */
  league: roleProcedure(ALL_ROLES)
    .input(z.object({ year: evaluationYearSchema.optional() }).default({}))
    .query(({ ctx, input }) => leagueCache(ctx.db).league(ctx.user.districts, input.year)),
});
