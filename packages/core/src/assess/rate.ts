import type { PlanPeriod } from '../plan';
import { finite } from './numbers';

/** ln(1 + g/100), or null when the growth is −100% or worse. */
function logFactor(growth: number): number | null {
  const f = 1 + growth / 100;
  return f > 0 ? Math.log(f) : null;
}

/** Σ ln(1 + gᵢ/100), or null when some year lost everything. */
function logProduct(rates: readonly number[]): number | null {
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
  if (rates.length === 0) return null;
  const s = logProduct(rates);
  return s === null ? -100 : finite((Math.exp(s / rates.length) - 1) * 100);
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
  const span = period.targetYear - period.baselineYear;
  const remaining = span - rates.length;
  const boundLog = logFactor(bound);
  const doneLog = logProduct(rates);
  if (remaining <= 0 || boundLog === null || doneLog === null) return null;
  return finite((Math.exp((span * boundLog - doneLog) / remaining) - 1) * 100);
}
