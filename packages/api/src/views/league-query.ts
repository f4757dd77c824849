import {
  assessedOf,
  cityCode,
  provinceCode,
  shareOnTrack,
  STATUSES,
  type Phase,
  type PlanSummary,
} from '@pm/core';
import type { Completeness } from './scorecard';
import { REPORTING_ORDER, type League, type LeagueRow, type Reporting } from './league';

/** Which districts the league lists: all, those with figures of the year, those without (未报送). */
export type LeagueShow = 'all' | 'reported' | 'unreported';
export type LeagueSort = 'rank' | 'name' | 'code' | 'share' | 'warnings' | 'completeness';
export type RegionLevel = 'province' | 'city' | 'all';

export interface LeagueFilter {
  /** A province's code, the first 2 digits of its districts' codes. */
  province?: string;
  /** A city's code, the first 4 digits of its districts' codes. */
  city?: string;
  show: LeagueShow;
  /** Part of a district's name or code. */
  q?: string;
}

export interface Region {
  code: string;
  name: string;
}

/** A province's or a city's districts together: the league's roll-up row. */
export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  districts: number;
  reported: number;
  unreported: number;
  noPlan: number;
  byStatus: PlanSummary['byStatus'];
  phases: Phase[];
  assessed: number;
  shareOnTrack: number | null;
  bindingWarnings: number;
  completeness: Completeness | null;
}

/** The name most districts of the region give it (they are written per district). */
function regionName(rows: readonly LeagueRow[], level: 'province' | 'city'): string {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r[level], (count.get(r[level]) ?? 0) + 1);
  let best = '';
  let most = 0;
  for (const [name, n] of count) if (n > most) [best, most] = [name, n];
  return best;
}

/** The region of `code` among `rows` (null: none of them is in it). */
export function regionOf(
  rows: readonly LeagueRow[],
  level: 'province' | 'city',
  code: string,
): Region | null {
  const of = level === 'province' ? provinceCode : cityCode;
  const inside = rows.filter((r) => of(r.code) === code);
  return inside.length === 0 ? null : { code, name: regionName(inside, level) };
}

/** The rows inside the region and matching the filters. */
export function filterRows(rows: readonly LeagueRow[], f: LeagueFilter): LeagueRow[] {
  const q = f.q?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.province || provinceCode(r.code) === f.province) &&
      (!f.city || cityCode(r.code) === f.city) &&
      (f.show === 'all' || r.reporting === f.show) &&
      (!q || r.code.includes(q) || r.name.toLowerCase().includes(q)),
  );
}

const standing = (r: LeagueRow) => REPORTING_ORDER.indexOf(r.reporting);

const VALUE: Record<
  Exclude<LeagueSort, 'rank' | 'name'>,
  (r: LeagueRow) => number | string | null
> = {
  code: (r) => r.code,
  share: (r) => r.shareOnTrack,
  warnings: (r) => r.bindingWarnings,
  completeness: (r) => r.completeness?.share ?? null,
};

const byCode = (a: LeagueRow, b: LeagueRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const collator = new Intl.Collator('zh-CN');

/** Ascending by `get`, a row without the figure last; ties by code. */
function compareBy(get: (r: LeagueRow) => number | string | null, descending: boolean) {
  return (a: LeagueRow, b: LeagueRow) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? byCode(a, b) : x === null ? 1 : -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return (descending ? -order : order) || byCode(a, b);
  };
}

/**
 * The standings ('rank'): the larger share on track first, then fewer binding warnings, then the
 * more complete, ties by code. `descending` (the default of 'rank') keeps that order; ascending
 * turns it round.
 */
function compareRank(a: LeagueRow, b: LeagueRow): number {
  const share = compareBy((r) => r.shareOnTrack, true)(a, b);
  if ((a.shareOnTrack ?? null) !== (b.shareOnTrack ?? null)) return share;
  return (
    a.bindingWarnings - b.bindingWarnings ||
    (b.completeness?.share ?? -1) - (a.completeness?.share ?? -1) ||
    byCode(a, b)
  );
}

/** Whether `sort` lists largest first when no order is asked for. */
export const descendingByDefault = (sort: LeagueSort) => sort !== 'code' && sort !== 'name';

/**
 * Rows by `sort`, within their standing: districts with figures of the year first, then those
 * without (未报送), then those without a plan, whatever the column; in each, one without the figure
 * sorted on comes last either way, ties by code.
 */
export function sortRows(rows: readonly LeagueRow[], sort: LeagueSort, descending: boolean) {
  const within =
    sort === 'rank'
      ? (a: LeagueRow, b: LeagueRow) => (descending ? compareRank(a, b) : compareRank(b, a))
      : sort === 'name'
        ? (a: LeagueRow, b: LeagueRow) =>
            (descending ? -1 : 1) * collator.compare(a.name, b.name) || byCode(a, b)
        : compareBy(VALUE[sort], descending);
  return [...rows].sort((a, b) => standing(a) - standing(b) || within(a, b));
}

const PHASES: readonly Phase[] = ['progress', 'end'];

/**
 * The roll-up of these rows under one region's code and name. Its grades, share on track and
 * binding warnings are those of the districts that reported the year: a 未报送 district's come
 * from older figures and are not ranked, on its own row or here. Completeness counts them all.
 */
export function rollUp(rows: readonly LeagueRow[], region: Region, level: RegionLevel): RegionRow {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as PlanSummary['byStatus'];
  const phases = new Set<Phase>();
  const count: Record<Reporting, number> = { reported: 0, unreported: 0, noPlan: 0 };
  let bindingWarnings = 0;
  let reported = 0;
  let total = 0;
  for (const r of rows) {
    count[r.reporting]++;
    if (r.completeness) {
      reported += r.completeness.reported;
      total += r.completeness.total;
    }
    if (r.reporting !== 'reported' || !r.byStatus) continue;
    for (const s of STATUSES) byStatus[s] += r.byStatus[s] ?? 0;
    for (const p of r.phases) phases.add(p);
    bindingWarnings += r.bindingWarnings;
  }
  return {
    code: region.code,
    name: region.name,
    level,
    districts: rows.length,
    ...count,
    byStatus,
    phases: phases.size === 0 ? ['progress'] : PHASES.filter((p) => phases.has(p)),
    assessed: assessedOf(byStatus),
    shareOnTrack: shareOnTrack(byStatus),
    bindingWarnings,
    completeness: total > 0 ? { reported, total, share: reported / total } : null,
  };
}

/** One roll-up per province (or per city of one province), by code. */
export function groupRows(rows: readonly LeagueRow[], level: 'province' | 'city'): RegionRow[] {
  const of = level === 'province' ? provinceCode : cityCode;
  const groups = new Map<string, LeagueRow[]>();
  for (const r of rows) {
    const code = of(r.code);
    const list = groups.get(code);
    if (list) list.push(r);
    else groups.set(code, [r]);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, inside]) => rollUp(inside, { code, name: regionName(inside, level) }, level));
}

export interface ViewKey extends LeagueFilter {
  sort: LeagueSort;
  descending: boolean;
}

/** A league's rows as filtered and sorted, with its roll-ups: kept per league object and view. */
const views = new WeakMap<League, Map<string, LeagueView>>();
/** Views kept per league: filters, sorts and drill-downs asked for while it stays current. */
const VIEWS_KEPT = 64;

export interface LeagueView {
  rows: LeagueRow[];
  groups: RegionRow[];
  overall: RegionRow;
}

/**
 * The rows of `league` matching the filters, in the order asked for, and their roll-ups; made
 * once per league and view (a league is a new object whenever any plan in it changed).
 */
export function leagueView(league: League, key: ViewKey): LeagueView {
  let kept = views.get(league);
  if (!kept) views.set(league, (kept = new Map()));
  const id = JSON.stringify(key);
  const found = kept.get(id);
  if (found) return found;
  const rows = sortRows(filterRows(league.rows, key), key.sort, key.descending);
  const level = key.city ? 'city' : key.province ? 'province' : 'all';
  const view: LeagueView = {
    rows,
    groups: key.city ? [] : groupRows(rows, key.province ? 'city' : 'province'),
    overall: rollUp(rows, { code: key.city ?? key.province ?? 'all', name: '' }, level),
  };
  if (kept.size >= VIEWS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(id, view);
  return view;
}
