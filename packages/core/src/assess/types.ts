import type { AssessmentSettings, Attribute, PlanPeriod, TargetForm } from '../plan';
import type { Phase, Status } from './status';

/** What an evaluation reads besides the indicator and its values. */
export interface AssessContext {
  period: PlanPeriod;
  settings: AssessmentSettings;
  /** The evaluation year E. */
  year: number;
}

/** A revised target in force (spec §6): from which year, and the original it replaced. */
export interface RevisionInForce {
  fromYear: number;
  document: string;
  reason: string;
  /** The original target's number (T, r or X) and its plan text. */
  originalValue: number | null;
  originalText: string | null;
  /** The revised target's number and text. */
  revisedValue: number | null;
  revisedText: string | null;
}

/** Why a status was given, in both languages. */
export interface AssessmentReason {
  zh: string;
  en: string;
}

/** Spec §4: will the target be met by Y at the present trend? */
export type Projection = 'likely' | 'at_risk';

/**
 * How the projection extends the trend, and so what `requiredPace` measures:
 * `compound` → growth in % a year; `linear` → the indicator's unit a year.
 */
export type ProjectionTrend = 'compound' | 'linear';

/** One year of an indicator: the actual, the year's target or bound, and whether it was met. */
export interface YearCheck {
  year: number;
  value: number | null;
  target: number | null;
  met: boolean | null;
}

export interface IndicatorAssessment {
  seq: number;
  name: string;
  category: string;
  attribute: Attribute;
  form: TargetForm;
  status: Status;
  /** `end` when the latest year is Y: the grade is 完成 / 基本完成 / 未完成 (spec §3). */
  phase: Phase;
  reason: AssessmentReason;
  /** 完成进度 c (level, cumulative). */
  completion: number | null;
  /** 时序进度 τ of the latest year. */
  timeProgress: number | null;
  /** Pace ratio ρ = c / τ (level, cumulative). */
  pace: number | null;
  latestYear: number | null;
  latestValue: number | null;
  /** 基期值 b as used: printed, or the year-B actual. */
  baseline: number | null;
  /** T (level, bound), r (annual_rate), X (cumulative), b (maintain), the latest year's assigned target or linked value. */
  target: number | null;
  /** Expected value at the latest year (level), or the expected total so far X·τ (cumulative). */
  expected: number | null;
  /** ḡ in % (annual_rate). */
  averageRate: number | null;
  /** R in % (annual_rate): the rate the remaining years need (at_most: may not exceed). */
  requiredRate: number | null;
  projection: Projection | null;
  /** The value (level) or total (cumulative) at Y if the trend holds. */
  projectedValue: number | null;
  /** The yearly pace needed from the latest year to reach the target by Y; see `trend`. */
  requiredPace: number | null;
  trend: ProjectionTrend | null;
  bindingWarning: boolean;
  /** The revision (动态调整) of the target in force at the evaluation year, if it was revised. */
  revision: RevisionInForce | null;
  /** Per-year checks (bound, maintain, assigned, linked); the yearly actuals for the other forms. */
  years: YearCheck[];
}
