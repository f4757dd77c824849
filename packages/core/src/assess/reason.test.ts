import { describe, expect, it } from 'vitest';
import { num, pct, progress, yearCheck } from './reason';

describe('number formatting', () => {
  it('shows at most two decimals and never -0, NaN or Infinity', () => {
    expect(num(338.6412)).toBe('338.64');
    expect(num(4)).toBe('4');
    expect(num(-0.001)).toBe('0');
    expect(num(Number.NaN)).toBe('—');
    expect(num(Infinity)).toBe('—');
    expect(num(0.05)).toBe('0.05');
    expect(num(-2.5)).toBe('-2.5');
    expect(num(12345678.999)).toBe('12345679');
    expect(num(1e300)).toBe('1e+300');
  });

  it('shows ratios as whole percentages', () => {
    expect(pct(0.476)).toBe('48%');
    expect(pct(-0.001)).toBe('0%');
    expect(pct(Number.NaN)).toBe('—');
  });
});

describe('reason texts', () => {
  it('read like the spec: "完成进度 48%，时序进度 60%"', () => {
    expect(progress(0.48, 0.6)).toEqual({
      zh: '完成进度 48%，时序进度 60%',
      en: '48% complete, 60% of time elapsed',
    });
  });

  it('state the requirement of every comparator in both languages', () => {
    const base = { year: 2023, value: 5, bound: 4, tolerance: 0.5, met: true, breaches: [] };
    expect(yearCheck({ ...base, comparator: 'about' }).en).toBe(
      '2023: 5, required within 4±0.5: met',
    );
    expect(yearCheck({ ...base, comparator: 'at_least' }).zh).toBe(
      '2023 年 5，要求不低于 3.5，达标',
    );
    expect(yearCheck({ ...base, comparator: 'above' }).en).toBe('2023: 5, required above 3.5: met');
    expect(yearCheck({ ...base, comparator: 'at_most' }).zh).toBe(
      '2023 年 5，要求不高于 4.5，达标',
    );
    expect(yearCheck({ ...base, comparator: 'below', met: false }).en).toBe(
      '2023: 5, required below 4.5: breached',
    );
  });
});
