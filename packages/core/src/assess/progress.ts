import type { AssessmentSettings } from '../plan';
import { atLeast, atMost } from './numbers';
import * as text from './reason';
import type { Phase, Status } from './status';
import type { AssessmentReason } from './types';

/** A path from `start` (b, or 0 for a total) to `goal` (T or X), now at `current`. */
export interface Path {
  start: number;
  goal: number;
  /** Which side meets a goal equal to the start: the plan's direction, `decrease` or not. */
  decreasing: boolean;
  /** How a value meets the goal, when a comparator says so (a bound to reach: > T is not = T). */
  meets?: (value: number) => boolean;
}

/** Whether `value` meets the goal: ≥ T on a rising path, ≤ T on a falling one, or as `meets` says. */
export function reaches(path: Path, value: number): boolean {
  if (path.meets) return path.meets(value);
  const falling = path.goal < path.start || (path.goal === path.start && path.decreasing);
  return falling ? atMost(value, path.goal) : atLeast(value, path.goal);
}

/** 完成进度 c = (a − b) / (T − b); null when T = b. */
export function completion(path: Path, current: number): number | null {
  return path.goal === path.start ? null : (current - path.start) / (path.goal - path.start);
}

export interface Progress {
  status: Status;
  completion: number | null;
  pace: number | null;
}

/**
 * Spec §3 for level, cumulative and a bound to reach. Midway: achieved, else by the pace ratio
 * ρ = c / τ (ahead at 1 + δ, on track at 1 − ε, lagging at 0.5). At the end (`phase` end, τ = 1):
 * achieved, basically achieved from c = 1 − ε, else not achieved. `reached` says the goal was
 * met in some year so far, which midway counts as achieved.
 */
export function progressStatus(
  path: Path,
  current: number,
  tau: number,
  s: AssessmentSettings,
  phase: Phase,
  reached = false,
): Progress {
  const c = completion(path, current);
  const pace = c !== null && tau > 0 ? c / tau : null;
  const met = reaches(path, current);
  const status = phase === 'end' ? endStatus(met, c, s) : progressGrade(met || reached, c, pace, s);
  return { status, completion: c, pace };
}

function progressGrade(
  achieved: boolean,
  c: number | null,
  pace: number | null,
  s: AssessmentSettings,
): Status {
  if (achieved) return 'achieved';
  if (c === null || pace === null || c < 0) return 'seriously_lagging';
  if (atLeast(pace, 1 + s.delta)) return 'ahead';
  if (atLeast(pace, 1 - s.epsilon)) return 'on_track';
  if (atLeast(pace, s.seriousPace)) return 'lagging';
  return 'seriously_lagging';
}

function endStatus(met: boolean, c: number | null, s: AssessmentSettings): Status {
  if (met) return 'achieved';
  return c !== null && atLeast(c, 1 - s.epsilon) ? 'basically_achieved' : 'not_achieved';
}

/** Achieved, short of a goal equal to the start, or "完成进度 c，时序进度 τ" (at the end: of the target). */
export function progressReason(
  p: Progress,
  tau: number,
  subject: AssessmentReason,
  goal: number,
  phase: Phase,
): AssessmentReason {
  if (p.status === 'achieved' && phase === 'end') return text.targetMet(subject, goal);
  if (p.status === 'achieved') return text.targetReached(subject, goal);
  if (p.completion === null) return text.targetShort(subject, goal);
  if (phase === 'end') return text.endCompletion(subject, goal, p.completion);
  return text.progress(p.completion, tau);
}
