import { z } from 'zod';
import {
  choosePlan,
  defaultYear,
  parsePeriod,
  PERIOD_FORMAT_MESSAGE,
  periodKey,
  periodLabel,
  periodName,
  planYears,
  reportingYearAt,
  samePeriod,
  type PeriodSpan,
} from '@pm/core';
import {
  listDistrictPlans,
  listPeriods,
  type DistrictPlan,
  type Role,
  type ScopePeriod,
} from '@pm/db';
import type { Context } from './context';
import { DomainError } from './errors';
import { districtProcedure } from './trpc';

/** A period as an API input: "2021-2025" (also 14, 十四五), parsed; refused with the form it takes. */
export const periodSchema = z
  .string()
  .max(40)
  .transform((text, ctx): PeriodSpan => {
    const span = parsePeriod(text);
    if (!span) {
      ctx.addIssue({
        code: 'custom',
        message: `“${text}” is not a period: ${PERIOD_FORMAT_MESSAGE}`,
      });
      return z.NEVER;
    }
    return span;
  });

/** The reporting year of a request. */
export const reportingYearOf = (ctx: Pick<Context, 'reportingYear'>) =>
  ctx.reportingYear ?? reportingYearAt(new Date());

/** A plan as every answer names it. */
export interface PlanRefView {
  planId: number;
  /** "2021-2025" */
  period: string;
  /** 十四五 */
  name: string;
  /** 十四五（2021–2025） */
  label: string;
  title: string;
  baselineYear: number;
  midtermYear: number;
  targetYear: number;
  indicators: number;
}

export function planRefView(p: DistrictPlan): PlanRefView {
  return {
    planId: p.id,
    period: periodKey(p),
    name: periodName(p),
    label: periodLabel(p),
    title: p.title,
    baselineYear: p.baselineYear,
    midtermYear: p.midtermYear,
    targetYear: p.targetYear,
    indicators: p.indicators,
  };
}

/** The district's plans and the one a request without a period opens. */
export async function districtPeriods(ctx: Context, code: string) {
  const plans = await listDistrictPlans(ctx.db, code);
  const reportingYear = reportingYearOf(ctx);
  const current = choosePlan(plans, {}, reportingYear);
  return {
    reportingYear,
    defaultPeriod: current ? periodKey(current) : null,
    periods: plans.map(planRefView),
  };
}

const periodNotFound = (code: string, asked: PeriodSpan, plans: readonly DistrictPlan[]) =>
  new DomainError(
    'NOT_FOUND',
    'plan.noPeriod',
    `district ${code} has no plan of ${periodKey(asked)}${
      plans.length ? ` (it has ${plans.map((p) => periodKey(p)).join(', ')})` : ' (it has no plan)'
    }`,
    {
      code,
      period: periodLabel(asked),
      periods: plans.map((p) => periodLabel(p)).join('、'),
    },
  );

const noPlan = (code: string) =>
  new DomainError('NOT_FOUND', 'scorecard.noPlan', `district ${code} has no plan`, { code });

/**
 * The district's plan a request is about: the period it names; else the plan of the year it names
 * (B < E ≤ Y); else the reporting year's plan (spec §1). Throws NOT_FOUND when there is none.
 */
export async function resolvePlan(
  ctx: Context,
  code: string,
  choice: { period?: PeriodSpan | undefined; year?: number | undefined },
): Promise<PlanRefView> {
  const plans = await listDistrictPlans(ctx.db, code);
  const plan = choosePlan(plans, choice, reportingYearOf(ctx));
  if (!plan) throw choice.period ? periodNotFound(code, choice.period, plans) : noPlan(code);
  return planRefView(plan);
}

/** Refuses a year outside the plan's years (B to Y), saying which years it has. */
export function checkPlanYear(
  plan: Pick<PlanRefView, 'baselineYear' | 'targetYear' | 'label'>,
  year: number,
  what: 'evaluation' | 'entry',
) {
  const first = what === 'entry' ? plan.baselineYear : plan.baselineYear + 1;
  if (year < first || year > plan.targetYear)
    throw new DomainError(
      'BAD_REQUEST',
      'plan.yearOutside',
      `${year} is outside ${plan.label}: its ${what === 'entry' ? 'figures' : 'evaluations'} are of ${first}–${plan.targetYear}`,
      { year, plan: plan.label, first, last: plan.targetYear },
    );
}

/**
 * The period a view over the caller's scope is of (the league, the home): the one asked for, else
 * that of the year asked for, else the reporting year's; a period no district in scope has is
 * refused. Null when the scope has no plan at all.
 */
export async function scopePeriod(
  ctx: Context & { user: { districts: readonly string[] | 'all' } },
  input: { period?: PeriodSpan; year?: number },
): Promise<{ periods: ScopePeriod[]; chosen: ScopePeriod | null; reportingYear: number }> {
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
  return { periods, chosen, reportingYear };
}

/** The year a plan's pages open at when the request names none. */
export const openingYear = (ctx: Context, plan: Pick<PlanRefView, 'baselineYear' | 'targetYear'>) =>
  defaultYear(plan, reportingYearOf(ctx));

/** The years figures may be entered for. */
export const entryYears = (plan: PlanRefView) => planYears(plan);

/**
 * A district procedure about one of its plans: the input may name `period`; the plan is resolved
 * from it, else from the input's `year` (an evaluation or entry year), else the reporting year's
 * (see `resolvePlan`), and handed on as `ctx.plan`.
 */
export function planProcedure(roles: readonly Role[]) {
  return districtProcedure(roles)
    .input(z.object({ period: periodSchema.optional() }))
    .use(async ({ ctx, input, getRawInput, next }) => {
      const raw = (await getRawInput()) as { year?: unknown } | undefined;
      const year =
        typeof raw?.year === 'number' && Number.isInteger(raw.year) ? raw.year : undefined;
      const plan = await resolvePlan(ctx, input.district, { period: input.period, year });
      return next({ ctx: { plan } });
    });
}
