import {
  GRADES,
  isBindingWarning,
  NOT_GRADED,
  ON_TRACK,
  STATUSES,
  STATUSES_OF,
  type Phase,
  type RulesVersion,
  type Status,
} from '@pm/core';

/** What decides how a view words and lists its statuses: the rules that graded them, the phases shown. */
export interface Grading {
  rules: RulesVersion;
  /** The phases of the graded items, midway first; never empty. */
  phases: readonly Phase[];
}

const PHASES = ['progress', 'end'] as const satisfies readonly Phase[];
const graded = (s: Status) => !NOT_GRADED.includes(s);

/** The phases of several views together (the league's rows). */
export function phasesAcross(each: readonly (readonly Phase[])[]): Phase[] {
  const found = new Set(each.flat());
  return found.size === 0 ? ['progress'] : PHASES.filter((p) => found.has(p));
}

/**
 * The statuses a view lists, in the order of STATUSES: the grades of its phases, then those that
 * are no grade; a round graded by v1 lists v1's seven.
 */
export function listedStatuses({ rules, phases }: Grading): Status[] {
  if (rules === 'v1') return [...STATUSES_OF.v1];
  const grades = new Set(phases.flatMap((p) => GRADES[p]));
  return STATUSES.filter((s) => grades.has(s) || !graded(s));
}

/** The statuses counted as on track (spec §5) among those the view lists. */
export function onTrackStatuses(grading: Grading): Status[] {
  return listedStatuses(grading).filter((s) => ON_TRACK.includes(s));
}

/** For each phase, the lowest grade still on track (基本符合预期, 基本完成): "… or better". */
export function onTrackFloor(grading: Grading): { status: Status; phase: Phase }[] {
  const listed = listedStatuses(grading);
  const phases: readonly Phase[] = grading.rules === 'v1' ? ['progress'] : grading.phases;
  return phases.flatMap((phase) => {
    const floor = GRADES[phase].filter((s) => ON_TRACK.includes(s) && listed.includes(s)).at(-1);
    return floor === undefined ? [] : [{ status: floor, phase }];
  });
}

/** The statuses that make a binding indicator a warning (spec §3) among those the view lists. */
export function warningStatuses(grading: Grading): Status[] {
  return listedStatuses(grading).filter((s) => isBindingWarning('binding', s));
}

/**
 * The statuses a reviewer may conclude on for an item: the grades of its phase (as its rules know
 * them), and whatever it had (its computed status, a conclusion kept).
 */
export function overrideChoices(
  phase: Phase,
  rules: RulesVersion,
  had: readonly Status[],
): Status[] {
  const known = STATUSES_OF[rules];
  return STATUSES.filter(
    (s) => (GRADES[phase].includes(s) && known.includes(s)) || had.includes(s),
  );
}
