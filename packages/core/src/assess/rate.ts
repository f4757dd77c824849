import type { PlanPeriod } from '../plan';
import { finite } from './numbers';

/** ln(1 + g/100), or null when the growth is −100% or worse. */
function logFactor(growth: number): number | null {
  const f = 1 + growth / 100;
  return f > 0 ? Math.log(f) : null;
}

/** Σ ln(1 + gᵢ/100), or null when some year lost everything. */
export function logProduct(rates: readonly number[]): number | null {
  let s = 0;
  for (const g of rates) {
    const l = logFactor(g);
    if (l === null) return null;
    s += l;
  }
  return s;
}

/** ḡ = (Π(1 + gᵢ/100))^(1/n) − 1, in % (spec §2.2); null without rates. A year at −100% or worse makes it −100. */
export function averageRate(rates: readonly number[]): number | null {
  return averageOf(logProduct(rates), rates.length);
}

/** ḡ from Σ ln(1 + gᵢ/100) of n rates, so that the rate form takes the logarithms once. */
export function averageOf(logSum: number | null, n: number): number | null {
  if (n === 0) return null;
  return logSum === null ? -100 : finite((Math.exp(logSum / n) - 1) * 100);
}

/**
 * R = ((1 + bound/100)^(Y−B) / Π(1 + gᵢ/100))^(1/(Y−B−n)) − 1, in %: the rate each remaining
 * year needs for the period's average to end at `bound`. Null when no year remains or the
 * product is not positive.
 */
export function requiredRate(
  rates: readonly number[],
  bound: number,
  period: PlanPeriod,
): number | null {
  return requiredOf(logProduct(rates), rates.length, bound, period);
}

/** R from Σ ln(1 + gᵢ/100) of the n rates so far. */
export function requiredOf(
  doneLog: number | null,
  n: number,
  bound: number,
  period: PlanPeriod,
): number | null {
  const span = period.targetYear - period.baselineYear;
  const remaining = span - n;
  const boundLog = logFactor(bound);
  if (remaining <= 0 || boundLog === null || doneLog === null) return null;
  return finite((Math.exp((span * boundLog - doneLog) / remaining) - 1) * 100);
}
