import { describe, expect, it } from 'vitest';
import { actual, actuals, assess, indicator } from './test-support';

describe('bound', () => {
  const unemployment = indicator({
    form: 'bound',
    value: 4,
    comparator: 'below',
    direction: 'decrease',
  });

  it('a met bound is on track and a breached bound is seriously lagging', () => {
    expect(assess(unemployment, [actual(2023, 3.9)]).status).toBe('on_track');
    expect(assess(unemployment, [actual(2023, 4.1)]).status).toBe('seriously_lagging');
  });

  it('checks every year alone and the latest year decides', () => {
    const a = assess(unemployment, actuals(2021, [3.8, 4.2, 3.9]));
    expect(a.years.map((y) => y.met)).toEqual([true, false, true]);
    expect(a.status).toBe('on_track');
    expect(a.reason).toEqual({
      zh: '2023 年 3.9，要求低于 4，达标（此前 2022 年未达标）',
      en: '2023: 3.9, required below 4: met (breached before in 2022)',
    });
  });

  it('names the year, the value and the requirement when breached', () => {
    expect(assess(unemployment, [actual(2022, 4)], 2022).reason).toEqual({
      zh: '2022 年 4，要求低于 4，未达标',
      en: '2022: 4, required below 4: breached',
    });
  });

  it('a plain number on a falling indicator is an upper bound', () => {
    const plain = indicator({ form: 'bound', value: 3.2, direction: 'decrease' });
    expect(assess(plain, [actual(2023, 3.2)]).status).toBe('on_track');
    expect(assess(plain, [actual(2023, 3.3)]).status).toBe('seriously_lagging');
  });

  it('an about bound without its own tolerance takes the plan default', () => {
    const about = indicator({ form: 'bound', value: 95, comparator: 'about' });
    expect(assess(about, [actual(2023, 94.4)]).status).toBe('seriously_lagging');
    expect(assess(about, [actual(2023, 94.4)], 2023, { aboutTolerance: 1 }).status).toBe(
      'on_track',
    );
  });

  it('without a bound is no data "target missing"; without an actual is no data', () => {
    expect(assess(indicator({ form: 'bound' }), [actual(2023, 3)]).reason.en).toBe(
      'target missing',
    );
    const none = assess(unemployment, []);
    expect(none.status).toBe('no_data');
    expect(none.target).toBe(4);
  });
});

describe('maintain', () => {
  const kept = indicator({ form: 'maintain', baseline: 100, value: 100 });

  it('is a bound at the baseline: at or above is met, below is breached', () => {
    expect(assess(kept, [actual(2023, 100)]).status).toBe('on_track');
    expect(assess(kept, [actual(2023, 99.9)]).status).toBe('seriously_lagging');
  });

  it('gives the indicator’s tolerance', () => {
    const loose = indicator({ form: 'maintain', baseline: 100, value: 100, tolerance: 0.5 });
    expect(assess(loose, [actual(2023, 99.5)]).status).toBe('on_track');
    expect(assess(loose, [actual(2023, 99.4)]).status).toBe('seriously_lagging');
  });

  it('keeps a level of zero from above with an at_most comparator', () => {
    const zero = indicator({ form: 'maintain', baseline: 0, value: 0, comparator: 'at_most' });
    expect(assess(zero, [actual(2023, 0)]).status).toBe('on_track');
    expect(assess(zero, [actual(2023, 1)]).status).toBe('seriously_lagging');
  });

  it('takes the year-B actual, else the kept level, when the plan printed no baseline', () => {
    const byActual = assess(indicator({ form: 'maintain' }), [actual(2020, 98), actual(2023, 98)]);
    expect(byActual.baseline).toBe(98);
    expect(byActual.status).toBe('on_track');
    expect(assess(indicator({ form: 'maintain', value: 100 }), [actual(2023, 98)]).status).toBe(
      'seriously_lagging',
    );
  });

  it('without any baseline is no data "baseline missing"', () => {
    expect(assess(indicator({ form: 'maintain' }), [actual(2023, 98)]).reason.en).toBe(
      'baseline missing',
    );
  });
});
