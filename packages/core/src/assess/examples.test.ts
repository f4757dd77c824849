import { describe, expect, it } from 'vitest';
import { expectedValue } from './level';
import { actual, actuals, assess, assignedTarget, indicator, period } from './test-support';

describe('spec §6 worked examples', () => {
  const platforms = indicator(
    { form: 'level', baseline: 50, value: 70, direction: 'increase' },
    { name: '市级以上创新平台', unit: '个' },
  );

  it('1. Yuhua 市级以上创新平台 50 → 70 at 62 in 2023 is on track (c = 0.6, τ = 0.6, ρ = 1.0)', () => {
    const a = assess(platforms, [actual(2023, 62)]);
    expect(a.completion).toBeCloseTo(0.6, 10);
    expect(a.timeProgress).toBeCloseTo(0.6, 10);
    expect(a.pace).toBeCloseTo(1.0, 10);
    expect(a.status).toBe('on_track');
    expect(a.reason.zh).toBe('完成进度 60%，时序进度 60%');
    expect(a.reason.en).toBe('60% complete, 60% of time elapsed');
  });

  it('2. the same at 55 in 2023 is seriously lagging (c = 0.25, ρ ≈ 0.417)', () => {
    const a = assess(platforms, [actual(2023, 55)]);
    expect(a.completion).toBeCloseTo(0.25, 10);
    expect(a.pace).toBeCloseTo(0.4167, 4);
    expect(a.status).toBe('seriously_lagging');
  });

  it('3. Xinhua GDP 272 → 391.9 with rate 7以上 expects 272·(391.9/272)^0.6 ≈ 338.64 in 2023', () => {
    const gdp = indicator(
      {
        form: 'level',
        baseline: 272,
        value: 391.9,
        rate: 7,
        comparator: 'at_least',
        direction: 'increase',
      },
      { name: '地区生产总值', unit: '亿元' },
    );
    expect(expectedValue({ baseline: 272, target: 391.9, rate: 7 }, period, 2023)).toBeCloseTo(
      338.64,
      2,
    );
    expect(assess(gdp, [actual(2023, 340)]).expected).toBeCloseTo(338.64, 2);
  });

  it('4. Yuhua GDP growth 6 左右 with 6.5, 5.0, 5.6 averages ≈ 5.70 ≥ L = 5.5: on track', () => {
    const growth = indicator(
      { form: 'annual_rate', rate: 6, comparator: 'about', tolerance: 0.5, direction: 'increase' },
      { name: '生产总值(GDP)增长率', unit: '%' },
    );
    const a = assess(growth, actuals(2021, [6.5, 5.0, 5.6]));
    expect(a.averageRate).toBeCloseTo(5.7, 2);
    expect(a.status).toBe('on_track');
  });

  it('5. Weibin 城镇调查失业率 bound <4 at 4.0 in 2022 is seriously lagging (4.0 is not below 4)', () => {
    const unemployment = indicator(
      { form: 'bound', value: 4, comparator: 'below', direction: 'decrease' },
      { name: '城镇调查失业率', unit: '%' },
    );
    const a = assess(unemployment, [actual(2022, 4.0)], 2022);
    expect(a.years).toEqual([{ year: 2022, value: 4, target: 4, met: false }]);
    expect(a.status).toBe('seriously_lagging');
  });

  it('6. Weibin 城镇新增就业 [2.9] with 0.5, 0.6, 0.5 by 2023 is lagging (c ≈ 0.552, ρ ≈ 0.920)', () => {
    const jobs = indicator(
      { form: 'cumulative', cumulative: 2.9, sumOf: 'values' },
      { name: '城镇新增就业', unit: '万人' },
    );
    const a = assess(jobs, actuals(2021, [0.5, 0.6, 0.5]));
    expect(a.completion).toBeCloseTo(0.552, 3);
    expect(a.pace).toBeCloseTo(0.92, 3);
    expect(a.status).toBe('lagging');
  });

  describe('7. Weibin 空气优良天数比例, assigned and binding', () => {
    const air = indicator(
      { form: 'assigned', direction: 'increase' },
      { name: '空气优良天数比例', unit: '%', attribute: 'binding' },
    );

    it('66 in 2023 with no assigned target awaits its target and is no binding warning', () => {
      const a = assess(air, [actual(2023, 66)]);
      expect(a.status).toBe('awaiting_target');
      expect(a.bindingWarning).toBe(false);
    });

    it('66 against an assigned 70 is seriously lagging and a binding warning', () => {
      const a = assess(air, [actual(2023, 66), assignedTarget(2023, 70)]);
      expect(a.status).toBe('seriously_lagging');
      expect(a.bindingWarning).toBe(true);
    });
  });
});
