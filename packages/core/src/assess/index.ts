export {
  assessIndicator,
  assessPlan,
  revisionAt,
  type PlanAssessment,
  type PlanAssessmentInput,
} from './assess';
export { expectedValue, type LevelPath } from './level';
export { averageRate, requiredRate } from './rate';
export {
  GRADES,
  isBindingWarning,
  NOT_GRADED,
  ON_TRACK,
  STATUSES,
  type Phase,
  type Status,
} from './status';
export { compoundTotal } from './cumulative';
export { revisionNote } from './reason';
export { phaseOf } from './time';
export {
  indicatorChart,
  rateBand,
  type ChartPoint,
  type IndicatorChart,
  type RateBand,
} from './chart';
export {
  assessedOf,
  shareOnTrack,
  summarize,
  zeroCounts,
  type PlanSummary,
  type StatusCounts,
} from './summary';
export {
  endBindingText,
  endBindingWarnings,
  endSummaryText,
  type GradedIndicator,
} from './end-summary';
export { timeProgress } from './time';
export type {
  AssessContext,
  AssessmentReason,
  IndicatorAssessment,
  Projection,
  ProjectionTrend,
  RevisionInForce,
  YearCheck,
} from './types';
export { goodWay, yearChange, type GoodWay, type YearChange } from './change';
