import { approvedCompleteness, assessedOf, shareOnTrack, type PlanSummary } from '@pm/core';
import type { DistrictSummary, PlanInput } from '@pm/db';
import { assessInput, type Completeness } from './scorecard';

/** One category of one district on the league's heat map. */
export interface CategoryCell {
  assessed: number;
  shareOnTrack: number | null;
}

/**
 * Where a district stands at the year shown: it has approved actual figures of the year
 * (reported), none of them (未报送: its grades are those of older figures), or no plan.
 */
export type Reporting = 'reported' | 'unreported' | 'noPlan';

/** The league's order: districts with figures of the year first, those without after. */
export const REPORTING_ORDER: readonly Reporting[] = ['reported', 'unreported', 'noPlan'];

/** One district on the league table; without a plan, only its names. */
export interface LeagueRow {
  code: string;
  name: string;
  city: string;
  province: string;
  planTitle: string | null;
  year: number | null;
  reporting: Reporting;
  /** 数据截至: the latest year up to `year` with approved actual figures (null: none since B). */
  dataYear: number | null;
  total: number;
  assessed: number;
  shareOnTrack: number | null;
  byStatus: PlanSummary['byStatus'] | null;
  /** The phases of its graded indicators, which decide the words of its counts (提前实现 / 完成). */
  phases: PlanSummary['phases'];
  bindingWarnings: number;
  /** Of the indicators the year asks figures of, those whose every required cell is approved. */
  completeness: Completeness | null;
  demo: boolean;
  categories: Record<string, CategoryCell>;
}

export interface League {
  rows: LeagueRow[];
  /** The years any of the plans can be evaluated at. */
  years: number[];
  /** Every category of the rows, the most common first. */
  categories: string[];
}

/** What the league shows of one plan at one year, apart from its district's names. */
export interface PlanRow {
  row: Omit<LeagueRow, keyof District>;
  /** The years the plan can be evaluated at: baseline + 1 … target. */
  years: { from: number; to: number };
}

/** The latest year after the baseline, up to `year`, with an approved actual figure. */
function dataYearOf(input: Pick<PlanInput, 'file' | 'values'>, year: number): number | null {
  const planned = new Set(input.file.indicators.map((i) => i.seq));
  let latest: number | null = null;
  for (const v of input.values)
    if (
      v.kind === 'actual' &&
      planned.has(v.seq) &&
      v.year > input.file.plan.baselineYear &&
      v.year <= year &&
      (latest === null || v.year > latest)
    )
      latest = v.year;
  return latest;
}

/** One plan's league row at `year` (default: its mid-term year). */
export function planRow(input: PlanInput, year: number | undefined): PlanRow {
  const { file } = input;
  const y = year ?? file.plan.midtermYear;
  const { summary } = assessInput(input, y);
  const categories: Record<string, CategoryCell> = {};
  for (const [name, counts] of Object.entries(summary.byCategory)) {
    categories[name] = { assessed: assessedOf(counts), shareOnTrack: shareOnTrack(counts) };
  }
  const dataYear = dataYearOf(input, y);
  return {
    row: {
      planTitle: file.plan.title,
      year: y,
      reporting: dataYear === y ? 'reported' : 'unreported',
      dataYear,
      total: summary.total,
      assessed: summary.assessed,
      shareOnTrack: summary.shareOnTrack,
      byStatus: summary.byStatus,
      phases: summary.phases,
      bindingWarnings: summary.bindingWarnings.length,
      completeness: approvedCompleteness(file, input.values, y),
      demo: input.demo,
      categories,
    },
    years: { from: file.plan.baselineYear + 1, to: file.plan.targetYear },
  };
}

type District = Pick<LeagueRow, 'code' | 'name' | 'city' | 'province'>;

const NO_PLAN: Omit<LeagueRow, keyof District> = {
  planTitle: null,
  year: null,
  reporting: 'noPlan',
  dataYear: null,
  total: 0,
  assessed: 0,
  shareOnTrack: null,
  byStatus: null,
  phases: ['progress'],
  bindingWarnings: 0,
  completeness: null,
  demo: false,
  categories: {},
};

/**
 * The league of these districts, each with its plan's row (null: the district has no plan): those
 * with figures of the year first, then those without (未报送), then those without a plan; each
 * group in the districts' order.
 */
export function assembleLeague(
  districts: readonly District[],
  planRows: readonly (PlanRow | null)[],
): League {
  const frequency = new Map<string, number>();
  const years = new Set<number>();
  const rows = districts.map((d, i): LeagueRow => {
    const names = { code: d.code, name: d.name, city: d.city, province: d.province };
    const plan = planRows[i];
    if (!plan) return { ...names, ...NO_PLAN };
    for (const c of Object.keys(plan.row.categories)) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    for (let y = plan.years.from; y <= plan.years.to; y++) years.add(y);
    return { ...names, ...plan.row };
  });
  const categories = [...frequency].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const rank = (r: LeagueRow) => REPORTING_ORDER.indexOf(r.reporting);
  rows.sort((a, b) => rank(a) - rank(b));
  return { rows, years: [...years].sort((a, b) => a - b), categories };
}

/** Every district in scope, assessed at `year` (default: each plan's mid-term year). */
export function league(
  districts: readonly DistrictSummary[],
  inputs: readonly PlanInput[],
  year: number | undefined,
): League {
  const byCode = new Map(inputs.map((i) => [i.file.district.code, i]));
  return assembleLeague(
    districts,
    districts.map((d) => {
      const input = byCode.get(d.code);
      return input ? planRow(input, year) : null;
    }),
  );
}
