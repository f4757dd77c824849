import { describe, expect, it } from 'vitest';
import { actualAt, actualsOf, baselineOf, indexValues } from './values';
import { actual, assignedTarget, indicator, period } from './test-support';

describe('indexValues', () => {
  it('groups by indicator and keeps years B … min(E, Y)', () => {
    const index = indexValues(
      [actual(2019, 1), actual(2020, 2), actual(2023, 3), actual(2024, 4), actual(2021, 5, 2)],
      period,
      2023,
    );
    expect(actualsOf(index.get(1), period)).toEqual([
      { year: 2023, value: 3, target: null, met: null },
    ]);
    expect(actualAt(index.get(1), 2020)).toBe(2);
    expect(actualsOf(index.get(2), period)).toEqual([
      { year: 2021, value: 5, target: null, met: null },
    ]);
  });

  it('ignores values that are not finite and years that are not whole', () => {
    const index = indexValues(
      [actual(2021, Number.NaN), actual(2022, Infinity), actual(2022.5, 1)],
      period,
      2023,
    );
    expect(actualsOf(index.get(1), period)).toEqual([]);
  });

  it('given duplicate values, the larger wins whatever their order', () => {
    const one = indexValues([actual(2021, 5), actual(2021, 7), actual(2021, 6)], period, 2023);
    const two = indexValues([actual(2021, 6), actual(2021, 7), actual(2021, 5)], period, 2023);
    expect(actualAt(one.get(1), 2021)).toBe(7);
    expect(actualAt(two.get(1), 2021)).toBe(7);
  });

  it('reads -0 as 0, so duplicates of both are one figure', () => {
    const index = indexValues([actual(2021, -0), actual(2021, 0)], period, 2023);
    expect(Object.is(actualAt(index.get(1), 2021), 0)).toBe(true);
  });

  it('given duplicate assigned targets of equal value, the comparator listed first wins', () => {
    const a = indexValues(
      [
        assignedTarget(2021, 5, 'below'),
        assignedTarget(2021, 5, 'at_most'),
        assignedTarget(2021, 5),
      ],
      period,
      2023,
    );
    const b = indexValues(
      [
        assignedTarget(2021, 5),
        assignedTarget(2021, 5, 'at_most'),
        assignedTarget(2021, 5, 'below'),
      ],
      period,
      2023,
    );
    expect(a.get(1)?.assigned[1]).toEqual({ value: 5, comparator: 'at_most' });
    expect(b.get(1)?.assigned[1]).toEqual({ value: 5, comparator: 'at_most' });
  });
});

describe('baselineOf', () => {
  it('is the printed baseline, else the year-B actual, else null', () => {
    const index = indexValues([actual(2020, 48)], period, 2023);
    expect(
      baselineOf(indicator({ form: 'level', baseline: 50 }).target, index.get(1), period),
    ).toBe(50);
    expect(baselineOf(indicator({ form: 'level' }).target, index.get(1), period)).toBe(48);
    expect(baselineOf(indicator({ form: 'level' }).target, undefined, period)).toBeNull();
  });
});
