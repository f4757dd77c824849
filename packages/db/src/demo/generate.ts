import type { Comparator, Indicator, PlanFile, YearValue } from '@pm/core';

/** What the illustrative figures of one indicator are made to show. */
export type DemoScenario = 'on_track' | 'ahead' | 'lagging' | 'serious' | 'achieved' | 'no_data';

// More indicators on track than not, as in a real mid-term; the rotation makes every plan show each.
const ROTATION: readonly DemoScenario[] = [
  'on_track',
  'lagging',
  'serious',
  'ahead',
  'achieved',
  'no_data',
  'on_track',
];

export function demoScenario(code: string, seq: number): DemoScenario {
  const offset = [...code].reduce((sum, d) => sum + Number(d), 0);
  return ROTATION[(offset + seq) % ROTATION.length] ?? 'on_track';
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Deterministic illustrative figures (演示数据) for the years after B up to the mid-term year: the
 * same plan always gets the same values. Baselines the plan left blank are filled for year B.
 */
export function demoValues(file: PlanFile): YearValue[] {
  const { baselineYear: B, midtermYear: M, targetYear: Y } = file.plan;
  const years = Array.from({ length: M - B }, (_, i) => B + 1 + i);
  const tau = (y: number) => (y - B) / (Y - B);
  const out: YearValue[] = [];
  const actual = (seq: number, year: number, value: number) =>
    out.push({ seq, year, kind: 'actual', value: round(value) });
  const linked: Indicator[] = [];

  for (const ind of file.indicators) {
    const scenario = demoScenario(file.district.code, ind.seq);
    if (scenario === 'no_data') continue;
    const t = ind.target;
    const wobble = (i: number) => [0.15, -0.15, 0][i % 3] ?? 0;
    switch (t.form) {
      case 'level': {
        if (t.value === null) break;
        const b = t.baseline ?? round(t.value * 0.7);
        if (t.baseline === null) actual(ind.seq, B, b);
        const f = { on_track: 1.08, ahead: 1.3, lagging: 0.75, serious: 0.3, achieved: 1.9 }[
          scenario
        ];
        for (const y of years) actual(ind.seq, y, b + (t.value - b) * Math.min(1.15, tau(y) * f));
        break;
      }
      case 'annual_rate': {
        if (t.rate === null) break;
        const down = t.comparator === 'at_most' || t.comparator === 'below';
        const tol =
          t.comparator === 'about' ? (t.tolerance ?? file.plan.settings.aboutTolerance) : 0;
        const edge = down ? t.rate + tol : t.rate - tol;
        const gap = { on_track: -0.4, ahead: -1.4, achieved: -0.4, lagging: 0.5, serious: 2.5 }[
          scenario
        ];
        years.forEach((y, i) => actual(ind.seq, y, (down ? edge + gap : edge - gap) + wobble(i)));
        break;
      }
      case 'cumulative': {
        if (t.cumulative === null) break;
        const f = { on_track: 1.08, ahead: 1.3, lagging: 0.8, serious: 0.35, achieved: 1.75 }[
          scenario
        ];
        const perYear = (t.cumulative / (Y - B)) * f;
        years.forEach((y, i) => {
          if (t.sumOf === 'increases') actual(ind.seq, y, (t.baseline ?? 0) + perYear * (i + 1));
          else actual(ind.seq, y, perYear);
        });
        break;
      }
      case 'bound':
      case 'maintain': {
        const bound = t.form === 'maintain' ? t.baseline : t.value;
        if (bound === null) break;
        const comparator: Comparator =
          t.form === 'maintain' ? 'about' : (t.comparator ?? 'at_least');
        years.forEach((y, i) => {
          const breach = scenario === 'serious' && i === years.length - 1;
          actual(ind.seq, y, breach ? outside(bound, comparator) : inside(bound, comparator));
        });
        break;
      }
      case 'assigned': {
        const comparator: Comparator =
          t.comparator ?? (t.direction === 'decrease' ? 'at_most' : 'at_least');
        const start = t.baseline ?? 3;
        years.forEach((y, i) => {
          const target = round(
            comparator === 'at_most' || comparator === 'below'
              ? start - 0.5 * i
              : start + 0.5 * (i + 1),
          );
          const last = i === years.length - 1;
          const awaiting = scenario === 'lagging' && last;
          if (!awaiting)
            out.push({ seq: ind.seq, year: y, kind: 'assigned_target', value: target, comparator });
          actual(
            ind.seq,
            y,
            scenario === 'serious' && last
              ? outside(target, comparator)
              : inside(target, comparator),
          );
        });
        break;
      }
      case 'linked':
        linked.push(ind);
        break;
      case 'monitor': {
        if (t.baseline === null) break;
        years.forEach((y, i) => actual(ind.seq, y, t.baseline! * (1 + 0.02 * (i + 1))));
        break;
      }
    }
  }

  for (const ind of linked) {
    const scenario = demoScenario(file.district.code, ind.seq);
    const partner = file.indicators.find((i) => i.seq === ind.target.linkedTo);
    if (!partner) continue;
    const at = (y: number) =>
      y === B && partner.target.baseline !== null
        ? partner.target.baseline
        : out.find((v) => v.seq === partner.seq && v.year === y && v.kind === 'actual')?.value;
    for (const y of years) {
      const now = at(y);
      const before = at(y - 1);
      // A level partner (GDP in 亿元) is tracked by its growth, as the engine reads it.
      const value =
        partner.target.form === 'level'
          ? now && before
            ? (now / before - 1) * 100
            : undefined
          : now;
      if (value !== undefined) actual(ind.seq, y, value + (scenario === 'serious' ? -1.5 : 0.2));
    }
  }
  return out;
}

/** A value clearly on the right side of `bound`. */
function inside(bound: number, comparator: Comparator): number {
  const margin = Math.max(0.3, Math.abs(bound) * 0.01);
  if (comparator === 'at_most' || comparator === 'below') return bound - margin;
  if (comparator === 'about') return bound;
  return bound + margin;
}

/** A value clearly on the wrong side of `bound`. */
function outside(bound: number, comparator: Comparator): number {
  const margin = Math.max(1, Math.abs(bound) * 0.03);
  if (comparator === 'at_most' || comparator === 'below') return bound + margin;
  return bound - margin;
}
