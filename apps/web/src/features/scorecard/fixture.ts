import { summarize, type IndicatorAssessment, type RulesVersion } from '@pm/core';
import { plan14 } from '../../lib/testing';
import type { Scorecard, ScorecardRow } from './types';

/** An indicator's assessment as the engine gives it: on track midway unless told otherwise. */
export function assessment(over: Partial<IndicatorAssessment> = {}): IndicatorAssessment {
  return {
    seq: 4,
    name: '市级以上创新平台',
    category: '创新驱动',
    attribute: 'expected',
    form: 'level',
    status: 'on_track',
    phase: 'progress',
    reason: { zh: '完成进度 60%，时序进度 60%', en: '60% complete, 60% of time elapsed' },
    completion: 0.6,
    timeProgress: 0.6,
    pace: 1,
    latestYear: 2023,
    latestValue: 62,
    baseline: 50,
    target: 70,
    expected: 62,
    averageRate: null,
    requiredRate: null,
    projection: 'likely',
    projectedValue: 71,
    requiredPace: 4,
    trend: 'linear',
    bindingWarning: false,
    revision: null,
    years: [],
    ...over,
  };
}

export function row(over: Partial<ScorecardRow> = {}): ScorecardRow {
  return {
    ...assessment(over),
    unit: '个',
    leadDepartment: '区科技局',
    targetText: '70',
    band: null,
    demo: false,
    override: null,
    change: null,
    ...over,
  };
}

/** A scorecard of these rows at `year`, its summary made by core as the server's is. */
export function scorecard(
  rows: ScorecardRow[],
  { year = 2023, rules = 'v2' as RulesVersion, mode = 'live' as Scorecard['mode'] } = {},
): Scorecard {
  return {
    district: { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' },
    plan: { ...plan14, title: '裕华区“十四五”规划' },
    year,
    mode,
    rules,
    demo: false,
    completeness: { reported: rows.length, total: rows.length, share: 1 },
    summary: summarize(rows, year),
    indicators: rows,
    round: null,
    finalizedYears: [],
  };
}
