import type { Comparator, Target } from '../plan';
import { atLeast, atMost } from './numbers';

/**
 * The tolerance a comparison uses: the indicator's own, 0 included; an indicator that states
 * none (null) takes the plan's default for 左右 (about) and 0 otherwise (spec §2).
 */
export function toleranceFor(
  comparator: Comparator,
  own: number | null,
  aboutDefault: number,
): number {
  return ownOr(own, comparator === 'about' ? aboutDefault : 0);
}

/** The indicator's own tolerance when it states one, else the default. */
export function ownOr(own: number | null, fallback: number): number {
  return own !== null && Number.isFinite(own) && own >= 0 ? own : fallback;
}

/** The indicator's comparator, else at_most for a falling indicator and at_least otherwise. */
export function defaultComparator(target: Target): Comparator {
  return target.comparator ?? (target.direction === 'decrease' ? 'at_most' : 'at_least');
}

/** Whether `value` stands on the right side of `bound`, the tolerance given to the value. */
export function satisfies(
  value: number,
  comparator: Comparator,
  bound: number,
  tolerance: number,
): boolean {
  switch (comparator) {
    case 'at_least':
      return atLeast(value, bound - tolerance);
    case 'above':
      return !atMost(value, bound - tolerance);
    case 'at_most':
      return atMost(value, bound + tolerance);
    case 'below':
      return !atLeast(value, bound + tolerance);
    case 'about':
      return atLeast(value, bound - tolerance) && atMost(value, bound + tolerance);
  }
}
