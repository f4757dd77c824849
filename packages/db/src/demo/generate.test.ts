import { describe, expect, it } from 'vitest';
import {
  assessPlan,
  concernsFor,
  GRADES,
  mayBeNegative,
  NOT_GRADED,
  type Indicator,
  type PlanFile,
  type Status,
  type YearValue,
} from '@pm/core';
import { builtInPlans } from '../seed/builtin';
import { demoScenario, demoValues } from './generate';

const plans = builtInPlans();
const yearsOf = (file: PlanFile) => {
  const { baselineYear: B, targetYear: Y } = file.plan;
  return Array.from({ length: Y - B }, (_, i) => B + 1 + i);
};
const figuresOf = (values: YearValue[], ind: Indicator, kind: YearValue['kind'] = 'actual') =>
  values.filter((v) => v.seq === ind.seq && v.kind === kind).sort((a, b) => a.year - b.year);

const COUNTED = /^(个|所|家|项|人|名|座|条|处|户)$/;
const PER_HEAD = /^每|人均/;

function statusesAt(year: (file: PlanFile) => number): Set<Status> {
  const seen = new Set<Status>();
  for (const file of plans) {
    const result = assessPlan({
      plan: file.plan,
      indicators: file.indicators,
      values: demoValues(file),
      year: year(file),
    });
    for (const a of result.indicators) seen.add(a.status);
  }
  return seen;
}

describe('illustrative figures of the five built-in plans', () => {
  it('cover every year B + 1 … Y of each indicator that has any, and no other year', () => {
    for (const file of plans) {
      const values = demoValues(file);
      for (const ind of file.indicators) {
        const years = figuresOf(values, ind).map((v) => v.year);
        if (demoScenario(file.district.code, ind.seq) === 'no_data') {
          expect(years, `${file.district.code}/${ind.seq}`).toEqual([]);
          continue;
        }
        if (years.length === 0) continue;
        const blank = years[0] === file.plan.baselineYear;
        expect(years, `${file.district.code}/${ind.seq}`).toEqual(
          blank ? [file.plan.baselineYear, ...yearsOf(file)] : yearsOf(file),
        );
      }
    }
  });

  it('fill a year-B figure only for a baseline the plan left blank', () => {
    for (const file of plans) {
      const B = file.plan.baselineYear;
      for (const v of demoValues(file).filter((x) => x.year === B)) {
        const ind = file.indicators.find((i) => i.seq === v.seq)!;
        expect(ind.target.baseline, `${file.district.code}/${ind.seq}`).toBeNull();
        expect(v.kind).toBe('actual');
      }
    }
  });

  it('are plausible for the unit: shares within 0–100, counts whole, no level below zero', () => {
    for (const file of plans) {
      const values = demoValues(file);
      for (const ind of file.indicators) {
        for (const v of values.filter((x) => x.seq === ind.seq)) {
          const where = `${file.district.code}/${ind.seq} ${ind.name} ${v.year} ${v.kind} ${v.value}`;
          if (ind.unit === '%' || ind.unit === '％') {
            expect(v.value, where).toBeGreaterThanOrEqual(0);
            expect(v.value, where).toBeLessThanOrEqual(100);
          }
          if (COUNTED.test(ind.unit) && !PER_HEAD.test(ind.name))
            expect(Number.isInteger(v.value), where).toBe(true);
          const concerns = concernsFor(v.value, ind, null, file.plan.settings);
          expect(concerns, where).toEqual([]);
        }
      }
    }
  });

  it('move along a path: a level (not a rate) never jumps by more than the plan’s change threshold', () => {
    const levels = new Set(['level', 'bound', 'maintain', 'monitor', 'assigned']);
    for (const file of plans) {
      const values = demoValues(file);
      for (const ind of file.indicators) {
        const increases = ind.target.form === 'cumulative' && ind.target.sumOf === 'increases';
        if ((!levels.has(ind.target.form) && !increases) || mayBeNegative(ind)) continue;
        for (const kind of ['actual', 'assigned_target'] as const) {
          const series = figuresOf(values, ind, kind);
          series.slice(1).forEach((v, i) => {
            const previous = series[i]!.value;
            const where = `${file.district.code}/${ind.seq} ${ind.name} ${previous} → ${v.value}`;
            const change = concernsFor(v.value, ind, previous, file.plan.settings);
            expect(change, where).toEqual([]);
          });
        }
      }
    }
  });

  it('fill a blank baseline near the target, in the target’s terms', () => {
    for (const file of plans) {
      const values = demoValues(file);
      for (const ind of file.indicators.filter((i) => i.target.form === 'level')) {
        const [first] = figuresOf(values, ind);
        const goal = ind.target.value;
        if (first?.year !== file.plan.baselineYear || goal === null) continue;
        const where = `${file.district.code}/${ind.seq} ${ind.name}: ${first.value} → ${goal}`;
        expect(first.value, where).toBeLessThan(goal);
        if (ind.unit === '%') expect(goal - first.value, where).toBeLessThanOrEqual(8);
        else expect(first.value, where).toBeGreaterThan(goal / 1.5);
      }
    }
  });

  it('give an assigned target with no number a figure of its unit’s size (人均预期寿命 in 岁)', () => {
    const yuhua = plans.find((f) => f.district.code === '130108')!;
    const life = yuhua.indicators.find((i) => i.name === '人均预期寿命')!;
    expect(life.target).toMatchObject({ form: 'assigned', baseline: null, value: null });
    for (const v of demoValues(yuhua).filter((x) => x.seq === life.seq)) {
      expect(v.value).toBeGreaterThan(70);
      expect(v.value).toBeLessThan(90);
    }
  });

  it('give assigned targets (按市下达目标) a city target every year, but the mid-term one of those awaiting it', () => {
    for (const file of plans) {
      const values = demoValues(file);
      for (const ind of file.indicators.filter((i) => i.target.form === 'assigned')) {
        const scenario = demoScenario(file.district.code, ind.seq);
        if (scenario === 'no_data') continue;
        const targeted = figuresOf(values, ind, 'assigned_target').map((v) => v.year);
        const awaiting = scenario === 'lagging' ? [file.plan.midtermYear] : [];
        expect(targeted, `${file.district.code}/${ind.seq}`).toEqual(
          yearsOf(file).filter((y) => !awaiting.includes(y)),
        );
        for (const v of figuresOf(values, ind, 'assigned_target'))
          expect(v.comparator).toBeTruthy();
      }
    }
  });

  it('show every mid-period grade and ungraded status at the mid-term year', () => {
    expect([...statusesAt((f) => f.plan.midtermYear)].sort()).toEqual(
      [...GRADES.progress, ...NOT_GRADED].sort(),
    );
  });

  it('show every end grade (完成, 基本完成, 未完成) at the target year', () => {
    const seen = statusesAt((f) => f.plan.targetYear);
    for (const s of [...GRADES.end, 'no_data', 'not_assessed'] as const) expect(seen).toContain(s);
    for (const s of ['ahead', 'on_track', 'lagging', 'seriously_lagging'] as const)
      expect(seen).not.toContain(s);
  });

  it('stop at the reporting year, a year’s figures the same whatever year that is', () => {
    for (const file of plans) {
      const all = demoValues(file);
      expect(demoValues(file, file.plan.targetYear)).toEqual(all);
      for (const upTo of [file.plan.baselineYear, ...yearsOf(file)])
        expect(demoValues(file, upTo)).toEqual(all.filter((v) => v.year <= upTo));
    }
  });

  it('are the same for the same plan, and move with its period', () => {
    for (const file of plans) {
      expect(demoValues(structuredClone(file))).toEqual(demoValues(file));
      const later: PlanFile = {
        ...file,
        plan: {
          ...file.plan,
          baselineYear: file.plan.baselineYear + 5,
          midtermYear: file.plan.midtermYear + 5,
          targetYear: file.plan.targetYear + 5,
        },
      };
      expect(demoValues(later)).toEqual(demoValues(file).map((v) => ({ ...v, year: v.year + 5 })));
    }
  });
});
