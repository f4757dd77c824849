import { shareOnTrack, type PlanSummary } from '@pm/core';
import type { DistrictSummary, PlanInput } from '@pm/db';
import { assessInput, completeness, type Completeness } from './scorecard';

/** One category of one district on the league's heat map. */
export interface CategoryCell {
  assessed: number;
  shareOnTrack: number | null;
}

/** One district on the league table; without a plan, only its names. */
export interface LeagueRow {
  code: string;
  name: string;
  city: string;
  province: string;
  planTitle: string | null;
  year: number | null;
  total: number;
  assessed: number;
  shareOnTrack: number | null;
  byStatus: PlanSummary['byStatus'] | null;
  bindingWarnings: number;
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

function assessedRow(input: PlanInput, year: number | undefined): Omit<LeagueRow, keyof District> {
  const { file } = input;
  const y = year ?? file.plan.midtermYear;
  const { summary } = assessInput(input, y);
  const categories: Record<string, CategoryCell> = {};
  for (const [name, counts] of Object.entries(summary.byCategory)) {
    const all = Object.values(counts).reduce((n, c) => n + c, 0);
    categories[name] = { assessed: all - counts.not_assessed, shareOnTrack: shareOnTrack(counts) };
  }
  return {
    planTitle: file.plan.title,
    year: y,
    total: summary.total,
    assessed: summary.assessed,
    shareOnTrack: summary.shareOnTrack,
    byStatus: summary.byStatus,
    bindingWarnings: summary.bindingWarnings.length,
    completeness: completeness(input.values, file.indicators, y),
    demo: input.demo,
    categories,
  };
}

type District = Pick<LeagueRow, 'code' | 'name' | 'city' | 'province'>;

/** Every district in scope, assessed at `year` (default: each plan's mid-term year). */
export function league(
  districts: readonly DistrictSummary[],
  inputs: readonly PlanInput[],
  year: number | undefined,
): League {
  const byCode = new Map(inputs.map((i) => [i.file.district.code, i]));
  const frequency = new Map<string, number>();
  const rows = districts.map((d): LeagueRow => {
    const input = byCode.get(d.code);
    const names = { code: d.code, name: d.name, city: d.city, province: d.province };
    if (!input) {
      return {
        ...names,
        planTitle: null,
        year: null,
        total: 0,
        assessed: 0,
        shareOnTrack: null,
        byStatus: null,
        bindingWarnings: 0,
        completeness: null,
        demo: false,
        categories: {},
      };
    }
    const row = { ...names, ...assessedRow(input, year) };
    for (const c of Object.keys(row.categories)) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    return row;
  });
  const categories = [...frequency].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const years = new Set<number>();
  for (const { file } of inputs)
    for (let y = file.plan.baselineYear + 1; y <= file.plan.targetYear; y++) years.add(y);
  return { rows, years: [...years].sort((a, b) => a - b), categories };
}
