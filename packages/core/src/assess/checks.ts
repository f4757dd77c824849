import type { Status } from './status';
import type { YearCheck } from './types';

/** A bound is a promise for every single year: a breach is seriously lagging (spec §3). */
export function checkStatus(met: boolean): Status {
  return met ? 'on_track' : 'seriously_lagging';
}

/** The years before `year` whose check was breached. */
export function breachesBefore(years: readonly YearCheck[], year: number): number[] {
  return years.filter((y) => y.year < year && y.met === false).map((y) => y.year);
}
