import { useQuery } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useSearchParams } from 'react-router';
import { choosePlan, parsePeriod, periodLabel, periodName, type PeriodSpan } from '@pm/core';
import type { Locale } from '../i18n';
import { useTRPC } from './trpc';

export type DistrictPeriods = inferOutput<ReturnType<typeof useTRPC>['plans']['periods']>;
/** One of a district's plans as the server names it (period "2021-2025", 十四五, title, years). */
export type PlanRef = DistrictPeriods['periods'][number];

/** The search parameter that names the plan period of a page: `?period=2026-2030`. */
export const PERIOD_PARAM = 'period';

/** The district's plans, the reporting year and the period opened by default. */
export function useDistrictPeriods(code: string) {
  const trpc = useTRPC();
  return useQuery(trpc.plans.periods.queryOptions({ district: code }));
}

/** The year named in the URL (`?year=2024`), if it is one. */
export function yearParam(params: URLSearchParams): number | undefined {
  const raw = Number(params.get('year'));
  return Number.isInteger(raw) && raw >= 1949 && raw <= 2100 ? raw : undefined;
}

/** `to` with `?period=` set (kept as it is when there is no period to carry). */
export function withPeriod(to: string, period: string | null | undefined): string {
  if (!period) return to;
  const [path = '', query = ''] = to.split('?');
  const params = new URLSearchParams(query);
  params.set(PERIOD_PARAM, period);
  return `${path}?${params.toString()}`;
}

/**
 * The period in the URL, and links that keep it: every internal link of the district pages goes
 * through `link`, so moving between pages never changes the plan being looked at.
 */
export function usePeriod() {
  const [params] = useSearchParams();
  const period = params.get(PERIOD_PARAM);
  return { period, link: (to: string) => withPeriod(to, period) };
}

/** 十四五（2021–2025） / 14th FYP (2021–2025), in the reader's language. */
export const planLabel = (p: PeriodSpan, locale: Locale) =>
  periodLabel(p, locale === 'en' ? 'en' : 'zh');

/** 十四五 / 14th FYP. */
export const planName = (p: PeriodSpan, locale: Locale) =>
  periodName(p, locale === 'en' ? 'en' : 'zh');

/** Which of a district's plans a page is about, or why there is none. */
export type PeriodChoice =
  | { kind: 'plan'; plan: PlanRef }
  /** The district has no plan at all. */
  | { kind: 'none' }
  /** The URL names a period the district has no plan of. */
  | { kind: 'missing'; asked: PeriodSpan }
  /** The URL's period cannot be read. */
  | { kind: 'unreadable'; text: string };

/**
 * The plan of `?period=`; without it, the plan of `?year=` (B < E ≤ Y), else the server's default
 * (the reporting year's plan) — core's choosePlan, as the server chooses.
 */
export function choosePeriod(
  data: DistrictPeriods,
  period: string | null,
  year: number | undefined,
): PeriodChoice {
  if (period !== null && period.trim() !== '') {
    const asked = parsePeriod(period);
    if (!asked) return { kind: 'unreadable', text: period };
    const plan = choosePlan(data.periods, { period: asked }, data.reportingYear);
    return plan ? { kind: 'plan', plan } : { kind: 'missing', asked };
  }
  const fallback =
    year === undefined ? data.periods.find((p) => p.period === data.defaultPeriod) : undefined;
  const plan = fallback ?? choosePlan(data.periods, { year }, data.reportingYear);
  return plan ? { kind: 'plan', plan } : { kind: 'none' };
}
