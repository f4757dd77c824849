import { describe, expect, it } from 'vitest';
import { averageRate, requiredRate } from './rate';
import { period } from './test-support';

describe('averageRate', () => {
  it('is the geometric average of the yearly growth rates, in %', () => {
    expect(averageRate([6.5, 5.0, 5.6])).toBeCloseTo(5.6982, 4);
    expect(averageRate([10, -10])).toBeCloseTo((Math.sqrt(1.1 * 0.9) - 1) * 100, 10);
  });

  it('is null without rates and −100 once a year lost everything', () => {
    expect(averageRate([])).toBeNull();
    expect(averageRate([5, -100])).toBe(-100);
    expect(averageRate([5, -150])).toBe(-100);
  });
});

describe('requiredRate', () => {
  it('is the rate each remaining year needs for the period to average the bound', () => {
    expect(requiredRate([6.5, 5.0, 5.6], 5.5, period)).toBeCloseTo(5.2034, 4);
    expect(requiredRate([], 6, period)).toBeCloseTo(6, 10);
  });

  it('is null when no year remains (Y − B − n = 0), the product is not positive or the bound is −100', () => {
    expect(requiredRate([6, 6, 6, 6, 6], 6, period)).toBeNull();
    expect(requiredRate([6, -100], 6, period)).toBeNull();
    expect(requiredRate([6], -100, period)).toBeNull();
  });
});
