import type { Indicator, PlanPeriod, ValueKind } from '../plan';
import { cellKey, expectedKinds } from './cells';
import { COMPLETENESS_STATES, isDemo, type CompletenessState, type StoredValue } from './workflow';

export interface YearCompleteness {
  year: number;
  /** Indicators with a cell to fill this year. */
  total: number;
  /** Indicators by the least advanced state of their cells (missing < returned < draft < submitted < approved). */
  counts: Record<CompletenessState, number>;
  /** Indicators whose figures of the year are illustrative (演示数据). */
  demo: number;
  indicators: { seq: number; state: CompletenessState; demo: boolean }[];
  /** The required figures themselves, each by its own state: what the grid marks and submit counts. */
  figures: { total: number; counts: Record<CompletenessState, number> };
}

type RequiredPlan = {
  plan: PlanPeriod;
  indicators: readonly Pick<Indicator, 'seq' | 'target'>[];
};

/** One figure a complete year has. */
export interface RequiredCell {
  seq: number;
  year: number;
  kind: ValueKind;
}

/**
 * Spec: entry. What a complete year requires of a plan, the one definition every surface counts
 * by: each indicator's actual (year B only where the plan printed no baseline it measures from),
 * and the city-assigned target (按市下达目标) where the indicator's form needs one. In seq order.
 */
export function requiredCells(file: RequiredPlan, year: number): RequiredCell[] {
  return [...file.indicators]
    .sort((a, b) => a.seq - b.seq)
    .flatMap((ind) =>
      expectedKinds(ind, year, file.plan).map((kind) => ({ seq: ind.seq, year, kind })),
    );
}

/** Share of the indicators the year requires figures of whose every required figure is approved. */
export interface ApprovedCompleteness {
  reported: number;
  total: number;
  share: number | null;
}

/**
 * 数据完整率 of the scorecard, the league and evaluations: of the indicators with required cells
 * in `year` (`requiredCells`), those whose every required figure is among `approved`.
 */
export function approvedCompleteness(
  file: RequiredPlan,
  approved: readonly Pick<StoredValue, 'seq' | 'year' | 'kind'>[],
  year: number,
): ApprovedCompleteness {
  const values = approved.map((v) => ({ ...v, state: 'approved' as const, demo: false }));
  const { total, counts } = completeness(file, values, year);
  return { reported: counts.approved, total, share: total > 0 ? counts.approved / total : null };
}

const zeroCounts = () =>
  Object.fromEntries(COMPLETENESS_STATES.map((s) => [s, 0])) as Record<CompletenessState, number>;

const rank = (s: CompletenessState) => COMPLETENESS_STATES.indexOf(s);

/** Spec: entry. Per indicator, which of its figures of `year` are approved, submitted, draft or missing. */
export function completeness(
  file: RequiredPlan,
  values: readonly Pick<StoredValue, 'seq' | 'year' | 'kind' | 'state' | 'demo'>[],
  year: number,
): YearCompleteness {
  const byKey = new Map(values.map((v) => [cellKey(v), v]));
  const counts = zeroCounts();
  const figureCounts = zeroCounts();
  const bySeq = new Map<number, RequiredCell[]>();
  const required = requiredCells(file, year);
  for (const cell of required) bySeq.set(cell.seq, [...(bySeq.get(cell.seq) ?? []), cell]);
  const indicators: YearCompleteness['indicators'] = [];
  let demo = 0;
  for (const [seq, required] of bySeq) {
    const cells = required.map((c) => byKey.get(cellKey(c)));
    const states = cells.map((c): CompletenessState => c?.state ?? 'missing');
    for (const s of states) figureCounts[s]++;
    const state = states.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    const illustrative = cells.some(isDemo);
    counts[state]++;
    if (illustrative) demo++;
    indicators.push({ seq, state, demo: illustrative });
  }
  return {
    year,
    total: indicators.length,
    counts,
    demo,
    indicators,
    figures: { total: required.length, counts: figureCounts },
  };
}
