import type { District, Indicator, PlanFile, PlanPeriod, RawCells, ValueKind } from '../plan';
import { baselineWanted, cellKey, cellRefusal, previousFigure } from './cells';
import type { StoredValue } from './workflow';

/** One enterable figure of the grid: what is stored, and what a new figure is compared with. */
export interface EntryCell {
  kind: ValueKind;
  year: number;
  stored: StoredValue | null;
  /** The figure a change is compared with (`concernsFor`). */
  previous: number | null;
}

export type EntryIndicator = Pick<
  Indicator,
  'seq' | 'category' | 'name' | 'unit' | 'attribute' | 'leadDepartment' | 'target'
> & { raw: RawCells };

export interface EntryRow {
  indicator: EntryIndicator;
  /** The plan's target as printed: the target cell and the rate cell, where they say something. */
  targetText: string;
  /** 基数: the printed baseline, else the year-B figure entered for it. */
  baseline: { value: number | null; printed: boolean; stored: StoredValue | null };
  /** Last year's actual; for the year after B, the baseline. Null for year B itself. */
  lastYear: { value: number | null; stored: StoredValue | null } | null;
  /** This year's actual; null where it cannot be entered (year B with a printed baseline). */
  actual: EntryCell | null;
  /** The city-assigned target of this year, for `assigned` indicators. */
  assigned: EntryCell | null;
  /** Last year's assigned target, for `assigned` indicators. */
  lastAssigned: StoredValue | null;
}

export interface EntryGroup {
  category: string;
  rows: EntryRow[];
}

export interface EntryGrid {
  district: District;
  year: number;
  period: PlanPeriod;
  changeThreshold: number;
  /** The years that can be entered: B (baselines) to Y. */
  years: number[];
  groups: EntryGroup[];
}

const SAYS_NOTHING = /^[-—–\s]*$/;

/** The printed target cells that say something, joined: `70 · 6`, `达到 市要求`. */
export function targetText(raw: RawCells): string {
  return [raw.target, raw.rate]
    .filter((t): t is string => t !== null && !SAYS_NOTHING.test(t))
    .join(' · ');
}

/**
 * The entry grid of one district and year: indicators grouped by category in the order the plan
 * first names each category, then by seq, each with its baseline, last year and this year's cells.
 */
export function entryGrid(
  file: Pick<PlanFile, 'district' | 'plan' | 'indicators'>,
  values: readonly StoredValue[],
  year: number,
): EntryGrid {
  const period = file.plan;
  const byKey = new Map(values.map((v) => [cellKey(v), v]));
  const at = (seq: number, y: number, kind: ValueKind) =>
    byKey.get(cellKey({ seq, year: y, kind }));
  const figure = (key: string) => byKey.get(key)?.value;
  const cell = (ind: EntryIndicator, kind: ValueKind): EntryCell | null =>
    cellRefusal(ind, kind, year, period) === null
      ? {
          kind,
          year,
          stored: at(ind.seq, year, kind) ?? null,
          previous: previousFigure(ind, kind, year, period, figure),
        }
      : null;
  const groups: EntryGroup[] = [];
  const sorted = [...file.indicators].sort((a, b) => a.seq - b.seq);
  for (const ind of sorted) {
    const B = period.baselineYear;
    const baseStored = baselineWanted(ind) ? (at(ind.seq, B, 'actual') ?? null) : null;
    const row: EntryRow = {
      indicator: {
        seq: ind.seq,
        category: ind.category,
        name: ind.name,
        unit: ind.unit,
        attribute: ind.attribute,
        leadDepartment: ind.leadDepartment,
        target: ind.target,
        raw: ind.raw,
      },
      targetText: targetText(ind.raw),
      baseline: {
        value: ind.target.baseline ?? baseStored?.value ?? null,
        printed: ind.target.baseline !== null,
        stored: baseStored,
      },
      lastYear: lastYearOf(ind, year, period, at(ind.seq, year - 1, 'actual') ?? null),
      actual: cell(ind, 'actual'),
      assigned: cell(ind, 'assigned_target'),
      lastAssigned:
        ind.target.form === 'assigned' ? (at(ind.seq, year - 1, 'assigned_target') ?? null) : null,
    };
    const group = groups.find((g) => g.category === ind.category);
    if (group) group.rows.push(row);
    else groups.push({ category: ind.category, rows: [row] });
  }
  const years = Array.from(
    { length: period.targetYear - period.baselineYear + 1 },
    (_, i) => period.baselineYear + i,
  );
  return {
    district: file.district,
    year,
    period: {
      baselineYear: period.baselineYear,
      midtermYear: period.midtermYear,
      targetYear: period.targetYear,
    },
    changeThreshold: file.plan.settings.changeThreshold,
    years,
    groups,
  };
}

function lastYearOf(
  ind: Pick<Indicator, 'target'>,
  year: number,
  period: PlanPeriod,
  stored: StoredValue | null,
): EntryRow['lastYear'] {
  if (year <= period.baselineYear) return null;
  if (stored) return { value: stored.value, stored };
  if (year - 1 === period.baselineYear) return { value: ind.target.baseline, stored: null };
  return { value: null, stored: null };
}
