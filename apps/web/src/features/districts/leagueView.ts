import { PERIOD_PARAM, yearParam } from '../../lib/period';

/** What the league can be sorted by on the server; 'rank' (the standings) by default. */
export type SortKey = 'rank' | 'name' | 'code' | 'share' | 'warnings' | 'completeness';
export const SORT_KEYS: readonly SortKey[] = [
  'rank',
  'name',
  'code',
  'share',
  'warnings',
  'completeness',
];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Which districts the table shows: all, those with figures of the year, those without (未报送). */
export type ReportingFilter = 'all' | 'reported' | 'unreported';
export const FILTERS: readonly ReportingFilter[] = ['all', 'reported', 'unreported'];

/** The league's filters and sort as the server takes them (`scorecard.league` without the page). */
export interface LeagueFilters {
  period?: string;
  year?: number;
  province?: string;
  city?: string;
  show: ReportingFilter;
  q?: string;
  sort: SortKey;
  order: 'asc' | 'desc';
}

const isOneOf = <T extends string>(list: readonly T[], x: string | null): x is T =>
  x !== null && (list as readonly string[]).includes(x);

/** Largest first unless the column is a name or a code, as the server orders by default. */
export const descendingByDefault = (key: SortKey) => key !== 'code' && key !== 'name';

/** The sort in the URL (`?sort=share&order=asc`); the standings by default. */
export function sortParam(params: URLSearchParams): Sort {
  const raw = params.get('sort');
  const key = isOneOf(SORT_KEYS, raw) ? raw : 'rank';
  const order = params.get('order');
  return {
    key,
    descending: order === 'desc' || (order !== 'asc' && descendingByDefault(key)),
  };
}

/** The filter in the URL (`?show=unreported`); all districts by default. */
export function reportingParam(params: URLSearchParams): ReportingFilter {
  const raw = params.get('show');
  return isOneOf(FILTERS, raw) ? raw : 'all';
}

/** The search in the URL (`?q=裕华`), trimmed; none when empty. */
export function searchParam(params: URLSearchParams): string | undefined {
  const q = params.get('q')?.trim().slice(0, 40);
  return q ? q : undefined;
}

/** Everything the URL says about the league asked for, as the server's input. */
export function leagueFilters(params: URLSearchParams): LeagueFilters {
  const sort = sortParam(params);
  const filters: LeagueFilters = {
    show: reportingParam(params),
    sort: sort.key,
    order: sort.descending ? 'desc' : 'asc',
  };
  const period = params.get(PERIOD_PARAM);
  if (period) filters.period = period;
  const year = yearParam(params);
  if (year !== undefined) filters.year = year;
  const province = params.get('province')?.trim();
  if (province) filters.province = province;
  const city = params.get('city')?.trim();
  if (city) filters.city = city;
  const q = searchParam(params);
  if (q) filters.q = q;
  return filters;
}

/** `params` with `key` set to `value`, or removed when it is empty. */
export function withParam(
  params: URLSearchParams,
  key: string,
  value: string | undefined,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === undefined || value === '') next.delete(key);
  else next.set(key, value);
  return next;
}

/** `params` with `sort` written in (the default, the standings best first, leaves the URL bare). */
export function withSort(params: URLSearchParams, sort: Sort): URLSearchParams {
  const next = new URLSearchParams(params);
  if (sort.key === 'rank' && sort.descending) {
    next.delete('sort');
    next.delete('order');
  } else {
    next.set('sort', sort.key);
    next.set('order', sort.descending ? 'desc' : 'asc');
  }
  return next;
}

/** A click on a column's heading: the column turned round when it is the sort, else its default. */
export const toggledSort = (current: Sort, key: SortKey): Sort =>
  current.key === key
    ? { key, descending: !current.descending }
    : { key, descending: descendingByDefault(key) };

export const withReporting = (params: URLSearchParams, filter: ReportingFilter) =>
  withParam(params, 'show', filter === 'all' ? undefined : filter);

/**
 * `params` inside a region: a province (`?province=13`), a city (`?city=1301`, whose province the
 * server infers) or all (null); the period, year, filter, search and sort are kept.
 */
export function withRegion(
  params: URLSearchParams,
  region: { level: 'province' | 'city'; code: string } | null,
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('province');
  next.delete('city');
  if (region) next.set(region.level, region.code);
  return next;
}

/** `params` without the search and the filter: every district of the region again. */
export function withoutSearch(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('q');
  next.delete('show');
  return next;
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
