import { useSearchParams } from 'react-router';
import { attributeSchema, STATUSES, type Attribute, type Status } from '@pm/core';
import type { ScorecardRow } from './types';

/** The scorecard's filters in the URL: `?status=lagging&category=…&attribute=binding&department=…`. */
export const FILTER_PARAMS = ['status', 'category', 'attribute', 'department'] as const;
export type FilterName = (typeof FILTER_PARAMS)[number];

/** `department=-`: the indicators whose 牵头单位 is not named. */
export const NO_DEPARTMENT = '-';

export interface ScorecardFilters {
  status: Status | null;
  category: string | null;
  attribute: Attribute | null;
  department: string | null;
}

/** The filters the URL names; a value that is no status or attribute is no filter. */
export function readFilters(params: URLSearchParams): ScorecardFilters {
  const status = params.get('status');
  const attribute = attributeSchema.safeParse(params.get('attribute'));
  return {
    status: STATUSES.find((s) => s === status) ?? null,
    category: params.get('category'),
    attribute: attribute.success ? attribute.data : null,
    department: params.get('department') || null,
  };
}

export const anyFilter = (f: ScorecardFilters) => FILTER_PARAMS.some((k) => f[k] !== null);

/** Whether a row passes every filter set. */
export function passes(row: ScorecardRow, f: ScorecardFilters): boolean {
  const dept = row.leadDepartment ?? NO_DEPARTMENT;
  return (
    (f.status === null || row.status === f.status) &&
    (f.category === null || row.category === f.category) &&
    (f.attribute === null || row.attribute === f.attribute) &&
    (f.department === null || dept === f.department)
  );
}

/** The departments the rows name, in Chinese order; `NO_DEPARTMENT` last when some name none. */
export function departmentsOf(rows: readonly ScorecardRow[]): string[] {
  const named = [
    ...new Set(rows.map((r) => r.leadDepartment).filter((d): d is string => d !== null)),
  ].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return rows.some((r) => r.leadDepartment === null) ? [...named, NO_DEPARTMENT] : named;
}

/**
 * The filters, and setters that keep every other parameter (period, year, mode): a change
 * replaces the history entry, so Back leaves the scorecard as the year selector does, and
 * coming back to it (or reloading) keeps the filters.
 */
export function useScorecardFilters() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const update = (change: (p: URLSearchParams) => void) => {
    const p = new URLSearchParams(params);
    change(p);
    setParams(p, { replace: true });
  };
  const set = (name: FilterName, value: string | null) =>
    update((p) => (value === null || value === '' ? p.delete(name) : p.set(name, value)));
  const clear = () => update((p) => FILTER_PARAMS.forEach((k) => p.delete(k)));
  return { filters, set, clear };
}
