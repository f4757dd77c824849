import { describe, expect, it } from 'vitest';
import { goodWay, yearChange } from './change';
import { actual, assignedTarget, indicator } from './test-support';

describe('goodWay', () => {
  it('reads the comparator first: a reduction rate of at least 3 is better higher', () => {
    expect(
      goodWay(indicator({ form: 'assigned', comparator: 'at_least', direction: 'decrease' })),
    ).toBe('up');
    expect(goodWay(indicator({ form: 'bound', comparator: 'at_most', value: 35 }))).toBe('down');
  });

  it('falls back on the direction, then on the target against the baseline', () => {
    expect(goodWay(indicator({ form: 'level', direction: 'decrease' }))).toBe('down');
    expect(goodWay(indicator({ form: 'level', baseline: 50, value: 70 }))).toBe('up');
    expect(goodWay(indicator({ form: 'level', baseline: 70, value: 50 }))).toBe('down');
  });

  it('has no better way for a kept level, a monitored figure or a bare 左右', () => {
    expect(goodWay(indicator({ form: 'maintain', direction: 'maintain' }))).toBeNull();
    expect(goodWay(indicator({ form: 'monitor' }))).toBeNull();
    expect(goodWay(indicator({ form: 'annual_rate', comparator: 'about', rate: 6 }))).toBeNull();
  });
});

describe('yearChange', () => {
  const rising = indicator({ form: 'level', baseline: 50, value: 70, comparator: 'at_least' });
  const falling = indicator({ form: 'bound', value: 35, comparator: 'at_most' });

  it('compares the year with the year before, better by the indicator’s way', () => {
    expect(yearChange(rising, [actual(2022, 58), actual(2023, 62)], 2023)).toEqual({
      year: 2023,
      value: 62,
      previousYear: 2022,
      previous: 58,
      move: 'up',
      better: true,
    });
    expect(yearChange(falling, [actual(2022, 30), actual(2023, 33)], 2023)).toMatchObject({
      move: 'up',
      better: false,
    });
    expect(yearChange(falling, [actual(2022, 33), actual(2023, 30)], 2023)?.better).toBe(true);
  });

  it('calls an unchanged figure flat, neither better nor worse', () => {
    expect(yearChange(rising, [actual(2022, 0.3), actual(2023, 0.1 + 0.2)], 2023)).toMatchObject({
      move: 'flat',
      better: null,
    });
  });

  it('has no change without both years’ actuals; assigned targets and other indicators do not count', () => {
    expect(yearChange(rising, [actual(2023, 62)], 2023)).toBeNull();
    expect(yearChange(rising, [assignedTarget(2022, 60), actual(2023, 62)], 2023)).toBeNull();
    expect(yearChange(rising, [actual(2022, 60, 2), actual(2023, 62)], 2023)).toBeNull();
    expect(yearChange(rising, [actual(2022, 60)], null)).toBeNull();
  });
});
