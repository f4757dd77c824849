import { describe, expect, it } from 'vitest';
import { actual, actuals, assess, indicator } from './test-support';

/** Spec §3 at each edge: ρ = 1 + δ and 1 − ε midway, c = 1 − ε at the end, ḡ = L + 1 and L − 0.5. */
describe('level grades at the edges (0 → 100)', () => {
  const rising = indicator({ form: 'level', baseline: 0, value: 100 });

  // τ(2023) = 0.6: ρ = 1.2 at 72, ρ = 0.95 at 57, ρ = 0.5 at 30.
  it.each([
    [72.1, 'ahead'],
    [72, 'ahead'],
    [71.9, 'on_track'],
    [57, 'on_track'],
    [56.9, 'lagging'],
    [30, 'lagging'],
    [29.9, 'seriously_lagging'],
  ])('midway, %d in 2023 is %s', (a, status) => {
    expect(assess(rising, [actual(2023, a)]).status).toBe(status);
  });

  it.each([[0.1], [0.3]])('a wider δ = %d moves the ahead edge', (delta) => {
    const edge = 60 * (1 + delta);
    expect(assess(rising, [actual(2023, edge)], 2023, { delta }).status).toBe('ahead');
    expect(assess(rising, [actual(2023, edge - 0.1)], 2023, { delta }).status).toBe('on_track');
  });

  // At the end c = a / 100: 完成 at 1, 基本完成 from 1 − ε = 0.95.
  it.each([
    [100, 'achieved'],
    [99.9, 'basically_achieved'],
    [95, 'basically_achieved'],
    [94.9, 'not_achieved'],
    [-5, 'not_achieved'],
  ])('at the end, %d in 2025 is %s', (a, status) => {
    const r = assess(rising, [actual(2025, a)], 2025);
    expect(r.phase).toBe('end');
    expect(r.status).toBe(status);
  });

  it('a wider ε widens 基本完成', () => {
    expect(assess(rising, [actual(2025, 90)], 2025, { epsilon: 0.1 }).status).toBe(
      'basically_achieved',
    );
  });

  it('at the end the reason gives the share of the target done, to a tenth', () => {
    expect(assess(rising, [actual(2025, 97.5)], 2025).reason.zh).toBe(
      '2025 年 97.5，目标 100，完成目标的 97.5%',
    );
  });
});

describe('cumulative grades at the end (X = 10)', () => {
  const total = indicator({ form: 'cumulative', cumulative: 10, sumOf: 'values' });
  it.each([
    [[2, 2, 2, 2, 2], 'achieved'],
    [[2, 2, 2, 2, 1.5], 'basically_achieved'],
    [[2, 2, 2, 2, 1.4], 'not_achieved'],
  ])('%j by 2025 is %s', (values, status) => {
    expect(assess(total, actuals(2021, values), 2025).status).toBe(status);
  });
});

describe('annual_rate grades at the edges', () => {
  const atLeast = indicator({ form: 'annual_rate', rate: 7, comparator: 'at_least' });
  const about = indicator({ form: 'annual_rate', rate: 6, comparator: 'about' });
  const atMost = indicator({ form: 'annual_rate', rate: 3, comparator: 'at_most' });

  it.each([
    [8.1, 'ahead'],
    [8, 'ahead'],
    [7.9, 'on_track'],
    [7, 'on_track'],
    [6.9, 'lagging'],
  ])('at_least 7 midway, %d in 2021 is %s (ḡ = L + 1 is ahead)', (g, status) => {
    expect(assess(atLeast, actuals(2021, [g]), 2021).status).toBe(status);
  });

  it('an about rate is never ahead, however high', () => {
    expect(assess(about, actuals(2021, [12]), 2021).status).toBe('on_track');
  });

  it.each([
    [1.9, 'ahead'],
    [2, 'ahead'],
    [2.1, 'on_track'],
    [3, 'on_track'],
    [3.1, 'lagging'],
  ])('at_most 3 midway, %d in 2021 is %s (ḡ = U − 1 is ahead)', (g, status) => {
    expect(assess(atMost, actuals(2021, [g]), 2021).status).toBe(status);
  });

  it.each([
    [7, 'achieved'],
    [6.9, 'basically_achieved'],
    [6.5, 'basically_achieved'],
    [6.4, 'not_achieved'],
  ])('at_least 7 at the end, ḡ = %d is %s (L − 0.5 is basically achieved)', (g, status) => {
    const r = assess(atLeast, actuals(2021, [g, g, g, g, g]), 2025);
    expect(r.phase).toBe('end');
    expect(r.status).toBe(status);
    expect(r.projection).toBeNull();
  });

  it.each([
    [3, 'achieved'],
    [3.5, 'basically_achieved'],
    [3.6, 'not_achieved'],
  ])('at_most 3 at the end, ḡ = %d is %s', (g, status) => {
    expect(assess(atMost, actuals(2021, [g, g, g, g, g]), 2025).status).toBe(status);
  });

  it('an about rate over its ceiling at the end is achieved (over-fulfilment)', () => {
    expect(assess(about, actuals(2021, [9, 9, 9, 9, 9]), 2025).status).toBe('achieved');
  });
});

describe('checks at the end: met in Y is 完成, breached in Y is 未完成', () => {
  const unemployment = indicator({ form: 'bound', value: 4, comparator: 'below' });
  it('a bound kept in 2025 is achieved, breached in 2025 not achieved, whatever came before', () => {
    expect(assess(unemployment, [actual(2024, 4.5), actual(2025, 3.9)], 2025).status).toBe(
      'achieved',
    );
    expect(assess(unemployment, [actual(2024, 3.5), actual(2025, 4)], 2025).status).toBe(
      'not_achieved',
    );
  });

  it('a bound to reach at the end is graded by its completion', () => {
    const reach = indicator({ form: 'bound', baseline: 40, value: 50, comparator: 'at_least' });
    expect(assess(reach, [actual(2025, 50)], 2025).status).toBe('achieved');
    expect(assess(reach, [actual(2025, 49.5)], 2025).status).toBe('basically_achieved');
    expect(assess(reach, [actual(2025, 49)], 2025).status).toBe('not_achieved');
  });

  it('a bound to reach once met stays achieved midway, and says when', () => {
    const reach = indicator({ form: 'bound', baseline: 40, value: 50, comparator: 'at_least' });
    const a = assess(reach, [actual(2022, 51), actual(2023, 49)]);
    expect(a.status).toBe('achieved');
    expect(a.reason.zh).toBe('2022 年已达到目标 50；2023 年 49（基期 40）');
  });
});

describe('the end of the period asks nothing of years that no longer remain', () => {
  it('an average rate with years missing, graded at the end, has no required rate in its reason', () => {
    const rate = indicator({ form: 'annual_rate', rate: 7, comparator: 'at_least' });
    const a = assess(rate, [actual(2025, 5)], 2025);
    expect(a.phase).toBe('end');
    expect(a.status).toBe('not_achieved');
    expect(a.requiredRate).toBeNull();
    expect(a.reason.zh).toBe('年均增长 5%，低于下限 7%');
  });

  it('a revision of a row whose target cell is a dash names the rate cell as the original', () => {
    const rate = indicator(
      { form: 'annual_rate', rate: 6, comparator: 'about' },
      {
        raw: { baseline: null, target: '-', rate: '6 左右', attribute: null },
        revisions: [
          {
            fromYear: 2024,
            target: { ...indicator({ form: 'annual_rate' }).target, rate: 5, comparator: 'about' },
            text: '5 左右',
            document: '调整通知',
            reason: '中期评估后调整',
            revisedBy: null,
            revisedAt: null,
          },
        ],
      },
    );
    expect(assess(rate, actuals(2021, [6, 5, 5, 5]), 2024).revision).toMatchObject({
      originalText: '6 左右',
      revisedText: '5 左右',
    });
  });
});
