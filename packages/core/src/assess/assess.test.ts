import { describe, expect, it } from 'vitest';
import { defaultSettings, type Indicator } from '../plan';
import { assessPlan } from './assess';
import { actual, actuals, assess, assignedTarget, indicator, period } from './test-support';

describe('assessIndicator', () => {
  it('a monitor indicator is not assessed but shows its latest actual', () => {
    const a = assess(indicator({ form: 'monitor' }), actuals(2021, [3, 4]));
    expect(a.status).toBe('not_assessed');
    expect(a.reason).toEqual({ zh: '仅监测，不评价', en: 'monitored only, not assessed' });
    expect([a.latestYear, a.latestValue]).toEqual([2022, 4]);
    expect(a.bindingWarning).toBe(false);
  });

  it('carries the indicator’s identity', () => {
    const ind = indicator(
      { form: 'monitor' },
      { seq: 9, name: '常住人口', category: '社会民生', attribute: 'binding' },
    );
    const a = assess(ind, []);
    expect([a.seq, a.name, a.category, a.attribute, a.form]).toEqual([
      9,
      '常住人口',
      '社会民生',
      'binding',
      'monitor',
    ]);
  });

  it('a binding indicator with no data is a binding warning; on track is not', () => {
    const ind = indicator({ form: 'level', baseline: 50, value: 70 }, { attribute: 'binding' });
    expect(assess(ind, []).bindingWarning).toBe(true);
    expect(assess(ind, [actual(2023, 62)]).bindingWarning).toBe(false);
    expect(assess(ind, [actual(2023, 58)]).bindingWarning).toBe(true);
  });
});

const plan = { ...period, settings: defaultSettings };
const indicators: Indicator[] = [
  indicator(
    { form: 'level', baseline: 50, value: 70 },
    { seq: 1, category: '经济', attribute: 'expected' },
  ),
  indicator(
    { form: 'bound', value: 4, comparator: 'below' },
    { seq: 2, category: '民生', attribute: 'binding' },
  ),
  indicator({ form: 'assigned' }, { seq: 3, category: '生态', attribute: 'binding' }),
  indicator({ form: 'monitor' }, { seq: 4, category: '经济', attribute: 'expected' }),
  indicator(
    { form: 'level', baseline: 10, value: 20 },
    { seq: 5, category: '生态', attribute: 'binding' },
  ),
];
const values = [
  actual(2023, 62, 1),
  actual(2023, 4.2, 2),
  actual(2023, 66, 3),
  assignedTarget(2022, 60, undefined, 3),
];

describe('assessPlan', () => {
  const result = assessPlan({ plan, indicators, values, year: 2023 });

  it('assesses every indicator in plan order', () => {
    expect(result.indicators.map((a) => [a.seq, a.status])).toEqual([
      [1, 'on_track'],
      [2, 'seriously_lagging'],
      [3, 'awaiting_target'],
      [4, 'not_assessed'],
      [5, 'no_data'],
    ]);
  });

  it('counts by status, category and attribute', () => {
    const { summary } = result;
    expect(summary.year).toBe(2023);
    expect(summary.total).toBe(5);
    expect(summary.assessed).toBe(4);
    expect(summary.byStatus).toEqual({
      achieved: 0,
      ahead: 0,
      on_track: 1,
      lagging: 0,
      seriously_lagging: 1,
      basically_achieved: 0,
      not_achieved: 0,
      awaiting_target: 1,
      no_data: 1,
      not_assessed: 1,
    });
    expect(Object.keys(summary.byCategory)).toEqual(['经济', '民生', '生态']);
    expect(summary.byCategory['生态']?.no_data).toBe(1);
    expect(summary.byCategory['生态']?.awaiting_target).toBe(1);
    expect(summary.byAttribute.binding.seriously_lagging).toBe(1);
    expect(summary.byAttribute.expected.not_assessed).toBe(1);
  });

  it('lists the binding warnings and the share on track of the assessed', () => {
    expect(result.summary.bindingWarnings).toEqual([2, 5]);
    expect(result.summary.shareOnTrack).toBeCloseTo(1 / 4, 12);
  });

  it('reads the plan’s own settings', () => {
    const strict = assessPlan({
      plan: { ...plan, settings: { ...defaultSettings, epsilon: 0 } },
      indicators,
      values: [actual(2023, 61.9, 1)],
      year: 2023,
    });
    expect(strict.indicators[0]?.status).toBe('lagging');
  });

  it('evaluates any year, reading no value after it', () => {
    const earlier = assessPlan({ plan, indicators, values, year: 2022 });
    expect(earlier.indicators.map((a) => a.status)).toEqual([
      'no_data',
      'no_data',
      'no_data',
      'not_assessed',
      'no_data',
    ]);
  });
});
