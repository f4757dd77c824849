export {
  assessIndicator,
  assessPlan,
  type PlanAssessment,
  type PlanAssessmentInput,
} from './assess';
export { expectedValue, type LevelPath } from './level';
export { averageRate, requiredRate } from './rate';
export { isBindingWarning, STATUSES, statusLabels, type Status } from './status';
export {
  indicatorChart,
  rateBand,
  type ChartPoint,
  type IndicatorChart,
  type RateBand,
} from './chart';
export { shareOnTrack, summarize, type PlanSummary } from './summary';
export { timeProgress } from './time';
export type {
  AssessContext,
  AssessmentReason,
  IndicatorAssessment,
  Projection,
  ProjectionTrend,
  YearCheck,
} from './types';
