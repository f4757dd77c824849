import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../plan';
import { indicatorChart, rateBand } from './chart';
import { actuals, assess, assignedTarget, indicator, period } from './test-support';

const chartOf = (ind: ReturnType<typeof indicator>, values: Parameters<typeof assess>[1]) =>
  indicatorChart(ind, assess(ind, values), period, defaultSettings);

describe('indicatorChart', () => {
  it('draws a level from the baseline to the target year against its expected path', () => {
    const ind = indicator({ form: 'level', baseline: 50, value: 70, direction: 'increase' });
    const chart = chartOf(ind, actuals(2021, [54, 58, 62]));
    expect(chart.kind).toBe('path');
    expect(chart.target).toBe(70);
    expect(chart.points.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(chart.points.map((p) => p.actual)).toEqual([50, 54, 58, 62, null, null]);
    expect(chart.points[3]?.expected).toBeCloseTo(62);
    expect(chart.points[5]?.expected).toBe(70);
  });

  it('follows the geometric path when the row states a growth rate (worked example 3)', () => {
    const ind = indicator({ form: 'level', baseline: 272, value: 391.9, rate: 7 });
    expect(chartOf(ind, []).points[3]?.expected).toBeCloseTo(338.64, 2);
  });

  it('draws a cumulative target as the running total against X·τ', () => {
    const ind = indicator({ form: 'cumulative', cumulative: 2.9 });
    const chart = chartOf(ind, actuals(2021, [0.5, 0.6, 0.5]));
    expect(chart.points.map((p) => p.actual)).toEqual([0, 0.5, 1.1, 1.6, null, null]);
    expect(chart.points[3]?.expected).toBeCloseTo(1.74);
  });

  it('reads a total of increases as the rise over the baseline', () => {
    const ind = indicator({
      form: 'cumulative',
      cumulative: 1.05,
      sumOf: 'increases',
      baseline: 2,
    });
    const chart = chartOf(ind, actuals(2021, [2.2, 2.5]));
    const [b, y1, y2] = chart.points;
    expect(b?.actual).toBe(0);
    expect(y1?.actual).toBeCloseTo(0.2);
    expect(y2?.actual).toBeCloseTo(0.5);
  });

  it('draws yearly rates against the band of an about target (worked example 4)', () => {
    const ind = indicator({ form: 'annual_rate', rate: 6, comparator: 'about' });
    const chart = chartOf(ind, actuals(2021, [6.5, 5, 5.6]));
    expect(chart.kind).toBe('rate');
    expect(chart.band).toEqual({ low: 5.5, high: 6.5 });
    expect(chart.points.map((p) => p.actual)).toEqual([6.5, 5, 5.6, null, null]);
  });

  it('draws each year of an assigned target against that year’s target', () => {
    const ind = indicator({ form: 'assigned' });
    const chart = chartOf(ind, [...actuals(2021, [66, 68]), assignedTarget(2022, 70)]);
    expect(chart.kind).toBe('checks');
    expect(chart.points.slice(0, 2)).toEqual([
      { year: 2021, actual: 66, expected: null },
      { year: 2022, actual: 68, expected: 70 },
    ]);
  });
});

describe('rateBand', () => {
  it('has only a ceiling for an at-most rate and only a floor for at-least', () => {
    const down = indicator({ form: 'annual_rate', rate: 3, comparator: 'at_most' });
    const up = indicator({ form: 'annual_rate', rate: 7, comparator: 'at_least' });
    expect(rateBand(down, defaultSettings)).toEqual({ low: null, high: 3 });
    expect(rateBand(up, defaultSettings)).toEqual({ low: 7, high: null });
    expect(rateBand(indicator({ form: 'level', value: 3 }), defaultSettings)).toBeNull();
  });
});
