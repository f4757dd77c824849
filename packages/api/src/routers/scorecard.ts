import { z } from 'zod';
import { periodKey, periodLabel, periodName, positiveIntSchema, provinceCode } from '@pm/core';
import {
  latestFinalized,
  listRounds,
  loadIndicatorRecord,
  loadPlanInput,
  type SessionUser,
} from '@pm/db';
import type { Context } from '../context';
import { DomainError } from '../errors';
import {
  checkPlanYear,
  openingYear,
  periodSchema,
  planProcedure,
  scopePeriod,
} from '../plan-choice';
import { ALL_ROLES, roleProcedure, router } from '../trpc';
import { leagueCsv, leagueXlsx } from '../reports/league-export';
import { leagueCache } from '../views/league-cache';
import { descendingByDefault, leagueView, regionOf } from '../views/league-query';
import type { League } from '../views/league';
import {
  finalizedScorecard,
  indicatorConclusion,
  indicatorDetail,
  liveScorecard,
} from '../views/scorecard';

/** An evaluation year E; by default the reporting year, held within the plan's period. */
export const evaluationYearSchema = z.number().int().min(1949).max(2100);

/** The league's filters and sort, shared by the page and its download. */
const leagueInput = z.object({
  period: periodSchema.optional(),
  year: evaluationYearSchema.optional(),
  province: z.string().trim().max(12).optional(),
  city: z.string().trim().max(12).optional(),
  show: z.enum(['all', 'reported', 'unreported']).default('all'),
  q: z.string().trim().max(40).optional(),
  sort: z.enum(['rank', 'name', 'code', 'share', 'warnings', 'completeness']).default('rank'),
  order: z.enum(['asc', 'desc']).optional(),
});

const pageInput = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
};

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
      const read = readDbOf(ctx);
      const [plan, rounds] = await Promise.all([
        loadPlanInput(read, ctx.plan.planId, year),
        listRounds(read, input.district, ctx.plan.planId),
      ]);
      if (!plan) throw new DomainError('NOT_FOUND', 'scorecard.noPlan', 'the plan vanished');
      const finalizedYears = [
        ...new Set(rounds.filter((r) => r.status === 'finalized').map((r) => r.year)),
      ];
      if (input.mode === 'live')
        return { ...liveScorecard(plan, year, finalizedYears), plan: ctx.plan };
      const frozen = await latestFinalized(read, ctx.plan.planId, year);
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
      const read = readDbOf(ctx);
      const [plan, record, frozen] = await Promise.all([
        loadPlanInput(read, ctx.plan.planId, year),
        loadIndicatorRecord(read, ctx.plan.planId, input.seq),
        latestFinalized(read, ctx.plan.planId, year),
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
   * The districts in the caller's scope compared within one period (default: that of the year
   * asked for, else of the reporting year), at year E (default: the reporting year, held within
   * the period): a page of the filtered and sorted rows, the roll-ups one level below the region
   * asked for, and the roll-up of all that match.
   */
  league: roleProcedure(ALL_ROLES)
    .input(leagueInput.extend(pageInput).prefault({}))
    .query(async ({ ctx, input }) => {
      const { context, league, rows, groups, overall, region } = await leagueRows(ctx, input);
      const within = region.city ?? region.province ?? { code: 'all', name: '' };
      return {
        rows: rows.slice(input.offset, input.offset + input.limit),
        total: rows.length,
        offset: input.offset,
        limit: input.limit,
        region,
        groups,
        overall: { ...overall, name: within.name },
        years: league.years,
        categories: league.categories,
        ...context,
      };
    }),

  /** Every row of the league the filters match, in its order, as an Excel or a CSV file (base64). */
  leagueExport: roleProcedure(ALL_ROLES)
    .input(leagueInput.extend({ format: z.enum(['xlsx', 'csv']) }))
    .query(async ({ ctx, input }) => {
      const { context, rows, region } = await leagueRows(ctx, input);
      const where = region.city ?? region.province;
      const title = [
        '区县对比',
        where ? `${where.name}（${where.code}）` : null,
        context.period,
        context.year,
      ]
        .filter((x) => x !== null)
        .join('-');
      const file = input.format === 'csv' ? leagueCsv(rows) : await leagueXlsx(rows, title);
      return {
        filename: `${title}.${input.format}`,
        base64: file.toString('base64'),
        rows: rows.length,
      };
    }),
});

type LeagueInput = z.infer<typeof leagueInput>;

/** Where the league and the scorecards read: the replica when there is one, else the primary. */
const readDbOf = (ctx: Context) => ctx.readDb ?? ctx.db;

/** The region's code as asked for: `digits` digits, else refused naming it. */
function checkRegionCode(code: string | undefined, digits: 2 | 4) {
  if (code === undefined || new RegExp(`^\\d{${digits}}$`).test(code)) return;
  throw new DomainError(
    'BAD_REQUEST',
    'league.badRegion',
    `${digits === 2 ? 'a province' : 'a city'} code has ${digits} digits, not “${code}”`,
    { code, digits },
  );
}

/** The league of the caller's scope within the filters, sorted, with the region it is of. */
async function leagueRows(ctx: Context & { user: SessionUser }, input: LeagueInput) {
  checkRegionCode(input.province, 2);
  checkRegionCode(input.city, 4);
  const { periods, chosen, reportingYear } = await scopePeriod(ctx, input);
  const year = chosen ? (input.year ?? openingYear(ctx, chosen)) : input.year;
  if (chosen && year !== undefined)
    checkPlanYear({ ...chosen, label: periodLabel(chosen) }, year, 'evaluation');
  // On a replica the summaries are the primary's to store: its transactions keep them current.
  const league: League = await leagueCache(readDbOf(ctx), {
    persist: !ctx.readDb,
    logger: ctx.log,
  }).league(ctx.user.districts, chosen, year);
  const province = input.province ?? (input.city ? provinceCode(input.city) : undefined);
  const region = {
    province: province ? regionOf(league.rows, 'province', province) : null,
    city: input.city ? regionOf(league.rows, 'city', input.city) : null,
  };
  const missing =
    province && !region.province ? province : input.city && !region.city ? input.city : null;
  if (missing || (region.city && province && provinceCode(region.city.code) !== province))
    throw new DomainError(
      'NOT_FOUND',
      'league.noRegion',
      `no district in scope is in region ${missing ?? input.city}`,
      { code: missing ?? input.city! },
    );
  const view = leagueView(league, {
    province,
    city: input.city,
    show: input.show,
    q: input.q?.trim().toLowerCase() || undefined,
    sort: input.sort,
    descending: input.order ? input.order === 'desc' : descendingByDefault(input.sort),
  });
  return {
    league,
    ...view,
    region,
    context: {
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
    },
  };
}
