import { describe, expect, it } from 'vitest';
import { assessPlan } from './assess/assess';
import { actuals, indicator, period } from './assess/test-support';
import type { PlanSummary } from './assess/summary';
import type { IndicatorAssessment } from './assess/types';
import {
  EVALUATION_FORMAT,
  readSnapshot,
  reviewInputSchema,
  reviewPlan,
  withStatus,
  type EvaluationSnapshot,
  type ReviewRecord,
} from './evaluation';
import { defaultSettings } from './plan';

const platforms = indicator(
  { form: 'level', baseline: 50, value: 70, direction: 'increase' },
  { seq: 1, attribute: 'binding' },
);
const monitored = indicator({ form: 'monitor' }, { seq: 2 });
const plan = { ...period, settings: defaultSettings };
const assessed = (latest: number) =>
  assessPlan({
    plan,
    indicators: [platforms, monitored],
    values: actuals(2021, [52, 53, latest]),
    year: 2023,
  });

const review = (r: Partial<ReviewRecord> & Pick<ReviewRecord, 'seq'>): ReviewRecord => ({
  decision: 'confirmed',
  computedStatus: 'seriously_lagging',
  finalStatus: 'seriously_lagging',
  reason: null,
  comment: null,
  reviewedBy: 'reviewer',
  reviewedAt: '2024-03-01T00:00:00.000Z',
  ...r,
});

describe('reviewInputSchema', () => {
  it('an override needs a written reason', () => {
    const parsed = reviewInputSchema.safeParse({
      seq: 1,
      decision: 'overridden',
      status: 'lagging',
      reason: '   ',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
  });

  it('an override names the status that stands', () => {
    const parsed = reviewInputSchema.safeParse({ seq: 1, decision: 'overridden', reason: 'x' });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['status']);
  });

  it('a confirmation needs nothing but may carry a comment', () => {
    expect(reviewInputSchema.parse({ seq: 1, decision: 'confirmed', comment: ' ok ' })).toEqual({
      seq: 1,
      decision: 'confirmed',
      status: null,
      reason: null,
      comment: 'ok',
    });
  });
});

describe('reviewPlan', () => {
  it('an override stands in the summary and moves the binding warning with it', () => {
    const a = assessed(55);
    expect(a.summary.bindingWarnings).toEqual([1]);
    const r = reviewPlan(a, [
      review({ seq: 1, decision: 'overridden', finalStatus: 'on_track', reason: '统计口径调整' }),
    ]);
    const first = r.indicators[0];
    expect(first?.computed.status).toBe('seriously_lagging');
    expect(first?.final.status).toBe('on_track');
    expect(first?.final.bindingWarning).toBe(false);
    expect(r.summary.bindingWarnings).toEqual([]);
    expect(r.computedSummary.bindingWarnings).toEqual([1]);
    expect(r.reviewed).toBe(1);
    expect(r.pending).toEqual([2]);
  });

  it('a review given on another computed status is stale and not counted as reviewed', () => {
    const r = reviewPlan(assessed(62), [
      review({ seq: 1 }),
      review({ seq: 2, computedStatus: 'not_assessed', finalStatus: 'not_assessed' }),
    ]);
    expect(r.indicators[0]?.computed.status).toBe('on_track');
    expect(r.stale).toEqual([1]);
    expect(r.reviewed).toBe(1);
    expect(r.pending).toEqual([]);
  });

  it('withStatus keeps the assessment when the status is the same', () => {
    const a = assessed(55).indicators[0]!;
    expect(withStatus(a, a.status)).toBe(a);
  });
});

describe('readSnapshot', () => {
  /** A round finalized under v1 rules, as v1 stored it: no rules, no phase, seven counts. */
  const v1Counts = {
    achieved: 1,
    on_track: 0,
    lagging: 0,
    seriously_lagging: 0,
    awaiting_target: 0,
    no_data: 0,
    not_assessed: 0,
  };
  const v1Assessment = {
    ...withStatus(assessed(70).indicators[0]!, 'achieved'),
    phase: undefined,
    revision: undefined,
  } as unknown as IndicatorAssessment;
  const v1Summary = {
    year: 2023,
    total: 1,
    assessed: 1,
    byStatus: v1Counts,
    byCategory: { 经济发展: v1Counts },
    byAttribute: { expected: v1Counts, binding: { ...v1Counts, achieved: 0 } },
    bindingWarnings: [],
    shareOnTrack: 1,
  } as unknown as PlanSummary;
  const snapshot = {
    format: EVALUATION_FORMAT,
    district: { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' },
    plan: { title: '规划', ...period, settings: defaultSettings },
    indicators: [platforms],
    values: [],
    demo: false,
    openedBy: 'wang',
    openedAt: '2024-01-05T00:00:00.000Z',
    finalizedBy: 'li',
    finalizedAt: '2024-02-01T00:00:00.000Z',
    result: {
      year: 2023,
      indicators: [{ computed: v1Assessment, final: v1Assessment, review: null, stale: false }],
      computedSummary: v1Summary,
      summary: v1Summary,
      reviewed: 1,
      pending: [],
      stale: [],
    },
  } as EvaluationSnapshot;

  it('reads a v1 snapshot as graded by v1, its statuses and shares as they were', () => {
    const read = readSnapshot(snapshot);
    expect(read.rules).toBe('v1');
    expect(read.result.summary.shareOnTrack).toBe(1);
    expect(read.result.summary.byStatus).toMatchObject({ achieved: 1, ahead: 0, not_achieved: 0 });
    expect(read.result.summary.byCategory['经济发展']?.basically_achieved).toBe(0);
    expect(read.result.indicators[0]?.final).toMatchObject({
      status: 'achieved',
      phase: 'progress',
      revision: null,
    });
  });

  it('keeps the rules a snapshot names', () => {
    expect(readSnapshot({ ...snapshot, rules: 'v2' }).rules).toBe('v2');
  });

  it('marks the seed’s figures of a round frozen before the demo flag; a flag given stands', () => {
    const value = { seq: 4, year: 2023, kind: 'actual' as const, value: 62 };
    const read = readSnapshot({
      ...snapshot,
      values: [
        { ...value, source: 'demo' },
        { ...value, year: 2022, source: '统计公报' },
        { ...value, year: 2021, source: 'demo', demo: false },
      ],
    });
    expect(read.values.map((v) => v.demo)).toEqual([true, false, false]);
  });
});
