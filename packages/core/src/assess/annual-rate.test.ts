import { describe, expect, it } from 'vitest';
import { actuals, assess, indicator } from './test-support';

const growth = (
  comparator: 'about' | 'at_least' | 'at_most',
  rate: number,
  tolerance: number | null = null,
) => indicator({ form: 'annual_rate', rate, comparator, tolerance });

describe('annual_rate status at the thresholds', () => {
  it.each([
    [6.1, 'on_track'],
    [6, 'on_track'],
    [5.9, 'lagging'],
    [5, 'lagging'],
    [4.9, 'seriously_lagging'],
  ])('at_least 6 with %d in 2021 is %s (L − 1 ≤ ḡ < L lags)', (g, status) => {
    expect(assess(growth('at_least', 6), actuals(2021, [g]), 2021).status).toBe(status);
  });

  it.each([
    [7.5, 'on_track'],
    [6.5, 'on_track'],
    [5.5, 'on_track'],
    [5.4, 'lagging'],
    [4.5, 'lagging'],
    [4.4, 'seriously_lagging'],
  ])('about 6 (±0.5) with %d in 2021 is %s', (g, status) => {
    expect(assess(growth('about', 6, 0.5), actuals(2021, [g]), 2021).status).toBe(status);
  });

  it.each([
    [2.9, 'on_track'],
    [3, 'on_track'],
    [3.1, 'lagging'],
    [4, 'lagging'],
    [4.1, 'seriously_lagging'],
  ])('at_most 3 with %d in 2021 is %s (the rows mirror)', (g, status) => {
    expect(assess(growth('at_most', 3), actuals(2021, [g]), 2021).status).toBe(status);
  });

  it('a required rate more than 2 pp above L is seriously lagging, even when ḡ ≥ L − 1', () => {
    const a = assess(growth('at_least', 6), actuals(2021, [5.5, 5.5, 5.5, 5.5]), 2024);
    expect(a.requiredRate).toBeCloseTo(8.02, 2);
    expect(a.status).toBe('seriously_lagging');
    expect(a.reason.zh).toBe('年均增长 5.5%，低于下限 6%，其余年份需年均增长 8.02%');
    expect(a.reason.en).toBe(
      'average growth 5.5% is below the floor of 6%; the remaining years need 8.02% a year',
    );
    const b = assess(growth('at_least', 6), actuals(2021, [5.6, 5.6, 5.6, 5.6]), 2024);
    expect(b.requiredRate).toBeCloseTo(7.615, 3);
    expect(b.status).toBe('lagging');
  });

  it('a required rate of exactly L + 2 still lags', () => {
    const g = ((Math.pow(1.06, 5) / 1.08) ** (1 / 4) - 1) * 100;
    const a = assess(growth('at_least', 6), actuals(2021, [g, g, g, g]), 2024);
    expect(a.requiredRate).toBeCloseTo(8, 10);
    expect(a.status).toBe('lagging');
  });

  it('an at_most rate whose remaining years must fall more than 2 pp below U is seriously lagging', () => {
    expect(assess(growth('at_most', 3), actuals(2021, [3.5, 3.5, 3.5, 3.5]), 2024).status).toBe(
      'lagging',
    );
    expect(assess(growth('at_most', 3), actuals(2021, [3.6, 3.6, 3.6, 3.6]), 2024).status).toBe(
      'seriously_lagging',
    );
  });
});

describe('annual_rate tolerances and settings', () => {
  it('an about rate without its own tolerance takes the plan default', () => {
    const ind = growth('about', 6);
    expect(assess(ind, actuals(2021, [5.3]), 2021).status).toBe('lagging');
    expect(assess(ind, actuals(2021, [5.3]), 2021, { aboutTolerance: 1 }).status).toBe('on_track');
  });

  it('an about rate with its own tolerance ignores the plan default', () => {
    expect(
      assess(growth('about', 6, 0.5), actuals(2021, [5.3]), 2021, { aboutTolerance: 1 }).status,
    ).toBe('lagging');
  });

  it('a wider serious gap makes a far-off rate merely lagging', () => {
    expect(
      assess(growth('at_least', 6), actuals(2021, [4.9]), 2021, { rateSeriousGap: 1.5 }).status,
    ).toBe('lagging');
  });

  it('a wider required-rate gap forgives a steep catch-up', () => {
    const values = actuals(2021, [5.5, 5.5, 5.5, 5.5]);
    expect(assess(growth('at_least', 6), values, 2024, { requiredRateGap: 2.5 }).status).toBe(
      'lagging',
    );
  });

  it('a plain number is at_least', () => {
    const plain = indicator({ form: 'annual_rate', rate: 7 });
    expect(assess(plain, actuals(2021, [7.5]), 2021).status).toBe('on_track');
    expect(assess(plain, actuals(2021, [9]), 2021).status).toBe('ahead');
    expect(assess(plain, actuals(2021, [6.5]), 2021).status).toBe('lagging');
  });

  it('a positive reduction rate (…降低 5) is at least 5', () => {
    const reduction = indicator(
      { form: 'annual_rate', rate: 5, comparator: 'at_least' },
      { name: '单位GDP能耗降低' },
    );
    expect(assess(reduction, actuals(2021, [5.2]), 2021).status).toBe('on_track');
  });
});

describe('annual_rate reasons', () => {
  it('an about rate above U stays on track and its reason says over-fulfilled', () => {
    const a = assess(growth('about', 6, 0.5), actuals(2021, [7.2]), 2021);
    expect(a.status).toBe('on_track');
    expect(a.reason).toEqual({
      zh: '年均增长 7.2%，高于上限 6.5%（超额完成）',
      en: 'average growth 7.2% is above the ceiling of 6.5% (over-fulfilled)',
    });
  });

  it('an at_most rate reports against its ceiling', () => {
    expect(assess(growth('at_most', 3), actuals(2021, [2.5]), 2021).reason.en).toBe(
      'average growth 2.5% stays within the ceiling of 3%',
    );
    expect(assess(growth('at_most', 3), actuals(2021, [3.5, 3.5, 3.5, 3.5]), 2024).reason.zh).toBe(
      '年均增长 3.5%，超过上限 3%，其余年份年均增长需不高于 1.02%',
    );
  });
});

describe('annual_rate degenerate cases', () => {
  it('with every year in (Y − B − n = 0) there is no required rate, no projection, and ḡ decides the end grade', () => {
    const a = assess(growth('about', 6, 0.5), actuals(2021, [6, 6, 6, 6, 5]), 2025);
    expect(a.requiredRate).toBeNull();
    expect(a.phase).toBe('end');
    expect(a.status).toBe('achieved');
    expect(a.projection).toBeNull();
  });

  it('a year at −100% is seriously lagging with finite numbers', () => {
    const a = assess(growth('about', 6, 0.5), actuals(2021, [5, -100]), 2022);
    expect(a.averageRate).toBe(-100);
    expect(a.requiredRate).toBeNull();
    expect(a.status).toBe('seriously_lagging');
    expect(a.projection).toBeNull();
  });

  it('no rate is no data "target missing"; no actual is no data', () => {
    expect(assess(indicator({ form: 'annual_rate' }), actuals(2021, [5])).reason.en).toBe(
      'target missing',
    );
    expect(assess(growth('about', 6, 0.5), []).status).toBe('no_data');
  });

  it('a year-B growth rate is outside the period and ignored', () => {
    const a = assess(growth('at_least', 6), [...actuals(2020, [1]), ...actuals(2021, [6])], 2021);
    expect(a.averageRate).toBeCloseTo(6, 10);
  });
});
