import { useSearchParams } from 'react-router';
import { withPeriod, yearParam } from '../../lib/period';

export type FiguresMode = 'live' | 'finalized';

/**
 * The evaluation year and figures mode in the URL (`?period=…&year=2024&mode=live`). With no
 * mode, a year whose round is finalized shows the finalized result and any other year the live
 * figures (`resolveMode`).
 */
export function useScorecardParams() {
  const [params, setParams] = useSearchParams();
  const year = yearParam(params);
  const raw = params.get('mode');
  const mode: FiguresMode | null = raw === 'live' || raw === 'finalized' ? raw : null;
  const set = (next: { year?: number; mode?: FiguresMode }) => {
    const p = new URLSearchParams(params);
    if (next.year !== undefined) {
      p.set('year', String(next.year));
      // Another year has its own default.
      if (next.mode === undefined) p.delete('mode');
    }
    if (next.mode !== undefined) p.set('mode', next.mode);
    setParams(p, { replace: true });
  };
  return { year, mode, set };
}

/** The mode shown: the one asked for, else the finalized result where there is one. */
export function resolveMode(asked: FiguresMode | null, finalizable: boolean): FiguresMode {
  if (!finalizable) return 'live';
  return asked ?? 'finalized';
}

/** B+1 … Y: the years an evaluation can be made for. */
export function planYears(plan: { baselineYear: number; targetYear: number }): number[] {
  return Array.from(
    { length: plan.targetYear - plan.baselineYear },
    (_, i) => plan.baselineYear + 1 + i,
  );
}

/** How a year is offered: the mid-term year and the target year (期末) are marked. */
export function yearLabel(
  plan: { midtermYear: number; targetYear: number },
  year: number,
): 'scorecard.yearMidterm' | 'scorecard.yearFinal' | 'scorecard.yearOption' {
  if (year === plan.midtermYear) return 'scorecard.yearMidterm';
  return year === plan.targetYear ? 'scorecard.yearFinal' : 'scorecard.yearOption';
}

/** A scorecard row's indicator page, at the card's year, in the card's plan. */
export function indicatorPath(
  card: { district: { code: string }; year: number; plan: { period: string } },
  seq: number,
): string {
  return withPeriod(
    `/d/${card.district.code}/indicators/${seq}?year=${card.year}`,
    card.plan.period,
  );
}
