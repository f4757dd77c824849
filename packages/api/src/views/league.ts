import {
  leagueSummary,
  REPORTING_ORDER,
  type LeagueSummary,
  type PlanLeagueSummary,
} from '@pm/core';
import type { DistrictSummary, PlanInput } from '@pm/db';

export type { CategoryCell, Reporting } from '@pm/core';
export { REPORTING_ORDER } from '@pm/core';

/** One district on the league table; without a plan, only its names. */
export interface LeagueRow extends LeagueSummary {
  code: string;
  name: string;
  city: string;
  province: string;
}

export interface League {
  rows: LeagueRow[];
  /** The years any of the plans can be evaluated at. */
  years: number[];
  /** Every category of the rows, the most common first. */
  categories: string[];
}

/** What the league shows of one plan at one year, apart from its district's names. */
export type PlanRow = PlanLeagueSummary;

/** One plan's league row at `year` (default: its mid-term year). */
export function planRow(input: PlanInput, year: number | undefined): PlanRow {
  return leagueSummary(input, year);
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
  categoryOrder: [],
};

/** Each plan row with its district's names, made once while both are the same (rows are never changed). */
const named = new WeakMap<PlanRow, LeagueRow>();

function withNames(d: District, plan: PlanRow): LeagueRow {
  const made = named.get(plan);
  if (
    made &&
    made.code === d.code &&
    made.name === d.name &&
    made.city === d.city &&
    made.province === d.province
  )
    return made;
  const row: LeagueRow = {
    code: d.code,
    name: d.name,
    city: d.city,
    province: d.province,
    ...plan.row,
  };
  named.set(plan, row);
  return row;
}

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
    const plan = planRows[i];
    if (!plan)
      return { code: d.code, name: d.name, city: d.city, province: d.province, ...NO_PLAN };
    for (const c of plan.row.categoryOrder) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    for (let y = plan.years.from; y <= plan.years.to; y++) years.add(y);
    return withNames(d, plan);
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
