import { describe, expect, it } from 'vitest';
import { actual, actuals, assess, indicator } from './test-support';

describe('cumulative status at the thresholds (X = 10, τ(2022) = 0.4, δ = 0.2)', () => {
  const total = indicator({ form: 'cumulative', cumulative: 10, sumOf: 'values' });
  it.each([
    [[5, 5.1], 'achieved'],
    [[5, 5], 'achieved'],
    [[5, 4.9], 'ahead'],
    [[2.4, 2.4], 'ahead'],
    [[2.4, 2.3], 'on_track'],
    [[2, 1.9], 'on_track'],
    [[1.9, 1.9], 'on_track'],
    [[1.9, 1.8], 'lagging'],
    [[1, 1.1], 'lagging'],
    [[1, 1], 'lagging'],
    [[1, 0.9], 'seriously_lagging'],
  ])('yearly values %j are %s', (values, status) => {
    expect(assess(total, actuals(2021, values), 2022).status).toBe(status);
  });

  it('a null sumOf sums the values', () => {
    const a = assess(
      indicator({ form: 'cumulative', cumulative: 10 }),
      actuals(2021, [1, 2]),
      2022,
    );
    expect(a.completion).toBeCloseTo(0.3, 10);
  });

  it('expects X·τ so far and reads "累计 …" when achieved', () => {
    const a = assess(total, actuals(2021, [6, 5]), 2022);
    expect(a.expected).toBeCloseTo(4, 10);
    expect(a.reason).toEqual({ zh: '累计 11，已达到目标 10', en: 'total 11: target 10 reached' });
  });
});

describe('cumulative of increases', () => {
  const patents = indicator({
    form: 'cumulative',
    cumulative: 10,
    sumOf: 'increases',
    baseline: 100,
  });

  it('sums the increases over the previous year, from the baseline', () => {
    const a = assess(patents, actuals(2021, [102, 104]), 2022);
    expect(a.completion).toBeCloseTo(0.4, 10);
    expect(a.pace).toBeCloseTo(1, 10);
    expect(a.status).toBe('on_track');
  });

  it('a missing year in between still counts the increase across it', () => {
    const a = assess(patents, [actual(2021, 101), actual(2023, 106)]);
    expect(a.completion).toBeCloseTo(0.6, 10);
  });

  it('takes the year-B actual when the plan printed no baseline', () => {
    const ind = indicator({ form: 'cumulative', cumulative: 10, sumOf: 'increases' });
    expect(assess(ind, [actual(2020, 100), actual(2022, 104)], 2022).completion).toBeCloseTo(
      0.4,
      10,
    );
  });

  it('without a baseline is no data "baseline missing"', () => {
    const ind = indicator({ form: 'cumulative', cumulative: 10, sumOf: 'increases' });
    const a = assess(ind, actuals(2021, [102, 104]), 2022);
    expect(a.status).toBe('no_data');
    expect(a.reason.zh).toBe('缺少基期值');
  });

  it('projects the level and reads the projection as an increase', () => {
    const a = assess(patents, actuals(2021, [102, 104]), 2022);
    expect(a.trend).toBe('compound');
    expect(a.projectedValue).toBeCloseTo(104 * 1.04 ** 1.5 - 100, 8);
    expect(a.projection).toBe('likely');
  });
});

describe('cumulative degenerate cases', () => {
  it('a negative total (a five-year reduction) runs downwards', () => {
    const ind = indicator({ form: 'cumulative', cumulative: -5 });
    expect(assess(ind, actuals(2021, [-1, -1]), 2022).status).toBe('on_track');
    expect(assess(ind, actuals(2021, [-3, -2]), 2022).status).toBe('achieved');
    expect(assess(ind, actuals(2021, [1, 0]), 2022).status).toBe('seriously_lagging');
  });

  it('a total of 0 is achieved at 0 or more and seriously lagging below, with no completion', () => {
    const ind = indicator({ form: 'cumulative', cumulative: 0 });
    expect(assess(ind, actuals(2021, [0, 0]), 2022).status).toBe('achieved');
    const a = assess(ind, actuals(2021, [0, -1]), 2022);
    expect(a.status).toBe('seriously_lagging');
    expect(a.completion).toBeNull();
  });

  it('no total is "target missing"; no actual is no data', () => {
    expect(assess(indicator({ form: 'cumulative' }), actuals(2021, [1])).reason.en).toBe(
      'target missing',
    );
    expect(assess(indicator({ form: 'cumulative', cumulative: 3 }), []).reason.en).toBe(
      'no actual up to 2023',
    );
  });
});
