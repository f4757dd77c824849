import type { Attribute } from '../plan';

/**
 * One status per indicator per evaluation year (spec §3). While the latest year is before Y the
 * grade is one of the progress grades; once it is Y, one of the end grades (`achieved` is both:
 * 提前实现 midway, 完成 at the end). The other three belong to both.
 */
export type Status =
  | 'achieved'
  | 'ahead'
  | 'on_track'
  | 'lagging'
  | 'seriously_lagging'
  | 'basically_achieved'
  | 'not_achieved'
  | 'awaiting_target'
  | 'no_data'
  | 'not_assessed';

/** Every status, in the order the summaries and legends list them. */
export const STATUSES = [
  'achieved',
  'ahead',
  'on_track',
  'lagging',
  'seriously_lagging',
  'basically_achieved',
  'not_achieved',
  'awaiting_target',
  'no_data',
  'not_assessed',
] as const satisfies readonly Status[];

/** Whether a grade is of the progress of a plan still under way, or of its end (spec §3). */
export type Phase = 'progress' | 'end';

/** The grades an indicator can be given in each phase, best first; a reviewer's override picks one. */
export const GRADES: Record<Phase, readonly Status[]> = {
  progress: ['achieved', 'ahead', 'on_track', 'lagging', 'seriously_lagging'],
  end: ['achieved', 'basically_achieved', 'not_achieved'],
};

/** Statuses that are no grade of progress or outcome: data or a target is missing, or only monitored. */
export const NOT_GRADED: readonly Status[] = ['awaiting_target', 'no_data', 'not_assessed'];

/** Whether a status is a grade: not one of `NOT_GRADED` (spelled out, as it runs per indicator). */
export function isGraded(status: Status): boolean {
  return status !== 'awaiting_target' && status !== 'no_data' && status !== 'not_assessed';
}

/** The statuses counted as on track (spec §5): 提前实现, 快于预期, 基本符合预期; 完成, 基本完成. */
export const ON_TRACK: readonly Status[] = ['achieved', 'ahead', 'on_track', 'basically_achieved'];

/**
 * 约束性指标预警: a binding indicator that lags, lags seriously, was not achieved or has no
 * data (spec §3).
 */
export function isBindingWarning(attribute: Attribute, status: Status): boolean {
  return (
    attribute === 'binding' &&
    (status === 'lagging' ||
      status === 'seriously_lagging' ||
      status === 'not_achieved' ||
      status === 'no_data')
  );
}
