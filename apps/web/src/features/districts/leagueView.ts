import type { LeagueRow } from '../scorecard/types';

export type SortKey = 'code' | 'share' | 'warnings' | 'completeness';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Which districts the table shows: all, those with figures of the year, those without (未报送). */
export type ReportingFilter = 'all' | 'reported' | 'unreported';

const SORT_KEYS: readonly SortKey[] = ['code', 'share', 'warnings', 'completeness'];
const FILTERS: readonly ReportingFilter[] = ['all', 'reported', 'unreported'];

const isOneOf = <T extends string>(list: readonly T[], x: string | null): x is T =>
  x !== null && (list as readonly string[]).includes(x);

/** The sort in the URL (`?sort=share&order=asc`); by code, else largest first, by default. */
export function sortParam(params: URLSearchParams): Sort {
  const raw = params.get('sort');
  const key = isOneOf(SORT_KEYS, raw) ? raw : 'code';
  const order = params.get('order');
  return { key, descending: order === 'desc' || (order !== 'asc' && key !== 'code') };
}

/** `params` with `sort` written in (the default, by code ascending, leaves the URL bare). */
export function withSort(params: URLSearchParams, sort: Sort): URLSearchParams {
  const next = new URLSearchParams(params);
  if (sort.key === 'code' && !sort.descending) {
    next.delete('sort');
    next.delete('order');
  } else {
    next.set('sort', sort.key);
    next.set('order', sort.descending ? 'desc' : 'asc');
  }
  return next;
}

/** The filter in the URL (`?show=unreported`); all districts by default. */
export function reportingParam(params: URLSearchParams): ReportingFilter {
  const raw = params.get('show');
  return isOneOf(FILTERS, raw) ? raw : 'all';
}

export function withReporting(params: URLSearchParams, filter: ReportingFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  if (filter === 'all') next.delete('show');
  else next.set('show', filter);
  return next;
}

export const shownRows = (rows: readonly LeagueRow[], filter: ReportingFilter) =>
  filter === 'all' ? rows : rows.filter((r) => r.reporting === filter);

/** The server's order of standings: reported, then 未报送, then without a plan. */
const STANDING: Record<LeagueRow['reporting'], number> = { reported: 0, unreported: 1, noPlan: 2 };

const VALUE: Record<SortKey, (r: LeagueRow) => number | string | null> = {
  code: (r) => r.code,
  share: (r) => r.shareOnTrack,
  warnings: (r) => r.bindingWarnings,
  completeness: (r) => r.completeness?.share ?? null,
};

/**
 * Rows by `sort`, within their standing: a district without figures of the year (未报送) after
 * those with them whatever the column, one without a plan last; one without the figure last in
 * its standing either way, ties by code.
 */
export function sortRows(rows: readonly LeagueRow[], sort: Sort): LeagueRow[] {
  const get = VALUE[sort.key];
  return [...rows].sort((a, b) => {
    const standing = STANDING[a.reporting] - STANDING[b.reporting];
    if (standing !== 0) return standing;
    const x = get(a);
    const y = get(b);
    if (x === null || y === null)
      return x === y ? a.code.localeCompare(b.code) : x === null ? 1 : -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return (sort.descending ? -order : order) || a.code.localeCompare(b.code);
  });
}

/** The heat map's bands of a category's share on track, best first; the legend lists them. */
export const HEAT_BANDS = [
  { band: 'high', from: 0.8 },
  { band: 'good', from: 0.6 },
  { band: 'mid', from: 0.4 },
  { band: 'low', from: 0 },
] as const;
export type HeatBand = (typeof HEAT_BANDS)[number]['band'] | 'none' | 'unreported';

export const heatBand = (share: number | null): HeatBand =>
  share === null ? 'none' : HEAT_BANDS.find((b) => share >= b.from)!.band;
