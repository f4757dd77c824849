import { describe, expect, it } from 'vitest';
import { expectedValue } from './level';
import { assessIndicator, assessPlan } from './assess';
import { revisionNote } from './reason';
import {
  actual,
  actuals,
  assess,
  assignedTarget,
  context,
  indicator,
  period,
} from './test-support';
import { defaultSettings } from '../plan';

describe('spec §7 worked examples', () => {
  const platforms = indicator(
    { form: 'level', baseline: 50, value: 70, direction: 'increase' },
    { name: '市级以上创新平台', unit: '个' },
  );

  it('1. Yuhua 市级以上创新平台 50 → 70 at 62 in 2023 is on track (c = 0.6, τ = 0.6, ρ = 1.0)', () => {
    const a = assess(platforms, [actual(2023, 62)]);
    expect(a.completion).toBeCloseTo(0.6, 10);
    expect(a.timeProgress).toBeCloseTo(0.6, 10);
    expect(a.pace).toBeCloseTo(1.0, 10);
    expect(a.status).toBe('on_track');
    expect(a.reason.zh).toBe('完成进度 60%，时序进度 60%');
    expect(a.reason.en).toBe('60% complete, 60% of time elapsed');
  });

  it('2. the same at 55 in 2023 is seriously lagging (c = 0.25, ρ ≈ 0.417)', () => {
    const a = assess(platforms, [actual(2023, 55)]);
    expect(a.completion).toBeCloseTo(0.25, 10);
    expect(a.pace).toBeCloseTo(0.4167, 4);
    expect(a.status).toBe('seriously_lagging');
  });

  it('3. Xinhua GDP 272 → 391.9 with rate 7以上 expects 272·(391.9/272)^0.6 ≈ 338.64 in 2023', () => {
    const gdp = indicator(
      {
        form: 'level',
        baseline: 272,
        value: 391.9,
        rate: 7,
        comparator: 'at_least',
        direction: 'increase',
      },
      { name: '地区生产总值', unit: '亿元' },
    );
    expect(expectedValue({ baseline: 272, target: 391.9, rate: 7 }, period, 2023)).toBeCloseTo(
      338.64,
      2,
    );
    expect(assess(gdp, [actual(2023, 340)]).expected).toBeCloseTo(338.64, 2);
  });

  it('4. Yuhua GDP growth 6 左右 with 6.5, 5.0, 5.6 averages ≈ 5.70 ≥ L = 5.5: on track', () => {
    const growth = indicator(
      { form: 'annual_rate', rate: 6, comparator: 'about', tolerance: 0.5, direction: 'increase' },
      { name: '生产总值(GDP)增长率', unit: '%' },
    );
    const a = assess(growth, actuals(2021, [6.5, 5.0, 5.6]));
    expect(a.averageRate).toBeCloseTo(5.7, 2);
    expect(a.status).toBe('on_track');
  });

  it('5. Weibin 城镇调查失业率 bound <4 at 4.0 in 2022 is seriously lagging (4.0 is not below 4)', () => {
    const unemployment = indicator(
      { form: 'bound', value: 4, comparator: 'below', direction: 'decrease' },
      { name: '城镇调查失业率', unit: '%' },
    );
    const a = assess(unemployment, [actual(2022, 4.0)], 2022);
    expect(a.years).toEqual([{ year: 2022, value: 4, target: 4, met: false }]);
    expect(a.status).toBe('seriously_lagging');
  });

  it('6. Weibin 城镇新增就业 [2.9] with 0.5, 0.6, 0.5 by 2023 is lagging (c ≈ 0.552, ρ ≈ 0.920)', () => {
    const jobs = indicator(
      { form: 'cumulative', cumulative: 2.9, sumOf: 'values' },
      { name: '城镇新增就业', unit: '万人' },
    );
    const a = assess(jobs, actuals(2021, [0.5, 0.6, 0.5]));
    expect(a.completion).toBeCloseTo(0.552, 3);
    expect(a.pace).toBeCloseTo(0.92, 3);
    expect(a.status).toBe('lagging');
  });

  describe('7. Weibin 空气优良天数比例, assigned and binding', () => {
    const air = indicator(
      { form: 'assigned', direction: 'increase' },
      { name: '空气优良天数比例', unit: '%', attribute: 'binding' },
    );

    it('66 in 2023 with no assigned target awaits its target and is no binding warning', () => {
      const a = assess(air, [actual(2023, 66)]);
      expect(a.status).toBe('awaiting_target');
      expect(a.bindingWarning).toBe(false);
    });

    it('66 against an assigned 70 is seriously lagging and a binding warning', () => {
      const a = assess(air, [actual(2023, 66), assignedTarget(2023, 70)]);
      expect(a.status).toBe('seriously_lagging');
      expect(a.bindingWarning).toBe(true);
    });
  });

  describe('8. [v2] level 50 → 70: a pace of 1.2 or more is ahead (快于预期)', () => {
    it('66 in 2023: c = 0.8, ρ ≈ 1.333 ≥ 1.2 → ahead', () => {
      const a = assess(platforms, [actual(2023, 66)]);
      expect(a.completion).toBeCloseTo(0.8, 10);
      expect(a.pace).toBeCloseTo(1.3333, 4);
      expect(a.status).toBe('ahead');
      expect(a.phase).toBe('progress');
    });

    it('63.4 in 2023: c = 0.67, ρ ≈ 1.117 → on track', () => {
      const a = assess(platforms, [actual(2023, 63.4)]);
      expect(a.completion).toBeCloseTo(0.67, 10);
      expect(a.pace).toBeCloseTo(1.1167, 4);
      expect(a.status).toBe('on_track');
    });
  });

  describe('9. [v2] annual rate 7以上: ḡ at least 1 pp over L is ahead', () => {
    const rate = indicator({ form: 'annual_rate', rate: 7, comparator: 'at_least' });

    it('9.0, 8.5, 8.8 → ḡ ≈ 8.77 ≥ 7 + 1 → ahead', () => {
      const a = assess(rate, actuals(2021, [9.0, 8.5, 8.8]));
      expect(a.averageRate).toBeCloseTo(8.77, 2);
      expect(a.status).toBe('ahead');
    });

    it('7.5, 7.2, 7.9 → ḡ ≈ 7.53 → on track', () => {
      const a = assess(rate, actuals(2021, [7.5, 7.2, 7.9]));
      expect(a.averageRate).toBeCloseTo(7.53, 2);
      expect(a.status).toBe('on_track');
    });
  });

  it('10. [v2] 单位GDP能源消耗降低 [15], compound, binding: 3.0, 2.5, 2.0 → C ≈ 7.317, c ≈ 0.488, ρ ≈ 0.813 → lagging and a binding warning', () => {
    const energy = indicator(
      { form: 'cumulative', cumulative: 15, sumOf: 'compound', direction: 'decrease' },
      { name: '单位GDP能源消耗降低', unit: '%', attribute: 'binding' },
    );
    const a = assess(energy, actuals(2021, [3.0, 2.5, 2.0]));
    expect((1 - 0.97 * 0.975 * 0.98) * 100).toBeCloseTo(7.317, 3);
    expect(a.completion! * 15).toBeCloseTo(7.317, 3);
    expect(a.completion).toBeCloseTo(0.488, 3);
    expect(a.pace).toBeCloseTo(0.813, 3);
    expect(a.status).toBe('lagging');
    expect(a.bindingWarning).toBe(true);
    // The cuts so far, kept up to 2025: 1 − 0.92683^(5/3) ≈ 11.89 %, short of 15; each of the two
    // years left needs a cut of 1 − (0.85 / 0.92683)^(1/2) ≈ 4.23 %.
    expect(a.projection).toBe('at_risk');
    expect(a.projectedValue).toBeCloseTo(11.89, 2);
    expect(a.requiredPace).toBeCloseTo(4.23, 2);
    expect(a.trend).toBe('compound');
  });

  describe('11. [v2] bound ≥50', () => {
    const floor = (baseline: number) =>
      indicator({ form: 'bound', baseline, value: 50, comparator: 'at_least' });

    it('from a year-B value of 45 it is a line to reach: 48 in 2022 → c = 0.6, τ = 0.4, ρ = 1.5 → ahead', () => {
      const a = assess(floor(45), [actual(2022, 48)], 2022);
      expect(a.completion).toBeCloseTo(0.6, 10);
      expect(a.timeProgress).toBeCloseTo(0.4, 10);
      expect(a.pace).toBeCloseTo(1.5, 10);
      expect(a.status).toBe('ahead');
    });

    it('from 45, 51 in 2023 → achieved (提前实现)', () => {
      const a = assess(floor(45), [actual(2022, 48), actual(2023, 51)]);
      expect(a.status).toBe('achieved');
    });

    it('a year-B value entered rather than printed reads the same', () => {
      const unprinted = indicator({ form: 'bound', value: 50, comparator: 'at_least' });
      const a = assess(unprinted, [actual(2020, 45), actual(2022, 48)], 2022);
      expect(a.status).toBe('ahead');
    });

    // The spec's text gives 51 → breached here, which contradicts ≥50 itself (51 ≥ 50 is met,
    // §2.4: checked every year as before); a breach is a value under 50, such as 49.
    it('from a year-B value of 52 it is a line to hold: 49 in 2023 → seriously lagging (breached); 51 and 53 → on track', () => {
      expect(assess(floor(52), [actual(2023, 49)]).status).toBe('seriously_lagging');
      expect(assess(floor(52), [actual(2023, 51)]).status).toBe('on_track');
      expect(assess(floor(52), [actual(2023, 53)]).status).toBe('on_track');
    });
  });

  describe('12. [v2] final evaluation of level 50 → 70 at E = Y = 2025', () => {
    const binding = indicator(
      { form: 'level', baseline: 50, value: 70, direction: 'increase' },
      { attribute: 'binding' },
    );

    it.each([
      [71, 'achieved', false],
      [69.5, 'basically_achieved', false],
      [66, 'not_achieved', true],
    ] as const)('%d in 2025 → %s', (value, status, warning) => {
      const a = assess(binding, [actual(2025, value)], 2025);
      expect(a.phase).toBe('end');
      expect(a.status).toBe(status);
      expect(a.bindingWarning).toBe(warning);
    });

    it('69.5 is c = 0.975', () => {
      expect(assess(binding, [actual(2025, 69.5)], 2025).completion).toBeCloseTo(0.975, 10);
    });

    it('with data only to 2024 it is graded midway (τ = 0.8) and says 数据截至 2024 年', () => {
      const a = assess(binding, [actual(2024, 66)], 2025);
      expect(a.phase).toBe('progress');
      expect(a.timeProgress).toBeCloseTo(0.8, 10);
      expect(a.status).toBe('on_track');
      expect(a.reason.zh).toMatch(/^数据截至 2024 年；/);
      expect(a.reason.en).toMatch(/^data up to 2024; /);
    });
  });

  describe('13. [v2] linked targets', () => {
    const gdp = indicator(
      { form: 'annual_rate', rate: 6, comparator: 'about' },
      { seq: 1, name: 'GDP增长' },
    );
    const linked = (comparator: 'above' | 'at_least', tolerance: number | null) =>
      indicator({ form: 'linked', linkedTo: 1, comparator, tolerance }, { seq: 2 });
    const run = (ind: ReturnType<typeof linked>, own: number) =>
      assessIndicator(ind, [actual(2023, 5.2, 1), actual(2023, own, 2)], context(2023), [gdp]);

    it('高于GDP增长 (above, tol 0): own 5.2 with GDP 5.2 → breached → seriously lagging', () => {
      const a = run(linked('above', 0), 5.2);
      expect(a.years.at(-1)?.met).toBe(false);
      expect(a.status).toBe('seriously_lagging');
    });

    it('与经济增长基本同步: own 4.8 with GDP 5.2 → met → on track', () => {
      const a = run(linked('at_least', null), 4.8);
      expect(a.years.at(-1)?.met).toBe(true);
      expect(a.status).toBe('on_track');
    });

    it('an own tolerance of 0 is kept, not replaced by the plan default', () => {
      expect(run(linked('at_least', 0), 4.8).status).toBe('seriously_lagging');
    });
  });

  describe('14. [v2] a target revised in 2024 from 50 → 70 to 50 → 65', () => {
    const revised = indicator(
      { form: 'level', baseline: 50, value: 70, direction: 'increase' },
      {
        raw: { baseline: '50', target: '70', rate: null, attribute: '预期性' },
        revisions: [
          {
            fromYear: 2024,
            target: { ...platforms.target, value: 65 },
            text: '65',
            document: '区政府关于调整“十四五”规划部分指标的通知',
            reason: '中期评估后调整',
            revisedBy: null,
            revisedAt: null,
          },
        ],
      },
    );

    it('at E = 2023, 62 is on track against the original 70', () => {
      const a = assess(revised, [actual(2023, 62)], 2023);
      expect(a.target).toBe(70);
      expect(a.status).toBe('on_track');
      expect(a.revision).toBeNull();
    });

    it('at E = 2025, 65 is achieved against 65, and says 原目标 70，2024 年调整为 65', () => {
      const a = assess(revised, [actual(2023, 62), actual(2025, 65)], 2025);
      expect(a.target).toBe(65);
      expect(a.status).toBe('achieved');
      expect(a.revision).toMatchObject({ fromYear: 2024, originalValue: 70, revisedValue: 65 });
      const r = a.revision!;
      expect(revisionNote(r.fromYear, r.originalText, r.revisedText).zh).toBe(
        '原目标 70，2024 年调整为 65',
      );
    });
  });

  it('15. [v2] a baseline printed for 2019: 77.3 → 78.3 by 2025, 78.0 in 2023 → τ = 4/6, c = 0.7, ρ = 1.05 → on track', () => {
    const ind = indicator({
      form: 'level',
      baseline: 77.3,
      value: 78.3,
      direction: 'increase',
      baselineYear: 2019,
    });
    const result = assessPlan({
      plan: { ...period, settings: defaultSettings },
      indicators: [ind],
      values: [actual(2023, 78.0)],
      year: 2023,
    });
    const a = result.indicators[0]!;
    expect(a.timeProgress).toBeCloseTo(4 / 6, 10);
    expect(a.completion).toBeCloseTo(0.7, 10);
    expect(a.pace).toBeCloseTo(1.05, 10);
    expect(a.status).toBe('on_track');
  });
});
