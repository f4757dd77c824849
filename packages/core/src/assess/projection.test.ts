import { describe, expect, it } from 'vitest';
import { projectLevel, projectTotal } from './projection';
import { actuals, assess, indicator, period } from './test-support';

const rising = { start: 50, goal: 70, decreasing: false };

describe('projectLevel', () => {
  it('extends a positive level by its compound growth since B', () => {
    const p = projectLevel(rising, 60.5, 2022, period);
    expect(p.trend).toBe('compound');
    expect(p.projectedValue).toBeCloseTo(60.5 * 1.1 ** 3, 8);
    expect(p.projection).toBe('likely');
    expect(p.requiredPace).toBeCloseTo(((70 / 60.5) ** (1 / 3) - 1) * 100, 8);
  });

  it('extends linearly when a level is not positive, and the pace is a yearly change', () => {
    const p = projectLevel({ start: -4, goal: 6, decreasing: false }, -2, 2022, period);
    expect(p.trend).toBe('linear');
    expect(p.projectedValue).toBeCloseTo(1, 10);
    expect(p.projection).toBe('at_risk');
    expect(p.requiredPace).toBeCloseTo(8 / 3, 10);
  });

  it('is at risk when the trend falls short, and a falling target is met from above', () => {
    expect(projectLevel(rising, 52, 2022, period).projection).toBe('at_risk');
    const falling = { start: 100, goal: 80, decreasing: true };
    expect(projectLevel(falling, 90, 2022, period).projection).toBe('likely');
    expect(projectLevel(falling, 98, 2022, period).projection).toBe('at_risk');
  });

  it('needs no pace once the target is reached', () => {
    expect(projectLevel(rising, 72, 2022, period).requiredPace).toBe(0);
  });

  it('at Y the outcome is known: no projection at all (spec §4)', () => {
    expect(projectLevel(rising, 69, 2025, period)).toEqual({
      projection: null,
      projectedValue: null,
      requiredPace: null,
      trend: null,
    });
  });

  it('is not applicable when the latest year is B', () => {
    expect(projectLevel(rising, 60, 2020, period).projection).toBeNull();
  });

  it('stays finite for extreme ratios', () => {
    const p = projectLevel({ start: 1e-300, goal: 1e300, decreasing: false }, 1e300, 2021, period);
    expect(p.projection).toBe('likely');
    expect(p.projectedValue).toBeNull();
  });
});

describe('projectTotal', () => {
  it('continues the yearly mean and needs the rest spread evenly', () => {
    const p = projectTotal({ start: 0, goal: 10, decreasing: false }, 2, 2, 2022, period);
    expect(p.projectedValue).toBe(5);
    expect(p.projection).toBe('at_risk');
    expect(p.requiredPace).toBeCloseTo(8 / 3, 10);
    expect(p.trend).toBe('linear');
  });
});

describe('annual_rate projection', () => {
  const about = (rate: number, tolerance: number) =>
    indicator({ form: 'annual_rate', rate, comparator: 'about', tolerance });

  it('is likely when R ≤ U and R ≤ max(gᵢ) + 1', () => {
    expect(assess(about(6, 0.5), actuals(2021, [6.5, 5.0, 5.6])).projection).toBe('likely');
  });

  it('is at risk when R > U', () => {
    const a = assess(about(6, 0.5), actuals(2021, [3, 3, 3]));
    expect(a.requiredRate).toBeGreaterThan(6.5);
    expect(a.projection).toBe('at_risk');
  });

  it('is at risk when R is out of reach (R > max(gᵢ) + 1) though within U', () => {
    const a = assess(about(6, 2), actuals(2021, [3.5, 3.5, 3.5, 3.5]), 2024);
    expect(a.requiredRate).toBeLessThan(8);
    expect(a.requiredRate).toBeGreaterThan(4.5);
    expect(a.projection).toBe('at_risk');
  });

  it('for at_least compares R with r + tol', () => {
    const atLeast = indicator({ form: 'annual_rate', rate: 6, comparator: 'at_least' });
    expect(assess(atLeast, actuals(2021, [6, 6, 6])).projection).toBe('likely');
    expect(assess(atLeast, actuals(2021, [5.9, 6, 6])).projection).toBe('at_risk');
  });

  it('for at_most mirrors: likely when the allowed rate is at least r − tol and min(gᵢ) − 1', () => {
    const atMost = indicator({ form: 'annual_rate', rate: 3, comparator: 'at_most' });
    expect(assess(atMost, actuals(2021, [2.5, 3])).projection).toBe('likely');
    expect(assess(atMost, actuals(2021, [3.5, 3.5, 3.5])).projection).toBe('at_risk');
  });
});

describe('level and cumulative projections through assessIndicator', () => {
  it('fill projection, projected value, required pace and trend', () => {
    const a = assess(
      indicator({ form: 'level', baseline: 50, value: 70 }),
      actuals(2021, [52, 54]),
      2022,
    );
    expect(a.projection).toBe('at_risk');
    expect(a.trend).toBe('compound');
    expect(a.requiredPace).toBeCloseTo(((70 / 54) ** (1 / 3) - 1) * 100, 8);
  });

  it('are null for forms without a projection', () => {
    const a = assess(
      indicator({ form: 'bound', value: 4, comparator: 'below' }),
      actuals(2021, [3]),
    );
    expect([a.projection, a.projectedValue, a.requiredPace, a.trend]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
