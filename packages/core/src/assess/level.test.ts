import { describe, expect, it } from 'vitest';
import { expectedValue } from './level';
import { actual, assess, indicator, period } from './test-support';

describe('expectedValue', () => {
  it('is geometric b·(T/b)^τ when the row states a rate and b, T > 0', () => {
    expect(expectedValue({ baseline: 100, target: 400, rate: 5 }, period, 2022.5)).toBeCloseTo(
      200,
      10,
    );
  });

  it('is linear b + (T − b)·τ without a rate', () => {
    expect(expectedValue({ baseline: 100, target: 400, rate: null }, period, 2022.5)).toBeCloseTo(
      250,
      10,
    );
  });

  it('is linear when the baseline is not positive, even with a rate', () => {
    expect(expectedValue({ baseline: -10, target: 10, rate: 5 }, period, 2022.5)).toBeCloseTo(
      0,
      10,
    );
    expect(expectedValue({ baseline: 0, target: 10, rate: 5 }, period, 2021)).toBeCloseTo(2, 10);
  });

  it('is b at B and T at Y exactly', () => {
    expect(expectedValue({ baseline: 272, target: 391.9, rate: 7 }, period, 2020)).toBe(272);
    expect(expectedValue({ baseline: 272, target: 391.9, rate: 7 }, period, 2025)).toBe(391.9);
  });
});

describe('level status at the thresholds (δ = 0.2, ε = 0.05, serious pace 0.5)', () => {
  // τ(2022) = 0.4, so ρ = c / 0.4.
  const rising = indicator({ form: 'level', baseline: 0, value: 100 });
  it.each([
    [100.1, 'achieved'],
    [100, 'achieved'],
    [99.9, 'ahead'],
    [48.1, 'ahead'],
    [48, 'ahead'],
    [47.9, 'on_track'],
    [38.1, 'on_track'],
    [38, 'on_track'],
    [37.9, 'lagging'],
    [20.1, 'lagging'],
    [20, 'lagging'],
    [19.9, 'seriously_lagging'],
    [0, 'seriously_lagging'],
    [-0.1, 'seriously_lagging'],
  ])('a rising level 0 → 100 at %d in 2022 is %s', (a, status) => {
    expect(assess(rising, [actual(2022, a)], 2022).status).toBe(status);
  });

  const falling = indicator({ form: 'level', baseline: 100, value: 60, direction: 'decrease' });
  it.each([
    [59.9, 'achieved'],
    [60, 'achieved'],
    [60.1, 'ahead'],
    [80.8, 'ahead'],
    [80.9, 'on_track'],
    [84.7, 'on_track'],
    [84.8, 'on_track'],
    [84.9, 'lagging'],
    [92, 'lagging'],
    [92.1, 'seriously_lagging'],
    [100.1, 'seriously_lagging'],
  ])('a falling level 100 → 60 at %d in 2022 is %s (achieved when a ≤ T)', (a, status) => {
    expect(assess(falling, [actual(2022, a)], 2022).status).toBe(status);
  });

  it('a level moving away from its target says so', () => {
    const a = assess(falling, [actual(2022, 104)], 2022);
    expect(a.completion).toBeCloseTo(-0.1, 10);
    expect(a.reason.zh).toBe('偏离目标方向，完成进度 -10%，时序进度 40%');
    expect(a.reason.en).toBe('moving away from the target: -10% complete, 40% of time elapsed');
  });

  it('an achieved level names the target', () => {
    const a = assess(rising, [actual(2022, 101)], 2022);
    expect(a.reason).toEqual({
      zh: '2022 年 101，已达到目标 100',
      en: '101 in 2022: target 100 reached',
    });
  });
});

describe('level with the plan settings changed', () => {
  const rising = indicator({ form: 'level', baseline: 0, value: 100 });
  it('a larger ε makes a pace of 0.9 on track', () => {
    expect(assess(rising, [actual(2022, 36)], 2022).status).toBe('lagging');
    expect(assess(rising, [actual(2022, 36)], 2022, { epsilon: 0.1 }).status).toBe('on_track');
  });

  it('a lower serious pace makes a pace of 0.325 merely lagging', () => {
    expect(assess(rising, [actual(2022, 13)], 2022).status).toBe('seriously_lagging');
    expect(assess(rising, [actual(2022, 13)], 2022, { seriousPace: 0.3 }).status).toBe('lagging');
  });
});

describe('level degenerate cases', () => {
  it('a target equal to the baseline is achieved when met and seriously lagging when not', () => {
    const flat = indicator({ form: 'level', baseline: 50, value: 50 });
    expect(assess(flat, [actual(2023, 50)]).status).toBe('achieved');
    const short = assess(flat, [actual(2023, 49)]);
    expect(short.status).toBe('seriously_lagging');
    expect(short.completion).toBeNull();
    expect(short.pace).toBeNull();
    expect(short.reason.en).toBe('49 in 2023: short of the target 50');
  });

  it('a target equal to the baseline of a falling indicator is met from below', () => {
    const flat = indicator({ form: 'level', baseline: 50, value: 50, direction: 'decrease' });
    expect(assess(flat, [actual(2023, 49)]).status).toBe('achieved');
    expect(assess(flat, [actual(2023, 51)]).status).toBe('seriously_lagging');
  });

  it('without a printed baseline the year-B actual is the baseline', () => {
    const ind = indicator({ form: 'level', value: 70 });
    const a = assess(ind, [actual(2020, 50), actual(2023, 62)]);
    expect(a.baseline).toBe(50);
    expect(a.status).toBe('on_track');
    expect(a.years).toEqual([{ year: 2023, value: 62, target: null, met: null }]);
  });

  it('a missing baseline is no data with the reason "baseline missing"', () => {
    const a = assess(indicator({ form: 'level', value: 70 }), [actual(2023, 62)]);
    expect(a.status).toBe('no_data');
    expect(a.reason).toEqual({ zh: '缺少基期值', en: 'baseline missing' });
  });

  it('a missing target value is no data with the reason "target missing"', () => {
    const a = assess(indicator({ form: 'level', baseline: 50 }), [actual(2023, 62)]);
    expect(a.status).toBe('no_data');
    expect(a.reason.en).toBe('target missing');
  });

  it('an actual for year B only is the baseline, not progress: no data', () => {
    const a = assess(indicator({ form: 'level', value: 70 }), [actual(2020, 50)]);
    expect(a.status).toBe('no_data');
    expect(a.latestYear).toBeNull();
    expect(a.reason).toEqual({ zh: '截至 2023 年尚无实际值', en: 'no actual up to 2023' });
  });

  it('values after the evaluation year and after the target year are ignored', () => {
    const ind = indicator({ form: 'level', baseline: 50, value: 70 });
    expect(assess(ind, [actual(2022, 58), actual(2024, 70)], 2023).latestYear).toBe(2022);
    const late = assess(ind, [actual(2025, 66), actual(2026, 80)], 2026);
    expect(late.latestYear).toBe(2025);
    expect(late.timeProgress).toBe(1);
  });

  it('uses the newest actual even with gaps', () => {
    const a = assess(indicator({ form: 'level', baseline: 50, value: 70 }), [
      actual(2021, 54),
      actual(2023, 62),
    ]);
    expect(a.latestYear).toBe(2023);
    expect(a.latestValue).toBe(62);
  });
});
