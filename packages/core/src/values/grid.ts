import type { District, Indicator, PlanFile, PlanPeriod, RawCells, ValueKind } from '../plan';
import { baselineWanted, cellKey, cellRefusal, previousFigure } from './cells';
import { concernsFor, type Concern } from './plausibility';
import type { StoredValue } from './workflow';
import { targetWords } from '../target-words';

/**
 * A stored figure against the one it is compared with: in percentage points for an indicator in %
 * (a rate from 6 to 9 is +3 points, not +50%), else relative (`share`, 0.5 = +50%).
 */
export type FigureChange =
  { previous: number; points: number } | { previous: number; share: number | null; delta: number };

/** The change of `value` from `previous`, as fits the unit; null without a previous figure. */
export function figureChange(
  value: number,
  previous: number | null,
  unit: string,
): FigureChange | null {
  if (previous === null) return null;
  const delta = round(value - previous);
  if (unit === '%' || unit === '‰') return { previous, points: delta };
  return { previous, delta, share: previous === 0 ? null : delta / Math.abs(previous) };
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** One enterable figure of the grid: what is stored, and what a new figure is compared with. */
export interface EntryCell {
  kind: ValueKind;
  year: number;
  stored: StoredValue | null;
  /** The figure a change is compared with (`concernsFor`). */
  previous: number | null;
  /** The stored figure against `previous`; null without either. */
  change: FigureChange | null;
  /**
   * What the plausibility check that asked the official for a reason finds in the stored figure
   * (a change beyond ±changeThreshold, a share above 100%, a negative level): what a reviewer
   * must look at before approving it.
   */
  concerns: Concern[];
  /** The reason the official gave when confirming the stored figure as unusual. */
  reason: string | null;
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
  /** By value id: the reason its official gave when confirming the figure stored now. */
  reasons: ReadonlyMap<number, string> = new Map(),
): EntryGrid {
  const period = file.plan;
  const settings = file.plan.settings;
  const byKey = new Map(values.map((v) => [cellKey(v), v]));
  const at = (seq: number, y: number, kind: ValueKind) =>
    byKey.get(cellKey({ seq, year: y, kind }));
  const figure = (key: string) => byKey.get(key)?.value;
  const cell = (ind: EntryIndicator, kind: ValueKind): EntryCell | null => {
    if (cellRefusal(ind, kind, year, period) !== null) return null;
    const stored = at(ind.seq, year, kind) ?? null;
    const previous = previousFigure(ind, kind, year, period, figure);
    return {
      kind,
      year,
      stored,
      previous,
      change: stored ? figureChange(stored.value, previous, ind.unit) : null,
      concerns: stored ? concernsFor(stored.value, ind, previous, settings) : [],
      reason: stored ? (reasons.get(stored.id) ?? null) : null,
    };
  };
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
      targetText: targetWords(ind, period.targetYear).zh,
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
