import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO } from './helpers';

/** A plan file as plans.export answers it: only the parts the tests change are typed. */
export interface PlanJson {
  district: { code: string; name: string };
  plan: { title: string; baselineYear: number; midtermYear: number; targetYear: number };
  indicators: {
    seq: number;
    name: string;
    raw: Record<string, unknown>;
    target: Record<string, unknown>;
    revisions: unknown[];
    source: Record<string, unknown>;
  }[];
}

/** The district whose next plan the tests import, and the period that plan follows. */
export const DISTRICT = '130108';
export const CURRENT = '2021-2025';
/** The synthetic next plan (十五五): invented for the tests, never shipped as data. */
export const NEXT = {
  period: '2026-2030',
  baselineYear: 2025,
  midtermYear: 2028,
  targetYear: 2030,
};
/** Its printed baseline of 市级以上创新平台: set apart from the previous plan's final figure. */
export const PRINTED_PLATFORMS = 68;

// Kept from the current plan: enough rows of each kind for the entry grid, one binding.
const KEPT = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 18];

type Indicator = PlanJson['indicators'][number];
const level = (
  value: number,
  text: string,
  {
    baseline = null,
    comparator = 'at_least',
  }: { baseline?: number | null; comparator?: string } = {},
) => ({
  raw: { baseline: baseline === null ? '-' : String(baseline), target: text, rate: '-' },
  target: {
    form: 'level',
    baseline,
    value,
    rate: null,
    cumulative: null,
    sumOf: null,
    comparator,
    direction: 'increase',
  },
});
/** New targets of the next plan; the other kept rows keep their form (rates, 达到市要求). */
const RETARGETED: Record<number, ReturnType<typeof level>> = {
  4: level(95, '95', { baseline: PRINTED_PLATFORMS }),
  5: level(34, '34'),
  10: level(12.5, '12.5'),
  18: level(780, '780 亿元左右', { comparator: 'about' }),
};

/**
 * The district's next plan built from the exported current one: the title of the 15th Five-Year
 * Plan, the years that follow (B = the current Y), a dozen of its indicators with new targets and,
 * but for one, no printed baseline, so that carry-over proposes the current plan's final figures.
 */
export function nextPlanOf(current: PlanJson): PlanJson {
  expect(current.plan.targetYear).toBe(NEXT.baselineYear);
  const title = current.plan.title.replace('第十四个五年规划', '第十五个五年规划');
  expect(title).not.toBe(current.plan.title);
  const indicator = (i: Indicator): Indicator => {
    const change = RETARGETED[i.seq];
    return {
      ...i,
      raw: change ? { ...i.raw, ...change.raw } : i.raw,
      target: change ? { ...i.target, ...change.target } : i.target,
      revisions: [],
      source: { ...i.source, document: title, line: null, quote: null },
    };
  };
  return {
    ...current,
    plan: {
      ...current.plan,
      title,
      baselineYear: NEXT.baselineYear,
      midtermYear: NEXT.midtermYear,
      targetYear: NEXT.targetYear,
    },
    indicators: current.indicators.filter((i) => KEPT.includes(i.seq)).map(indicator),
  };
}

export async function query<T>(api: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await api.get(
    `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

async function mutate<T>(api: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await api.post(`/trpc/${path}`, { data: input });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** The current plan as an administrator exports it. */
export async function exportCurrentPlan(api: APIRequestContext): Promise<PlanJson> {
  return query<PlanJson>(api, 'plans.export', { district: DISTRICT, period: CURRENT });
}

/**
 * Makes sure the district has its next plan, importing it as the administrator would when the
 * spec that uploads it through 规划管理 has not run first. `api` is a request context of its own.
 */
export async function ensureNextPlan(api: APIRequestContext) {
  await mutate(api, 'auth.signIn', { username: 'admin', password: DEMO.admin });
  const { periods } = await query<{ periods: { period: string }[] }>(api, 'plans.periods', {
    district: DISTRICT,
  });
  if (!periods.some((p) => p.period === NEXT.period))
    await mutate(api, 'plans.import', nextPlanOf(await exportCurrentPlan(api)));
  await mutate(api, 'auth.signOut', {});
}
