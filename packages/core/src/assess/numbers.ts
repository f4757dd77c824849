/** Computed figures (sums, ratios, roots) carry float noise; comparisons forgive this much, relative. */
const SLACK = 1e-9;

function slack(y: number): number {
  return SLACK * Math.max(1, Math.abs(y));
}

/** The number itself when finite; null for NaN, ±Infinity and absent numbers. */
export function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** x ≥ y, forgiving float noise. */
export function atLeast(x: number, y: number): boolean {
  return x >= y - slack(y);
}

/** x ≤ y, forgiving float noise. */
export function atMost(x: number, y: number): boolean {
  return x <= y + slack(y);
}
