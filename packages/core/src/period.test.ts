import { describe, expect, it } from 'vitest';
import {
  choosePlan,
  chineseNumber,
  coversYear,
  defaultYear,
  fiveYearPlanNumber,
  parsePeriod,
  periodKey,
  periodLabel,
  periodName,
  planYears,
  reportingYearAt,
  roundKind,
} from './period';

const p14 = { baselineYear: 2020, midtermYear: 2023, targetYear: 2025 };
const p15 = { baselineYear: 2025, midtermYear: 2028, targetYear: 2030 };
const vision = { baselineYear: 2020, midtermYear: 2028, targetYear: 2035 };

describe('period keys and names', () => {
  it('keys a period by its first and target years', () => {
    expect(periodKey(p14)).toBe('2021-2025');
    expect(periodKey(p15)).toBe('2026-2030');
  });
  it('names national Five-Year Plans and only them', () => {
    expect(fiveYearPlanNumber(p14)).toBe(14);
    expect(fiveYearPlanNumber(p15)).toBe(15);
    expect(fiveYearPlanNumber({ baselineYear: 1965, targetYear: 1970 })).toBe(3);
    expect(fiveYearPlanNumber(vision)).toBeNull();
    expect(fiveYearPlanNumber({ baselineYear: 2021, targetYear: 2026 })).toBeNull();
    expect(periodName(p14)).toBe('十四五');
    expect(periodName(p15, 'en')).toBe('15th FYP');
    expect(periodName({ baselineYear: 2015, targetYear: 2020 })).toBe('十三五');
    expect(periodName(vision)).toBe('2021–2035');
    expect(periodLabel(p15)).toBe('十五五（2026–2030）');
    expect(periodLabel(p14, 'en')).toBe('14th FYP (2021–2025)');
    expect(chineseNumber(21)).toBe('二十一');
    expect(chineseNumber(10)).toBe('十');
  });
  it('reads every way a user writes a period, and refuses the rest', () => {
    const span14 = { baselineYear: 2020, targetYear: 2025 };
    for (const text of [
      '2021-2025',
      '2021–2025',
      ' 2021 — 2025 ',
      '14',
      '十四五',
      '“十四五”',
      '十四五规划',
      '14th',
    ])
      expect(parsePeriod(text), text).toEqual(span14);
    expect(parsePeriod('十五五')).toEqual({ baselineYear: 2025, targetYear: 2030 });
    expect(parsePeriod('十三五')).toEqual({ baselineYear: 2015, targetYear: 2020 });
    expect(parsePeriod('2021-2035')).toEqual({ baselineYear: 2020, targetYear: 2035 });
    for (const text of ['', '2025', '2025-2021', '十四', '五五五', 'abc', '99', '2021-2025-2030'])
      expect(parsePeriod(text), text).toBeNull();
  });
});

describe('which plan a year belongs to', () => {
  const plans = [p15, p14];
  it('covers B < E ≤ Y', () => {
    expect(coversYear(p14, 2020)).toBe(false);
    expect(coversYear(p14, 2025)).toBe(true);
    expect(coversYear(p15, 2025)).toBe(false);
    expect(planYears(p14)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });
  it('chooses the period asked for, else the year’s plan, else the reporting year’s', () => {
    expect(choosePlan(plans, { period: { baselineYear: 2025, targetYear: 2030 } }, 2025)).toBe(p15);
    expect(
      choosePlan(plans, { period: { baselineYear: 2015, targetYear: 2020 } }, 2025),
    ).toBeNull();
    expect(choosePlan(plans, { year: 2023 }, 2026)).toBe(p14);
    // 2025 is the 14th's target year and the 15th's baseline: evaluated, it is the 14th's.
    expect(choosePlan(plans, { year: 2025 }, 2026)).toBe(p14);
    expect(choosePlan(plans, { year: 2027 }, 2025)).toBe(p15);
    expect(choosePlan(plans, {}, 2025)).toBe(p14);
    expect(choosePlan(plans, {}, 2026)).toBe(p15);
    // A year no plan covers: the reporting year's plan.
    expect(choosePlan(plans, { year: 2040 }, 2025)).toBe(p14);
  });
  it('falls back to the next plan to start, else the latest', () => {
    expect(choosePlan([p15], {}, 2024)).toBe(p15);
    expect(choosePlan([p14], {}, 2031)).toBe(p14);
    expect(choosePlan([p15], {}, 2025)).toBe(p15);
    expect(choosePlan([], {}, 2025)).toBeNull();
  });
  it('only the baseline year of a plan picks that plan', () => {
    expect(choosePlan([p15], { year: 2025 }, 2030)).toBe(p15);
  });
  it('opens a plan at the reporting year, held within its period', () => {
    expect(defaultYear(p14, 2025)).toBe(2025);
    expect(defaultYear(p14, 2026)).toBe(2025);
    expect(defaultYear(p15, 2025)).toBe(2026);
    expect(defaultYear(p15, 2027)).toBe(2027);
  });
  it('names the round a year asks for', () => {
    expect(roundKind(p14, 2025)).toBe('final');
    expect(roundKind(p14, 2023)).toBe('midterm');
    expect(roundKind(p14, 2024)).toBe('annual');
    expect(roundKind(p15, 2028)).toBe('midterm');
  });
  it('reports the year before the calendar year', () => {
    expect(reportingYearAt(new Date('2026-12-02T00:00:00Z'))).toBe(2025);
  });
});
