import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentSettingsSchema,
  comparatorSchema,
  directionSchema,
  targetFormSchema,
  type Comparator,
  type Indicator,
  type YearValue,
} from '../plan';
import { assessPlan } from './assess';
import { STATUSES, type Status } from './status';
import { actual, assess, indicator, numbersOf, period } from './test-support';
import type { IndicatorAssessment } from './types';

const anyNumber = fc.double({ noNaN: true, noDefaultInfinity: true });
const plainNumber = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const anyIndicator = (seq: number, numbers: fc.Arbitrary<number>): fc.Arbitrary<Indicator> =>
  fc
    .record({
      form: fc.constantFrom(...targetFormSchema.options),
      baseline: maybe(numbers),
      value: maybe(numbers),
      rate: maybe(numbers),
      cumulative: maybe(numbers),
      sumOf: maybe(fc.constantFrom('values' as const, 'increases' as const)),
      comparator: maybe(fc.constantFrom(...comparatorSchema.options)),
      tolerance: fc.double({ min: 0, max: 1e6, noNaN: true }),
      direction: maybe(fc.constantFrom(...directionSchema.options)),
      linkedTo: maybe(fc.constantFrom(1, 2, 3)),
      attribute: fc.constantFrom('expected' as const, 'binding' as const),
    })
    .map(({ attribute, ...target }) => indicator(target, { seq, attribute }));

const anyValue = (numbers: fc.Arbitrary<number>): fc.Arbitrary<YearValue> =>
  fc.record({
    seq: fc.constantFrom(1, 2, 3),
    year: fc.integer({ min: 2018, max: 2027 }),
    kind: fc.constantFrom('actual' as const, 'assigned_target' as const),
    value: numbers,
    comparator: fc.option(fc.constantFrom(...comparatorSchema.options), { nil: undefined }),
  });

const anySettings = fc.record({
  epsilon: fc.double({ min: 0, max: 1, noNaN: true }),
  seriousPace: fc.double({ min: 0, max: 1, noNaN: true }),
  aboutTolerance: fc.double({ min: 0, max: 100, noNaN: true }),
  linkedTolerance: fc.double({ min: 0, max: 100, noNaN: true }),
  rateSeriousGap: fc.double({ min: 0, max: 100, noNaN: true }),
  requiredRateGap: fc.double({ min: 0, max: 100, noNaN: true }),
  changeThreshold: fc.constant(0.5),
});

const anyPlan = (numbers: fc.Arbitrary<number>) =>
  fc.record({
    indicators: fc.tuple(
      anyIndicator(1, numbers),
      anyIndicator(2, numbers),
      anyIndicator(3, numbers),
    ),
    values: fc.array(anyValue(numbers), { maxLength: 30 }),
    year: fc.integer({ min: 2018, max: 2027 }),
    settings: anySettings,
  });

function wellFormed(a: IndicatorAssessment): void {
  expect(STATUSES).toContain(a.status);
  for (const n of numbersOf(a)) expect(Number.isFinite(n)).toBe(true);
  for (const text of [a.reason.zh, a.reason.en]) {
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
  }
}

describe('properties', () => {
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

  const rank: Partial<Record<Status, number>> = {
    achieved: 0,
    on_track: 1,
    lagging: 2,
    seriously_lagging: 3,
  };

  it('for an increasing level indicator a higher latest actual never gives a worse status', () => {
    const input = fc.record({
      baseline: plainNumber,
      rise: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      a: plainNumber,
      more: fc.double({ min: 0, max: 1e6, noNaN: true }),
      year: fc.integer({ min: 2021, max: 2025 }),
      rate: maybe(fc.constant(6)),
    });
    fc.assert(
      fc.property(input, ({ baseline, rise, a, more, year, rate }) => {
        const ind = indicator({ form: 'level', baseline, value: baseline + rise, rate });
        const lower = assess(ind, [actual(year, a)], year).status;
        const higher = assess(ind, [actual(year, a + more)], year).status;
        expect(rank[higher]).toBeLessThanOrEqual(rank[lower] ?? -1);
      }),
      { numRuns: 2000 },
    );
  });

  it('for a bound, moving the value across the bound flips met/breached and nothing else', () => {
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
        expect([good.status, good.years[0]?.met, good.bindingWarning]).toEqual([
          'on_track',
          true,
          false,
        ]);
        expect([bad.status, bad.years[0]?.met, bad.bindingWarning]).toEqual([
          'seriously_lagging',
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
