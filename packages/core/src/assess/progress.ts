import type { AssessmentSettings } from '../plan';
import { atLeast, atMost } from './numbers';
import * as text from './reason';
import type { Status } from './status';
import type { AssessmentReason } from './types';

/** A path from `start` (b, or 0 for a total) to `goal` (T or X), now at `current`. */
export interface Path {
  start: number;
  goal: number;
  /** Which side meets a goal equal to the start: the plan's direction, `decrease` or not. */
  decreasing: boolean;
}

/** Whether `value` meets the goal: ≥ T on a rising path, ≤ T on a falling one. */
export function reaches(path: Path, value: number): boolean {
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

/** Spec §3 for level and cumulative: achieved, else by the pace ratio ρ = c / τ. */
export function progressStatus(
  path: Path,
  current: number,
  tau: number,
  s: AssessmentSettings,
): Progress {
  const c = completion(path, current);
  const pace = c !== null && tau > 0 ? c / tau : null;
  return { status: statusOf(reaches(path, current), c, pace, s), completion: c, pace };
}

function statusOf(
  achieved: boolean,
  c: number | null,
  pace: number | null,
  s: AssessmentSettings,
): Status {
  if (achieved) return 'achieved';
  if (c === null || pace === null || c < 0) return 'seriously_lagging';
  if (atLeast(pace, 1 - s.epsilon)) return 'on_track';
  if (atLeast(pace, s.seriousPace)) return 'lagging';
  return 'seriously_lagging';
}

/** Achieved, short of a goal equal to the start, or "完成进度 c，时序进度 τ". */
export function progressReason(
  p: Progress,
  tau: number,
  subject: AssessmentReason,
  goal: number,
): AssessmentReason {
  if (p.status === 'achieved') return text.targetReached(subject, goal);
  if (p.completion === null) return text.targetShort(subject, goal);
  return text.progress(p.completion, tau);
}
