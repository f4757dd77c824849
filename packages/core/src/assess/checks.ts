import type { Phase, Status } from './status';
import type { YearCheck } from './types';

/**
 * A bound is a promise for every single year (spec §3): midway a breach is seriously lagging and
 * a kept bound on track; at the end the check of Y is 完成 or 未完成.
 */
export function checkStatus(met: boolean, phase: Phase): Status {
  if (phase === 'end') return met ? 'achieved' : 'not_achieved';
  return met ? 'on_track' : 'seriously_lagging';
}

const NO_BREACHES: readonly number[] = [];

/** The years before `year` whose check was breached (an array only when there are some). */
export function breachesBefore(years: readonly YearCheck[], year: number): readonly number[] {
  let out: number[] | null = null;
  for (const y of years) if (y.year < year && y.met === false) (out ??= []).push(y.year);
  return out ?? NO_BREACHES;
}
