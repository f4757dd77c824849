import { describe, expect, it } from 'vitest';
import { actual, actuals, assess, assignedTarget, indicator } from './test-support';

describe('assigned', () => {
  const air = indicator({ form: 'assigned', direction: 'increase' }, { attribute: 'binding' });

  it('a year with an actual and no assigned target awaits its target', () => {
    const a = assess(air, [actual(2023, 66)]);
    expect(a.status).toBe('awaiting_target');
    expect(a.reason).toEqual({
      zh: '2023 年 66，待下达年度目标',
      en: "2023: 66, the year's target is not assigned yet",
    });
    expect(a.target).toBeNull();
  });

  it('is checked against the assigned target of the latest actual’s year', () => {
    const values = [...actuals(2021, [64, 66]), assignedTarget(2021, 65), assignedTarget(2022, 65)];
    const a = assess(air, values);
    expect(a.years).toEqual([
      { year: 2021, value: 64, target: 65, met: false },
      { year: 2022, value: 66, target: 65, met: true },
    ]);
    expect(a.status).toBe('on_track');
    expect(a.target).toBe(65);
  });

  it('an assigned target without an actual yet leaves the previous year deciding', () => {
    const a = assess(air, [actual(2022, 60), assignedTarget(2022, 65), assignedTarget(2023, 70)]);
    expect(a.latestYear).toBe(2022);
    expect(a.status).toBe('seriously_lagging');
    expect(a.years.at(-1)).toEqual({ year: 2023, value: null, target: 70, met: null });
  });

  it('the assigned comparator overrides the indicator’s', () => {
    const pm25 = indicator({ form: 'assigned', comparator: 'at_least' });
    expect(assess(pm25, [actual(2023, 38), assignedTarget(2023, 40, 'at_most')]).status).toBe(
      'on_track',
    );
    expect(assess(pm25, [actual(2023, 42), assignedTarget(2023, 40, 'at_most')]).status).toBe(
      'seriously_lagging',
    );
  });

  it('without comparators a falling indicator must stay at or below its assigned target', () => {
    const falling = indicator({ form: 'assigned', direction: 'decrease' });
    expect(assess(falling, [actual(2023, 40), assignedTarget(2023, 40)]).status).toBe('on_track');
    expect(assess(falling, [actual(2023, 41), assignedTarget(2023, 40)]).status).toBe(
      'seriously_lagging',
    );
  });

  it('an assigned about target takes the plan’s about tolerance', () => {
    const ind = indicator({ form: 'assigned' });
    const values = [actual(2023, 4.6), assignedTarget(2023, 4, 'about')];
    expect(assess(ind, values).status).toBe('seriously_lagging');
    expect(assess(ind, values, 2023, { aboutTolerance: 1 }).status).toBe('on_track');
  });

  it('no actual is no data even with assigned targets', () => {
    expect(assess(air, [assignedTarget(2023, 70)]).status).toBe('no_data');
  });
});
