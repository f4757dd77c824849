import type { Comparator, Indicator, Target, TargetForm, YearValue } from '@pm/core';

export const period = { baselineYear: 2020, midtermYear: 2023, targetYear: 2025 };

/** mulberry32: a small seeded PRNG, so every run assesses the same districts. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Spec = Partial<Target> & { form: TargetForm };

/** 20 indicators covering every form, with the comparators and directions the plans use. */
export const SPECS: Spec[] = [
  {
    form: 'level',
    baseline: 272,
    value: 391.9,
    rate: 7,
    comparator: 'at_least',
    direction: 'increase',
  },
  { form: 'level', baseline: 50, value: 70, direction: 'increase' },
  { form: 'level', baseline: 55, value: 38, direction: 'decrease' },
  { form: 'level', baseline: -2, value: 3, direction: 'increase', baselineYear: 2019 },
  { form: 'level', baseline: null, value: 85, comparator: 'at_least', direction: 'increase' },
  { form: 'annual_rate', rate: 6, comparator: 'about', tolerance: 0.5 },
  { form: 'annual_rate', rate: 7, comparator: 'at_least' },
  { form: 'annual_rate', rate: 3, comparator: 'at_most' },
  { form: 'cumulative', cumulative: 2.9, sumOf: 'values' },
  { form: 'cumulative', baseline: 10, cumulative: 1.05, sumOf: 'increases' },
  { form: 'cumulative', cumulative: 15, sumOf: 'compound', direction: 'decrease' },
  { form: 'bound', value: 4, comparator: 'below', direction: 'decrease' },
  { form: 'bound', baseline: 2, value: 2.5, comparator: 'at_least' },
  { form: 'bound', value: 95, comparator: 'about', tolerance: 1 },
  { form: 'maintain', baseline: 100, value: 100, direction: 'maintain' },
  { form: 'assigned', direction: 'increase' },
  { form: 'assigned', direction: 'decrease' },
  { form: 'linked', linkedTo: 6 },
  { form: 'linked', linkedTo: 6, comparator: 'above', tolerance: 0 },
  { form: 'monitor', baseline: 12 },
];

export function makeIndicator(seq: number, spec: Spec, binding: boolean): Indicator {
  return {
    seq,
    category: ['经济发展', '创新驱动', '民生福祉', '绿色生态'][seq % 4] ?? '',
    name: `指标 ${seq}`,
    unit: '',
    attribute: binding ? 'binding' : 'expected',
    leadDepartment: null,
    raw: { baseline: null, target: null, rate: null, attribute: null },
    source: { document: 'bench', line: null, kind: 'table', quote: null },
    revisions: [],
    target: {
      baseline: null,
      value: null,
      rate: null,
      cumulative: null,
      sumOf: null,
      comparator: null,
      tolerance: null,
      direction: null,
      linkedTo: null,
      baselineYear: null,
      ...spec,
    },
  };
}

/** A plausible yearly figure for a spec: a level near its path, a rate near its target. */
function yearlyValue(spec: Spec, year: number, rnd: () => number): number {
  const tau = (year - period.baselineYear) / 5;
  const noise = rnd() - 0.5;
  switch (spec.form) {
    case 'annual_rate':
    case 'linked':
      return (spec.rate ?? 6) + noise * 3;
    case 'cumulative':
      return spec.sumOf === 'increases'
        ? (spec.baseline ?? 0) + (spec.cumulative ?? 0) * tau * (1 + noise)
        : ((spec.cumulative ?? 0) / 5) * (1 + noise);
    case 'level': {
      const b = spec.baseline ?? 80;
      return b + ((spec.value ?? b) - b) * tau * (1 + noise);
    }
    default:
      return (spec.value ?? spec.baseline ?? 66) + noise * 4;
  }
}

export interface District {
  indicators: Indicator[];
  values: YearValue[];
  year: number;
}

export function makeDistrict(d: number, rnd: () => number, lastYear = 2025): District {
  const indicators = SPECS.map((spec, i) => makeIndicator(i + 1, spec, rnd() < 0.3));
  const values: YearValue[] = [];
  SPECS.forEach((spec, i) => {
    const seq = i + 1;
    if (spec.form === 'level' && spec.baseline === null) {
      values.push({ seq, year: 2020, kind: 'actual', value: 80 });
    }
    for (let year = 2021; year <= lastYear; year++) {
      if (rnd() < 0.05) continue;
      values.push({ seq, year, kind: 'actual', value: yearlyValue(spec, year, rnd) });
      if (spec.form === 'assigned' && rnd() < 0.8) {
        const comparator: Comparator | null =
          rnd() < 0.5 ? null : spec.direction === 'decrease' ? 'at_most' : 'at_least';
        values.push({
          seq,
          year,
          kind: 'assigned_target',
          value: 66 + (rnd() - 0.5) * 4,
          comparator,
        });
      }
    }
  });
  return { indicators, values, year: 2023 + (d % 3) };
}
