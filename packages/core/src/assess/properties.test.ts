import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentSettingsSchema, type Comparator } from '../plan';
import { assessPlan } from './assess';
import { compoundTotal } from './cumulative';
import { GRADES, isBindingWarning, NOT_GRADED, STATUSES, type Status } from './status';
import {
  anyCase,
  anyNumber,
  anyPlan,
  caseOf,
  plainNumber,
  type PlanCase,
} from './test-arbitraries';
import { actual, assess, indicator, numbersOf, period } from './test-support';
import type { IndicatorAssessment } from './types';

function wellFormed(a: IndicatorAssessment): void {
  expect(STATUSES).toContain(a.status);
  for (const n of numbersOf(a)) expect(Number.isFinite(n)).toBe(true);
  for (const text of [a.reason.zh, a.reason.en]) {
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
  }
}

const plan = { ...period, settings: assessmentSettingsSchema.parse({}) };
const run = (c: Pick<PlanCase, 'indicators' | 'values' | 'year'>) =>
  assessPlan({ plan, indicators: c.indicators, values: c.values, year: c.year }).indicators[0]!;

/** Better grades rank lower; raising a figure can only move within one phase. */
const rank: Record<Status, number> = {
  achieved: 0,
  ahead: 1,
  on_track: 2,
  lagging: 3,
  seriously_lagging: 4,
  basically_achieved: 1,
  not_achieved: 2,
  awaiting_target: 9,
  no_data: 9,
  not_assessed: 9,
};

describe('properties on any numbers', () => {
  it('results are total and finite for any finite input', () => {
    fc.assert(
      fc.property(anyPlan(anyNumber), ({ indicators, values, year, settings }) => {
        const plan = { ...period, settings: assessmentSettingsSchema.parse(settings) };
        const result = assessPlan({ plan, indicators, values, year });
        result.indicators.forEach(wellFormed);
        const share = result.summary.shareOnTrack;
        expect(share === null || (share >= 0 && share <= 1)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('status never depends on the order of the values', () => {
    const shuffled = anyPlan(plainNumber).chain((p) =>
      fc.tuple(fc.constant(p), fc.shuffledSubarray(p.values, { minLength: p.values.length })),
    );
    fc.assert(
      fc.property(shuffled, ([{ indicators, values, year, settings }, reordered]) => {
        const plan = { ...period, settings: assessmentSettingsSchema.parse(settings) };
        expect(assessPlan({ plan, indicators, values: reordered, year })).toEqual(
          assessPlan({ plan, indicators, values, year }),
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the generated plans reach every grade of every form', () => {
  const reachable: Record<PlanCase['form'], Status[]> = {
    level: [...GRADES.progress, ...GRADES.end, 'no_data'],
    cumulative: [...GRADES.progress, ...GRADES.end, 'no_data'],
    // An average rate is never 提前实现 midway: only its average so far is known.
    annual_rate: ['ahead', 'on_track', 'lagging', 'seriously_lagging', ...GRADES.end, 'no_data'],
    bound: [...GRADES.progress, ...GRADES.end, 'no_data'],
    maintain: ['on_track', 'seriously_lagging', 'achieved', 'not_achieved', 'no_data'],
    assigned: [
      'on_track',
      'seriously_lagging',
      'achieved',
      'not_achieved',
      'awaiting_target',
      'no_data',
    ],
    linked: ['on_track', 'seriously_lagging', 'achieved', 'not_achieved', 'no_data'],
    monitor: ['not_assessed'],
  };

  it.each(Object.keys(reachable) as PlanCase['form'][])('%s', (form) => {
    const seen = new Map<string, number>();
    const samples = fc.sample(caseOf[form], { numRuns: 3000, seed: 14 });
    for (const c of samples) {
      const a = run(c);
      const key = `${a.phase}:${a.status}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const statuses = new Set([...seen.keys()].map((k) => k.split(':')[1]));
    expect([...statuses].sort()).toEqual([...new Set(reachable[form])].sort());
    for (const s of GRADES.end.filter((g) => reachable[form].includes(g))) {
      expect(seen.get(`end:${s}`) ?? 0, `end:${s}`).toBeGreaterThan(0);
    }
    // The properties test graded figures, not the missing-data path.
    const missing = (seen.get('progress:no_data') ?? 0) + (seen.get('end:no_data') ?? 0);
    expect(missing / samples.length).toBeLessThan(0.1);
  });
});

describe('properties on plans around the thresholds', () => {
  it('results are well formed, and each grade belongs to its phase', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        const a = run(c);
        wellFormed(a);
        const year = a.latestYear ?? Math.min(c.year, period.targetYear);
        expect(a.phase).toBe(year === period.targetYear ? 'end' : 'progress');
        expect([...GRADES[a.phase], ...NOT_GRADED]).toContain(a.status);
        expect(a.bindingWarning).toBe(isBindingWarning(a.attribute, a.status));
        if (a.phase === 'end') expect(a.projection).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('status never depends on the order of the values', () => {
    const shuffled = anyCase.chain((c) =>
      fc.tuple(fc.constant(c), fc.shuffledSubarray(c.values, { minLength: c.values.length })),
    );
    fc.assert(
      fc.property(shuffled, ([c, reordered]) => {
        expect(run({ ...c, values: reordered })).toEqual(run(c));
      }),
      { numRuns: 1000 },
    );
  });

  it('making any actual better never gives a worse grade', () => {
    const input = anyCase
      .filter((c) => c.better !== null && c.values.some((v) => v.seq === 1 && v.kind === 'actual'))
      .chain((c) =>
        fc.record({
          c: fc.constant(c),
          pick: fc.nat(),
          more: fc.double({ min: 0, max: 30, noNaN: true }),
        }),
      );
    fc.assert(
      fc.property(input, ({ c, pick, more }) => {
        const own = c.values
          .map((v, i) => ({ v, i }))
          .filter(({ v }) => v.seq === 1 && v.kind === 'actual');
        const { i } = own[pick % own.length]!;
        const values = c.values.map((v, j) =>
          j === i ? { ...v, value: v.value + c.better! * more } : v,
        );
        const before = run(c);
        const after = run({ ...c, values });
        expect(after.phase).toBe(before.phase);
        expect(rank[after.status]).toBeLessThanOrEqual(rank[before.status]);
      }),
      { numRuns: 3000 },
    );
  });

  it('a compound reduction never exceeds the plain sum, nor a compound growth falls short of it', () => {
    const cuts = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 10 });
    fc.assert(
      fc.property(cuts, (yearly) => {
        const sum = yearly.reduce((s, a) => s + a, 0);
        const reduced = compoundTotal(yearly, true);
        expect(reduced).toBeLessThanOrEqual(sum + 1e-9 * Math.max(1, sum));
        expect(reduced).toBeLessThanOrEqual(100 + 1e-9);
        expect(compoundTotal(yearly, false)).toBeGreaterThanOrEqual(sum - 1e-9 * Math.max(1, sum));
      }),
      { numRuns: 2000 },
    );
  });

  it('for a bound held from its baseline, moving the value across the bound flips met/breached and nothing else', () => {
    const input = fc.record({
      comparator: fc.constantFrom<Comparator>('at_least', 'at_most', 'below', 'above'),
      // Comparisons forgive 1e-9 relative float noise, so the gap stays above that.
      bound: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
      gap: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      year: fc.integer({ min: 2021, max: 2025 }),
    });
    fc.assert(
      fc.property(input, ({ comparator, bound, gap, year }) => {
        const ind = indicator(
          { form: 'bound', value: bound, comparator },
          { attribute: 'binding' },
        );
        const upper = comparator === 'at_least' || comparator === 'above';
        const good = assess(ind, [actual(year, upper ? bound + gap : bound - gap)], year);
        const bad = assess(ind, [actual(year, upper ? bound - gap : bound + gap)], year);
        const end = year === period.targetYear;
        expect([good.status, good.years[0]?.met, good.bindingWarning]).toEqual([
          end ? 'achieved' : 'on_track',
          true,
          false,
        ]);
        expect([bad.status, bad.years[0]?.met, bad.bindingWarning]).toEqual([
          end ? 'not_achieved' : 'seriously_lagging',
          false,
          true,
        ]);
        const valueFree = (a: IndicatorAssessment) => ({
          ...a,
          status: null,
          reason: null,
          bindingWarning: null,
          latestValue: null,
          years: a.years.map((y) => ({ ...y, value: null, met: null })),
        });
        expect(valueFree(good)).toEqual(valueFree(bad));
      }),
      { numRuns: 1000 },
    );
  });
});
