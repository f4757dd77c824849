import type {
  AssessmentSettings,
  Comparator,
  Indicator,
  PlanPeriod,
  Target,
  YearValue,
} from '../plan';
import { defaultSettings } from '../plan';
import { assessIndicator } from './assess';
import type { AssessContext, IndicatorAssessment } from './types';

/** Fixtures shared by the assessment tests: a 2020–2025 plan and hand-built indicators. */
export const period: PlanPeriod = { baselineYear: 2020, midtermYear: 2023, targetYear: 2025 };

const blankTarget: Target = {
  form: 'monitor',
  baseline: null,
  value: null,
  rate: null,
  cumulative: null,
  sumOf: null,
  comparator: null,
  tolerance: null,
  direction: null,
  linkedTo: null,
  baselineYear: null,
};

export function indicator(
  target: Partial<Target> & Pick<Target, 'form'>,
  rest: Partial<Omit<Indicator, 'target'>> = {},
): Indicator {
  return {
    seq: 1,
    category: '经济发展',
    name: '指标',
    unit: '',
    attribute: 'expected',
    leadDepartment: null,
    raw: { baseline: null, target: null, rate: null, attribute: null },
    source: { document: '规划纲要', line: null, kind: 'table', quote: null },
    revisions: [],
    ...rest,
    target: { ...blankTarget, ...target },
  };
}

export const actual = (year: number, value: number, seq = 1): YearValue => ({
  seq,
  year,
  kind: 'actual',
  value,
});

export const assignedTarget = (
  year: number,
  value: number,
  comparator?: Comparator,
  seq = 1,
): YearValue => ({
  seq,
  year,
  kind: 'assigned_target',
  value,
  ...(comparator ? { comparator } : {}),
});

/** Actuals for consecutive years from `from`. */
export const actuals = (from: number, values: readonly number[], seq = 1): YearValue[] =>
  values.map((v, i) => actual(from + i, v, seq));

export function context(year = 2023, settings: Partial<AssessmentSettings> = {}): AssessContext {
  return { period, settings: { ...defaultSettings, ...settings }, year };
}

export function assess(
  ind: Indicator,
  values: readonly YearValue[],
  year = 2023,
  settings: Partial<AssessmentSettings> = {},
): IndicatorAssessment {
  return assessIndicator(ind, values, context(year, settings));
}

/** Every number of an assessment, nested ones included. */
export function numbersOf(a: IndicatorAssessment): number[] {
  const top = Object.values(a).filter((v): v is number => typeof v === 'number');
  const years = a.years.flatMap((y) =>
    [y.year, y.value, y.target].filter((v): v is number => v !== null),
  );
  return [...top, ...years];
}
