import fc from 'fast-check';
import { comparatorSchema, directionSchema, targetFormSchema } from '../plan';
import type { Attribute, Comparator, Indicator, Target, YearValue } from '../plan';
import { actual, assignedTarget, indicator } from './test-support';

/**
 * Plans of one subject indicator (seq 1, with a partner seq 2 for a linked target) whose figures
 * lie around the thresholds of spec §3, so that every grade of every form is reached, both midway
 * and at the end. `better` is the direction in which a figure is better (+1 higher, −1 lower),
 * null where neither is (an about bound).
 */
export interface PlanCase {
  form: Target['form'];
  indicators: Indicator[];
  values: YearValue[];
  year: number;
  better: 1 | -1 | null;
}

const YEARS = [2021, 2022, 2023, 2024, 2025];

/**
 * A number spread evenly over [min, max] in 10,000 steps. (fc.double draws evenly over the
 * floats themselves, which crowds its values near 0 and the grades into one or two.)
 */
const uniform = (min: number, max: number) =>
  fc.integer({ min: 0, max: 10_000 }).map((i) => min + ((max - min) * i) / 10_000);
/** The years with an approved actual: any of them, now and then none (no data). */
const years = fc.oneof(
  { weight: 19, arbitrary: fc.subarray(YEARS, { minLength: 1 }) },
  { weight: 1, arbitrary: fc.constant<number[]>([]) },
);
/** How far the evaluation year E lies after the latest year with data: mostly not at all. */
const evaluationYear = fc.constantFrom(0, 0, 0, 1, 2);
const yearOf = (ys: readonly number[], after: number) =>
  Math.min(2026, Math.max(2021, ...ys) + after);
const share = uniform(-0.4, 1.6);
const shares = fc.array(share, { minLength: 6, maxLength: 6 });
const attribute = fc.constantFrom<Attribute>('expected', 'binding');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const tolerance = fc.constantFrom<number | null>(null, 0, 0.5, 1);

const subject = (target: Partial<Target> & Pick<Target, 'form'>, attr: Attribute) =>
  indicator(target, { seq: 1, attribute: attr, name: '指标' });

const levelCase: fc.Arbitrary<PlanCase> = fc
  .record({
    b: uniform(-500, 500),
    span: uniform(1, 500),
    down: fc.boolean(),
    rate: maybe(fc.constant(6)),
    baselineYear: fc.constantFrom<number | null>(null, null, 2019),
    shares,
    years,
    year: evaluationYear,
    attr: attribute,
  })
  .map(({ b, span, down, rate, baselineYear, shares, years, year, attr }) => {
    const t = down ? b - span : b + span;
    const ind = subject(
      {
        form: 'level',
        baseline: b,
        value: t,
        rate,
        direction: down ? 'decrease' : 'increase',
        baselineYear,
      },
      attr,
    );
    const values = years.map((y, i) => actual(y, b + (shares[i] ?? 0) * (t - b)));
    return {
      form: 'level',
      indicators: [ind],
      values,
      year: yearOf(years, year),
      better: down ? -1 : 1,
    };
  });

const rateCase: fc.Arbitrary<PlanCase> = fc
  .record({
    r: uniform(-3, 12),
    comparator: fc.constantFrom<Comparator>('about', 'at_least', 'at_most'),
    tolerance,
    deltas: fc.array(uniform(-3.5, 3.5), {
      minLength: 5,
      maxLength: 5,
    }),
    years,
    year: evaluationYear,
    attr: attribute,
  })
  .map(({ r, comparator, tolerance, deltas, years, year, attr }) => {
    const ind = subject({ form: 'annual_rate', rate: r, comparator, tolerance }, attr);
    const values = years.map((y, i) => actual(y, r + (deltas[i] ?? 0)));
    return {
      form: 'annual_rate',
      indicators: [ind],
      values,
      year: yearOf(years, year),
      better: comparator === 'at_most' ? -1 : 1,
    };
  });

const cumulativeCase: fc.Arbitrary<PlanCase> = fc
  .record({
    x: uniform(1, 30),
    sumOf: fc.constantFrom('values' as const, 'increases' as const, 'compound' as const),
    reduction: fc.boolean(),
    b: uniform(0, 100),
    factors: fc.array(uniform(-0.3, 2.2), {
      minLength: 5,
      maxLength: 5,
    }),
    years,
    year: evaluationYear,
    attr: attribute,
  })
  .map(({ x, sumOf, reduction, b, factors, years, year, attr }) => {
    const ind = subject(
      {
        form: 'cumulative',
        cumulative: x,
        sumOf,
        baseline: sumOf === 'increases' ? b : null,
        direction: reduction ? 'decrease' : 'increase',
      },
      attr,
    );
    let level = b;
    const values = years.map((y, i) => {
      const step = (x / 5) * (factors[i] ?? 0);
      level += step;
      return actual(y, sumOf === 'increases' ? level : step);
    });
    return { form: 'cumulative', indicators: [ind], values, year: yearOf(years, year), better: 1 };
  });

const boundCase: fc.Arbitrary<PlanCase> = fc
  .record({
    t: uniform(-100, 100),
    comparator: fc.constantFrom<Comparator>('at_least', 'above', 'at_most', 'below', 'about'),
    tolerance,
    baseline: fc.constantFrom('none', 'meets', 'short', 'short'),
    offset: uniform(2, 20),
    shares,
    years,
    year: evaluationYear,
    attr: attribute,
  })
  .map(({ t, comparator, tolerance, baseline, offset, shares, years, year, attr }) => {
    const up = comparator === 'at_least' || comparator === 'above';
    const down = comparator === 'at_most' || comparator === 'below';
    const dir = down ? -1 : 1;
    const slack = (tolerance ?? 0.5) + offset;
    const b =
      baseline === 'none'
        ? null
        : baseline === 'meets'
          ? comparator === 'about'
            ? t
            : t + dir * slack
          : t - dir * slack;
    const ind = subject({ form: 'bound', value: t, baseline: b, comparator, tolerance }, attr);
    // A bound to reach walks from its baseline towards the bound; one to hold moves around it.
    const values = years.map((y, i) => {
      const k = shares[i] ?? 0;
      return actual(y, baseline === 'short' ? b! + k * (t - b!) : t + dir * (k - 0.3) * slack);
    });
    return {
      form: 'bound',
      indicators: [ind],
      values,
      year: yearOf(years, year),
      better: up ? 1 : down ? -1 : null,
    };
  });

const maintainCase: fc.Arbitrary<PlanCase> = fc
  .record({
    b: uniform(-100, 100),
    deltas: fc.array(fc.constantFrom(-1, -0.1, 0, 0, 0.1, 1), { minLength: 5, maxLength: 5 }),
    years,
    year: evaluationYear,
    attr: attribute,
  })
  .map(({ b, deltas, years, year, attr }) => {
    const ind = subject({ form: 'maintain', baseline: b, value: b, direction: 'maintain' }, attr);
    const values = years.map((y, i) => actual(y, b + (deltas[i] ?? 0)));
    return { form: 'maintain', indicators: [ind], values, year: yearOf(years, year), better: 1 };
  });

const assignedCase: fc.Arbitrary<PlanCase> = fc
  .record({
    comparator: fc.constantFrom<Comparator>('at_least', 'above'),
    rows: fc.array(
      fc.record({
        a: uniform(50, 90),
        target: maybe(uniform(60, 80)),
        own: fc.constantFrom<Comparator | undefined>(undefined, 'at_least', 'above'),
      }),
      { minLength: 5, maxLength: 5 },
    ),
    years,
    year: evaluationYear,
    attr: attribute,
  })
  .map(({ comparator, rows, years, year, attr }) => {
    const ind = subject({ form: 'assigned', comparator }, attr);
    const values = years.flatMap((y, i) => {
      const row = rows[i]!;
      const assigned = row.target === null ? [] : [assignedTarget(y, row.target, row.own)];
      return [actual(y, row.a), ...assigned];
    });
    return { form: 'assigned', indicators: [ind], values, year: yearOf(years, year), better: 1 };
  });

const linkedCase: fc.Arbitrary<PlanCase> = fc
  .record({
    partnerLevel: fc.boolean(),
    comparator: fc.constantFrom<Comparator>('at_least', 'above'),
    tolerance: fc.constantFrom<number | null>(null, 0),
    growth: fc.array(uniform(3, 8), { minLength: 5, maxLength: 5 }),
    deltas: fc.array(uniform(-1.5, 1.5), {
      minLength: 5,
      maxLength: 5,
    }),
    years,
    year: evaluationYear,
    attr: attribute,
  })
  .map(({ partnerLevel, comparator, tolerance, growth, deltas, years, year, attr }) => {
    const partner = indicator(
      partnerLevel
        ? { form: 'level', baseline: 100, value: 140, direction: 'increase' }
        : { form: 'annual_rate', rate: 6, comparator: 'about' },
      { seq: 2, name: '地区生产总值' },
    );
    const ind = subject({ form: 'linked', linkedTo: 2, comparator, tolerance }, attr);
    let level = 100;
    const values: YearValue[] = [];
    YEARS.forEach((y, i) => {
      const g = growth[i] ?? 5;
      level *= 1 + g / 100;
      values.push(actual(y, partnerLevel ? level : g, 2));
      if (years.includes(y)) values.push(actual(y, g + (deltas[i] ?? 0)));
    });
    return {
      form: 'linked',
      indicators: [ind, partner],
      values,
      year: yearOf(years, year),
      better: 1,
    };
  });

const monitorCase: fc.Arbitrary<PlanCase> = fc
  .record({
    years,
    year: evaluationYear,
    attr: attribute,
    v: uniform(-1e3, 1e3),
  })
  .map(({ years, year, attr, v }) => ({
    form: 'monitor',
    indicators: [subject({ form: 'monitor', baseline: v }, attr)],
    values: years.map((y) => actual(y, v)),
    year: yearOf(years, year),
    better: null,
  }));

export const caseOf: Record<Target['form'], fc.Arbitrary<PlanCase>> = {
  level: levelCase,
  annual_rate: rateCase,
  cumulative: cumulativeCase,
  bound: boundCase,
  maintain: maintainCase,
  assigned: assignedCase,
  linked: linkedCase,
  monitor: monitorCase,
};

/** Any form's case. */
export const anyCase: fc.Arbitrary<PlanCase> = fc.oneof(...Object.values(caseOf));

/** Any finite double, the extremes included; and doubles of a plausible size. */
export const anyNumber = fc.double({ noNaN: true, noDefaultInfinity: true });
export const plainNumber = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const anyIndicator = (seq: number, numbers: fc.Arbitrary<number>): fc.Arbitrary<Indicator> =>
  fc
    .record({
      form: fc.constantFrom(...targetFormSchema.options),
      baseline: maybe(numbers),
      value: maybe(numbers),
      rate: maybe(numbers),
      cumulative: maybe(numbers),
      sumOf: maybe(fc.constantFrom('values' as const, 'increases' as const, 'compound' as const)),
      comparator: maybe(fc.constantFrom(...comparatorSchema.options)),
      tolerance: maybe(fc.double({ min: 0, max: 1e6, noNaN: true })),
      baselineYear: maybe(fc.integer({ min: 2015, max: 2024 })),
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
  delta: fc.double({ min: 0, max: 10, noNaN: true }),
  rateAheadGap: fc.double({ min: 0, max: 100, noNaN: true }),
  rateBasicGap: fc.double({ min: 0, max: 100, noNaN: true }),
  changeThreshold: fc.constant(0.5),
});

/** Plans of three indicators of any form with any targets, values and settings. */
export const anyPlan = (numbers: fc.Arbitrary<number>) =>
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
