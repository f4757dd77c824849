import type { Attribute } from '../plan';
import { NOT_GRADED, ON_TRACK, STATUSES, type Phase, type Status } from './status';
import type { IndicatorAssessment } from './types';

/** Spec §5: counts by status, category and attribute; binding warnings; share on track. */
export interface PlanSummary {
  year: number;
  total: number;
  /** Indicators given a status: all but `not_assessed`. */
  assessed: number;
  byStatus: StatusCounts;
  byCategory: Record<string, StatusCounts>;
  byAttribute: Record<Attribute, StatusCounts>;
  /** seqs of the binding indicators with a warning, in plan order. */
  bindingWarnings: number[];
  /**
   * The phases of the graded indicators, midway first: `['progress']` for a monitoring or mid-term
   * view, `['end']` for a final evaluation, both when some indicators lack their year-Y figure.
   * A summary with nothing graded is midway.
   */
  phases: Phase[];
  /**
   * (achieved + ahead + on_track) / assessed midway, (achieved + basically_achieved) / assessed
   * at the end (spec §5); null when nothing is assessed.
   */
  shareOnTrack: number | null;
}

export type StatusCounts = Record<Status, number>;

export function zeroCounts(): StatusCounts {
  // A literal, not a loop over STATUSES: this runs for every plan and category of the league.
  return {
    achieved: 0,
    ahead: 0,
    on_track: 0,
    lagging: 0,
    seriously_lagging: 0,
    basically_achieved: 0,
    not_achieved: 0,
    awaiting_target: 0,
    no_data: 0,
    not_assessed: 0,
  };
}

/** Indicators given a status in one set of counts: all but `not_assessed`. Missing counts are 0. */
export function assessedOf(counts: Readonly<Partial<StatusCounts>>): number {
  return STATUSES.reduce((n, s) => n + (s === 'not_assessed' ? 0 : (counts[s] ?? 0)), 0);
}

/**
 * The share on track of one set of counts (spec §5): 提前实现, 快于预期 and 基本符合预期 midway,
 * 完成 and 基本完成 at the end, over the assessed; null when nothing is assessed. The statuses of
 * the two phases do not overlap but in `achieved`, so one sum serves both.
 */
export function shareOnTrack(counts: Readonly<Partial<StatusCounts>>): number | null {
  const assessed = assessedOf(counts);
  return assessed > 0 ? ON_TRACK.reduce((n, s) => n + (counts[s] ?? 0), 0) / assessed : null;
}

export function summarize(assessments: readonly IndicatorAssessment[], year: number): PlanSummary {
  const byStatus = zeroCounts();
  const byCategory = new Map<string, StatusCounts>();
  const byAttribute: Record<Attribute, StatusCounts> = {
    expected: zeroCounts(),
    binding: zeroCounts(),
  };
  const bindingWarnings: number[] = [];
  let midway = false;
  let end = false;
  for (const a of assessments) {
    if (!NOT_GRADED.includes(a.status)) {
      if (a.phase === 'end') end = true;
      else midway = true;
    }
    byStatus[a.status]++;
    let category = byCategory.get(a.category);
    if (category === undefined) byCategory.set(a.category, (category = zeroCounts()));
    category[a.status]++;
    byAttribute[a.attribute][a.status]++;
    if (a.bindingWarning) bindingWarnings.push(a.seq);
  }
  const assessed = assessments.length - byStatus.not_assessed;
  return {
    year,
    total: assessments.length,
    assessed,
    byStatus,
    byCategory: Object.fromEntries(byCategory),
    byAttribute,
    bindingWarnings,
    phases: end && !midway ? ['end'] : end ? ['progress', 'end'] : ['progress'],
    shareOnTrack: shareOnTrack(byStatus),
  };
}
