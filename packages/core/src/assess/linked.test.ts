import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assess';
import { actual, actuals, assess, context, indicator } from './test-support';

describe('linked', () => {
  const income = indicator(
    { form: 'linked', linkedTo: 1 },
    { seq: 7, name: '居民人均可支配收入增长' },
  );
  const gdp = (values: number[]) => actuals(2021, values, 1);
  const own = (values: number[]) => actuals(2021, values, 7);

  it.each([
    [5.6, 'on_track'],
    [5.5, 'on_track'],
    [5.4, 'seriously_lagging'],
  ])('against GDP growth 6 with %d is %s (met when a ≥ a′ − 0.5)', (a, status) => {
    expect(assess(income, [...gdp([6]), ...own([a])], 2021).status).toBe(status);
  });

  it('the plan’s linked tolerance applies when the indicator has none', () => {
    const values = [...gdp([6]), ...own([5.2])];
    expect(assess(income, values, 2021).status).toBe('seriously_lagging');
    expect(assess(income, values, 2021, { linkedTolerance: 1 }).status).toBe('on_track');
  });

  it('lists the linked value as each year’s target and names it in the reason', () => {
    const a = assess(income, [...gdp([6, 5]), ...own([6.2, 4.8])], 2022);
    expect(a.years).toEqual([
      { year: 2021, value: 6.2, target: 6, met: true },
      { year: 2022, value: 4.8, target: 5, met: true },
    ]);
    expect(a.reason.zh).toBe('2022 年 4.8，关联指标（序号 1）5，要求不低于 4.5，达标');
    expect(a.reason.en).toBe('2022: 4.8 against 5 for indicator #1, required at least 4.5: met');
  });

  it('a missing linked value in the latest year is no data', () => {
    const a = assess(income, [...gdp([6]), ...own([6, 6])], 2022);
    expect(a.status).toBe('no_data');
    expect(a.reason.en).toBe('no 2022 actual for linked indicator #1');
  });

  it('no own actual is no data; no linked indicator is no data', () => {
    expect(assess(income, gdp([6]), 2021).status).toBe('no_data');
    const unlinked = indicator({ form: 'linked' });
    expect(assess(unlinked, [actual(2021, 6)], 2021).reason.en).toBe('no linked indicator given');
  });

  it('a level partner (GDP in 亿元) is compared by its growth over the year before', () => {
    const gdpLevel = indicator(
      { form: 'level', baseline: 272, value: 391.9, rate: 7 },
      { seq: 1, name: 'GDP' },
    );
    const income8 = indicator(
      { form: 'linked', linkedTo: 1 },
      { seq: 8, name: '居民人均可支配收入增长率' },
    );
    // 272 → 291.04 is +7.0%; 291.04 → 305.59 is +5.0%.
    const values = [...actuals(2021, [291.04, 305.592], 1), ...actuals(2021, [7.2, 4.4], 8)];
    const a = assessIndicator(income8, values, context(2022), [gdpLevel, income8]);
    expect(a.years.map((y) => [y.year, Number(y.target?.toFixed(2)), y.met])).toEqual([
      [2021, 7, true],
      [2022, 5, false],
    ]);
    expect(a.status).toBe('seriously_lagging');
    expect(a.reason.zh).toContain('关联指标（序号 1）增速 5%');
  });

  it('a partner growth too large to be a number (a base of 5e-324) is no comparison, not a pass', () => {
    const tiny = indicator({ form: 'level', baseline: 5e-324 }, { seq: 1, name: 'GDP' });
    const income8 = indicator({ form: 'linked', linkedTo: 1 }, { seq: 8, name: '收入增长率' });
    const values = [...actuals(2021, [-8.9e-18], 1), ...actuals(2021, [0], 8)];
    const a = assessIndicator(income8, values, context(2021), [tiny, income8]);
    expect(a.years).toEqual([{ year: 2021, value: 0, target: null, met: null }]);
    expect(a.status).toBe('no_data');
  });
});
