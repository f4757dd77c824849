import { useSearchParams } from 'react-router';
import { withPeriod, yearParam } from '../../lib/period';

/** The evaluation year and figures mode in the URL (`?period=…&year=2024&mode=finalized`). */
export function useScorecardParams() {
  const [params, setParams] = useSearchParams();
  const year = yearParam(params);
  const mode: 'live' | 'finalized' = params.get('mode') === 'finalized' ? 'finalized' : 'live';
  const set = (next: { year?: number; mode?: 'live' | 'finalized' }) => {
    const p = new URLSearchParams(params);
    if (next.year !== undefined) p.set('year', String(next.year));
    if (next.mode !== undefined) {
      if (next.mode === 'live') p.delete('mode');
      else p.set('mode', next.mode);
    }
    setParams(p, { replace: true });
  };
  return { year, mode, set };
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
