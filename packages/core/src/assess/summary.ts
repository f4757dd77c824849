import type { Attribute } from '../plan';
import { STATUSES, type Status } from './status';
import type { IndicatorAssessment } from './types';

/** Spec §5: counts by status, category and attribute; binding warnings; share on track. */
export interface PlanSummary {
  year: number;
  total: number;
  /** Indicators given a status: all but `not_assessed`. */
  assessed: number;
  byStatus: Record<Status, number>;
  byCategory: Record<string, Record<Status, number>>;
  byAttribute: Record<Attribute, Record<Status, number>>;
  /** seqs of the binding indicators with a warning, in plan order. */
  bindingWarnings: number[];
  /** (achieved + on_track) / assessed; null when nothing is assessed. */
  shareOnTrack: number | null;
}

function zeroCounts(): Record<Status, number> {
  return {
    achieved: 0,
    on_track: 0,
    lagging: 0,
    seriously_lagging: 0,
    awaiting_target: 0,
    no_data: 0,
    not_assessed: 0,
  };
}

/** (achieved + on_track) / assessed for one set of counts; null when nothing is assessed. */
export function shareOnTrack(counts: Readonly<Record<Status, number>>): number | null {
  const assessed = STATUSES.reduce((n, s) => n + counts[s], 0) - counts.not_assessed;
  return assessed > 0 ? (counts.achieved + counts.on_track) / assessed : null;
}

export function summarize(assessments: readonly IndicatorAssessment[], year: number): PlanSummary {
  const byStatus = zeroCounts();
  const byCategory = new Map<string, Record<Status, number>>();
  const byAttribute: Record<Attribute, Record<Status, number>> = {
    expected: zeroCounts(),
    binding: zeroCounts(),
  };
  const bindingWarnings: number[] = [];
  for (const a of assessments) {
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
    shareOnTrack: shareOnTrack(byStatus),
  };
}
