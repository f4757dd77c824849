import type { Indicator, PlanPeriod } from '../plan';
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
}

const rank = (s: CompletenessState) => COMPLETENESS_STATES.indexOf(s);

/** Spec: entry. Per indicator, which of its figures of `year` are approved, submitted, draft or missing. */
export function completeness(
  file: {
    plan: PlanPeriod;
    indicators: readonly Pick<Indicator, 'seq' | 'target'>[];
  },
  values: readonly Pick<StoredValue, 'seq' | 'year' | 'kind' | 'state' | 'demo'>[],
  year: number,
): YearCompleteness {
  const byKey = new Map(values.map((v) => [cellKey(v), v]));
  const counts = Object.fromEntries(COMPLETENESS_STATES.map((s) => [s, 0])) as Record<
    CompletenessState,
    number
  >;
  const indicators: YearCompleteness['indicators'] = [];
  let demo = 0;
  for (const ind of [...file.indicators].sort((a, b) => a.seq - b.seq)) {
    const kinds = expectedKinds(ind, year, file.plan);
    if (kinds.length === 0) continue;
    const cells = kinds.map((kind) => byKey.get(cellKey({ seq: ind.seq, year, kind })));
    const state = cells
      .map((c): CompletenessState => c?.state ?? 'missing')
      .reduce((a, b) => (rank(b) < rank(a) ? b : a));
    const illustrative = cells.some(isDemo);
    counts[state]++;
    if (illustrative) demo++;
    indicators.push({ seq: ind.seq, state, demo: illustrative });
  }
  return { year, total: indicators.length, counts, demo, indicators };
}
