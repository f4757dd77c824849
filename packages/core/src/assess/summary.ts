import type { Attribute } from '../plan';
import { isGraded, ON_TRACK, STATUSES, type Phase, type Status } from './status';
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
  let n = 0;
  for (const s of STATUSES) if (s !== 'not_assessed') n += counts[s] ?? 0;
  return n;
}

/**
 * The share on track of one set of counts (spec §5): 提前实现, 快于预期 and 基本符合预期 midway,
 * 完成 and 基本完成 at the end, over the assessed; null when nothing is assessed. The statuses of
 * the two phases do not overlap but in `achieved`, so one sum serves both.
 */
export function shareOnTrack(counts: Readonly<Partial<StatusCounts>>): number | null {
  const assessed = assessedOf(counts);
  if (!(assessed > 0)) return null;
  let n = 0;
  for (const s of ON_TRACK) n += counts[s] ?? 0;
  return n / assessed;
}

/** A status's place in `STATUSES`, spelled out: the summary counts by place, not by key. */
function placeOf(status: Status): number {
  switch (status) {
    case 'achieved':
      return 0;
    case 'ahead':
      return 1;
    case 'on_track':
      return 2;
    case 'lagging':
      return 3;
    case 'seriously_lagging':
      return 4;
    case 'basically_achieved':
      return 5;
    case 'not_achieved':
      return 6;
    case 'awaiting_target':
      return 7;
    case 'no_data':
      return 8;
    case 'not_assessed':
      return 9;
  }
}

/** `shareOnTrack`'s numerator from counts by place: ON_TRACK's statuses. */
const onTrackOf = (n: readonly number[]): number =>
  (n[0] ?? 0) + (n[1] ?? 0) + (n[2] ?? 0) + (n[5] ?? 0);

const zeros = (): number[] => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

function bump(counts: number[], place: number): void {
  counts[place] = (counts[place] ?? 0) + 1;
}

function countsOf(n: readonly number[]): StatusCounts {
  return {
    achieved: n[0] ?? 0,
    ahead: n[1] ?? 0,
    on_track: n[2] ?? 0,
    lagging: n[3] ?? 0,
    seriously_lagging: n[4] ?? 0,
    basically_achieved: n[5] ?? 0,
    not_achieved: n[6] ?? 0,
    awaiting_target: n[7] ?? 0,
    no_data: n[8] ?? 0,
    not_assessed: n[9] ?? 0,
  };
}

const own = (value: StatusCounts): PropertyDescriptor => ({
  value,
  writable: true,
  enumerable: true,
  configurable: true,
});

export function summarize(assessments: readonly IndicatorAssessment[], year: number): PlanSummary {
  const all = zeros();
  const expected = zeros();
  const binding = zeros();
  const byCategory = new Map<string, number[]>();
  const bindingWarnings: number[] = [];
  let midway = false;
  let end = false;
  for (const a of assessments) {
    const status = a.status;
    if (isGraded(status)) {
      if (a.phase === 'end') end = true;
      else midway = true;
    }
    const place = placeOf(status);
    bump(all, place);
    let category = byCategory.get(a.category);
    if (category === undefined) byCategory.set(a.category, (category = zeros()));
    bump(category, place);
    bump(a.attribute === 'binding' ? binding : expected, place);
    if (a.bindingWarning) bindingWarnings.push(a.seq);
  }
  const byStatus = countsOf(all);
  const assessed = assessments.length - byStatus.not_assessed;
  const categories: Record<string, StatusCounts> = {};
  for (const [name, counts] of byCategory) {
    // Defined, not assigned: a category named __proto__ is a key like any other.
    if (name === '__proto__') Object.defineProperty(categories, name, own(countsOf(counts)));
    else categories[name] = countsOf(counts);
  }
  return {
    year,
    total: assessments.length,
    assessed,
    byStatus,
    byCategory: categories,
    byAttribute: { expected: countsOf(expected), binding: countsOf(binding) },
    bindingWarnings,
    phases: end && !midway ? ['end'] : end ? ['progress', 'end'] : ['progress'],
    shareOnTrack: assessed > 0 ? onTrackOf(all) / assessed : null,
  };
}
