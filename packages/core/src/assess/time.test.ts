import { describe, expect, it } from 'vitest';
import { lastYear, timeProgress } from './time';
import { period } from './test-support';

describe('timeProgress', () => {
  it('is (y − B) / (Y − B): 2021 → 0.2, 2023 → 0.6, 2025 → 1', () => {
    expect(timeProgress(period, 2021)).toBeCloseTo(0.2, 12);
    expect(timeProgress(period, 2023)).toBeCloseTo(0.6, 12);
    expect(timeProgress(period, 2025)).toBe(1);
  });

  it('is held within [0, 1] outside the period', () => {
    expect(timeProgress(period, 2018)).toBe(0);
    expect(timeProgress(period, 2027)).toBe(1);
  });

  it('reads the period of each plan, not constants', () => {
    expect(
      timeProgress({ baselineYear: 2015, midtermYear: 2018, targetYear: 2020 }, 2018),
    ).toBeCloseTo(0.6, 12);
  });

  it('does not divide by zero on an empty period', () => {
    expect(timeProgress({ baselineYear: 2020, midtermYear: 2020, targetYear: 2020 }, 2020)).toBe(1);
  });
});

describe('lastYear', () => {
  it('is the evaluation year, or Y when later', () => {
    expect(lastYear(period, 2023)).toBe(2023);
    expect(lastYear(period, 2026)).toBe(2025);
  });
});
