import type { AssessmentSettings, Indicator } from '../plan';

/** Something about a figure that a person must confirm, with a reason, before it is kept. */
export type Concern =
  | {
      code: 'change';
      previous: number;
      /** |value − previous| / |previous| */
      change: number;
      threshold: number;
    }
  /** A share or ratio (占比, 比率, 覆盖率…) above 100%. */
  | { code: 'over_100' }
  /** A count, amount or level below zero. */
  | { code: 'negative' };

export type FigureIndicator = Pick<Indicator, 'name' | 'unit'> & {
  target: Pick<Indicator['target'], 'form'>;
};

/** Names of changes rather than levels: growth, reductions, net figures; these may be negative. */
const CHANGE = /增长|增速|增幅|增量|降幅|降低|下降|减少|变化|净/;

/** Whether the indicator changes sign by nature (a growth rate, a reduction, a net figure). */
export function mayBeNegative(indicator: FigureIndicator): boolean {
  const form = indicator.target.form;
  return form === 'annual_rate' || form === 'linked' || CHANGE.test(indicator.name);
}

/** A % of a whole (占比, 参保率, 优良天数比率), which cannot pass 100; gross rates (毛入园率) can. */
export function isShare(indicator: FigureIndicator): boolean {
  return indicator.unit === '%' && !mayBeNegative(indicator) && !indicator.name.includes('毛');
}

/**
 * What needs confirming about `value` (spec: entry): a change of more than the plan's
 * `changeThreshold` from the previous year's figure, or a value outside what the indicator can
 * be. An empty list means the figure is taken as typed.
 */
export function concernsFor(
  value: number,
  indicator: FigureIndicator,
  previous: number | null,
  settings: Pick<AssessmentSettings, 'changeThreshold'>,
): Concern[] {
  const out: Concern[] = [];
  if (isShare(indicator) && value > 100) out.push({ code: 'over_100' });
  if (value < 0 && !mayBeNegative(indicator)) out.push({ code: 'negative' });
  if (previous !== null && previous !== 0) {
    const change = Math.abs(value - previous) / Math.abs(previous);
    // Rounded so that 1.5 against 1 is exactly the threshold of 0.5, not 0.5000000001.
    if (Math.round(change * 1e9) / 1e9 > settings.changeThreshold)
      out.push({ code: 'change', previous, change, threshold: settings.changeThreshold });
  }
  return out;
}
