import {
  roundKind,
  summarize,
  type IndicatorAssessment,
  type ReviewRecord,
  type Status,
} from '@pm/core';
import { assessment } from '../scorecard/fixture';
import type { EvaluationItem, EvaluationView, Round } from './types';

/** Fixtures of the evaluation pages: a round of a 2020–2025 plan, its items and its view. */
export const PLAN = { title: '规划', baselineYear: 2020, midtermYear: 2023, targetYear: 2025 };

export const round = (over: Partial<Round> = {}): Round => ({
  id: 7,
  planId: 1,
  year: 2025,
  kind: roundKind(PLAN, over.year ?? 2025),
  status: 'open',
  openedBy: 'reviewer',
  openedAt: '2026-02-01T08:00:00.000Z',
  finalizedBy: null,
  finalizedAt: null,
  reviews: 0,
  ...over,
});

export function item(
  seq: number,
  name: string,
  computed: Partial<IndicatorAssessment>,
  review: ReviewRecord | null = null,
): EvaluationItem {
  const c = assessment({ seq, name, ...computed });
  return {
    seq,
    name,
    category: c.category,
    unit: '个',
    attribute: c.attribute,
    leadDepartment: null,
    targetText: '70',
    computed: c,
    phase: c.phase,
    finalStatus: review?.finalStatus ?? c.status,
    bindingWarning: c.bindingWarning,
    review,
    stale: false,
    demo: false,
    series: [2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, value: null })),
  };
}

export const DRAFTS = {
  achievements: '截至 2025 年，提前实现 1 项。',
  problems: '滞后预期 1 项。',
  causes: '创新平台：完成进度 40%。',
  nextSteps: '加强规划实施年度监测分析。',
};

export function view(items: EvaluationItem[], over: Partial<EvaluationView> = {}): EvaluationView {
  const finals = items.map((i) => ({ ...i.computed, status: i.finalStatus }));
  const { planId: _plan, reviews: _reviews, ...meta } = round(over.round);
  return {
    round: meta,
    rules: 'v2',
    district: { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' },
    plan: PLAN,
    demo: false,
    completeness: { reported: items.length, total: items.length, share: 1 },
    items,
    computedSummary: summarize(
      items.map((i) => i.computed),
      2025,
    ),
    summary: summarize(finals, 2025),
    reviewed: items.filter((i) => i.review).length,
    total: items.length,
    pending: items.filter((i) => !i.review).map((i) => i.seq),
    stale: [],
    narrative: { sections: DRAFTS, drafts: DRAFTS, edited: false, by: null, at: null },
    signer: { name: '赵明', unit: '裕华区发展和改革局' },
    ...over,
  };
}

export const reviewed = (seq: number, computed: Status, final: Status): ReviewRecord => ({
  seq,
  decision: computed === final ? 'confirmed' : 'overridden',
  computedStatus: computed,
  finalStatus: final,
  reason: computed === final ? null : '口径调整',
  comment: null,
  reviewedBy: 'reviewer',
  reviewedAt: '2024-02-02T08:00:00.000Z',
});
