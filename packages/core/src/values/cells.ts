import type { Indicator, PlanPeriod, ValueKind } from '../plan';

type CellIndicator = Pick<Indicator, 'target'>;

/**
 * Whether the year-B figure is for the official to enter: the plan printed no baseline and the
 * form measures from one (spec §1).
 */
export function baselineWanted(indicator: CellIndicator): boolean {
  const t = indicator.target;
  if (t.baseline !== null) return false;
  return (
    t.form === 'level' ||
    t.form === 'maintain' ||
    t.form === 'monitor' ||
    (t.form === 'cumulative' && t.sumOf === 'increases')
  );
}

/** Why a (kind, year) cannot be entered for an indicator; null when it can. */
export function cellRefusal(
  indicator: CellIndicator,
  kind: ValueKind,
  year: number,
  period: PlanPeriod,
): 'bad_year' | 'printed_baseline' | 'not_assigned' | null {
  if (!Number.isInteger(year) || year < period.baselineYear || year > period.targetYear)
    return 'bad_year';
  if (kind === 'assigned_target')
    return indicator.target.form === 'assigned' && year > period.baselineYear
      ? null
      : 'not_assigned';
  if (year === period.baselineYear && !baselineWanted(indicator)) return 'printed_baseline';
  return null;
}

/** The cells a complete year has for an indicator: year B only where a baseline is wanted. */
export function expectedKinds(
  indicator: CellIndicator,
  year: number,
  period: PlanPeriod,
): ValueKind[] {
  return (['actual', 'assigned_target'] as const).filter(
    (kind) => cellRefusal(indicator, kind, year, period) === null,
  );
}

/** A figure's key within one plan. */
export const cellKey = (v: { seq: number; year: number; kind: ValueKind }) =>
  `${v.seq}/${v.year}/${v.kind}`;

/**
 * The figure a new value of (seq, year, kind) is compared with: the same kind a year earlier, or
 * the plan's printed baseline for the first year's actual.
 */
export function previousFigure(
  indicator: Pick<Indicator, 'seq' | 'target'>,
  kind: ValueKind,
  year: number,
  period: PlanPeriod,
  valueOf: (key: string) => number | undefined,
): number | null {
  if (year <= period.baselineYear) return null;
  const stored = valueOf(cellKey({ seq: indicator.seq, year: year - 1, kind }));
  if (stored !== undefined) return stored;
  if (kind === 'actual' && year - 1 === period.baselineYear) return indicator.target.baseline;
  return null;
}
