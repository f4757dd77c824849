import {
  mayBeNegative,
  type Comparator,
  type Indicator,
  type PlanFile,
  type YearValue,
} from '@pm/core';
import {
  filledBaseline,
  inside,
  isPercent,
  lowIsGood,
  outside,
  plausible,
  typicalLevel,
  wrongSide,
  yearlyGrowth,
} from './figures';

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

type Graded = Exclude<DemoScenario, 'no_data'>;

/**
 * A path's completion: its pace against time up to the mid-term year (so many times the time
 * progress, at most `CAP`), then straight on to its completion at the target year. Those lagging
 * at mid-term catch up to 基本完成; those seriously lagging end 未完成; the others 完成.
 */
const PATH: Record<Graded, { pace: number; end: number }> = {
  on_track: { pace: 1.08, end: 1.02 },
  ahead: { pace: 1.3, end: 1.12 },
  achieved: { pace: 1.9, end: 1.4 },
  lagging: { pace: 0.75, end: 0.97 },
  serious: { pace: 0.3, end: 0.6 },
};
const CAP = 1.15;

/**
 * A yearly rate's distance from the edge of its band (pp, positive inside), before and after the
 * mid-term year: 基本完成 for those lagging at mid-term, 未完成 for those seriously lagging.
 */
const RATE_GAP: Record<Graded, { mid: number; end: number }> = {
  on_track: { mid: 0.4, end: 0.4 },
  ahead: { mid: 1.4, end: 1.4 },
  achieved: { mid: 0.4, end: 0.4 },
  lagging: { mid: -0.5, end: -0.1 },
  serious: { mid: -2.5, end: -2.5 },
};

const WOBBLE = [0.15, -0.15, 0];

interface Context {
  file: PlanFile;
  /** B + 1 … Y */
  years: number[];
  out: YearValue[];
}

/**
 * Deterministic illustrative figures (演示数据) for the years B + 1 … min(Y, upTo): the same plan
 * always gets the same values, and a year's figures do not depend on `upTo`. Where the plan left a
 * baseline blank and a path needs it, a plausible one is filled for year B. Every figure is
 * plausible for its unit (whole counts, percentages within 0–100); assigned targets (按市下达目标)
 * get a target from the city for each year.
 */
export function demoValues(file: PlanFile, upTo: number = file.plan.targetYear): YearValue[] {
  const { baselineYear: B, targetYear: Y } = file.plan;
  const ctx: Context = { file, years: Array.from({ length: Y - B }, (_, i) => B + 1 + i), out: [] };
  const graded = file.indicators.flatMap((ind) => {
    const scenario = demoScenario(file.district.code, ind.seq);
    return scenario === 'no_data' ? [] : [{ ind, scenario }];
  });
  for (const { ind, scenario } of graded) {
    const form = ind.target.form;
    if (form !== 'linked') FORMS[form](ctx, ind, scenario);
  }
  // A linked indicator follows its partner's figures, so it comes after them.
  for (const { ind, scenario } of graded)
    if (ind.target.form === 'linked') linkedFigures(ctx, ind, scenario);
  return ctx.out.filter((v) => v.year <= upTo);
}

type FormFigures = (ctx: Context, ind: Indicator, scenario: Graded) => void;

const FORMS: Record<Exclude<Indicator['target']['form'], 'linked'>, FormFigures> = {
  level: (ctx, ind, scenario) => {
    const { value: goal, baseline, direction } = ind.target;
    if (goal === null) return;
    const { baselineYear: B, targetYear: Y } = ctx.file.plan;
    const start = baseline ?? filledBaseline(ind, goal, Y - B, direction === 'decrease');
    pathFigures(ctx, ind, scenario, start, goal);
  },
  annual_rate: rateFigures,
  cumulative: cumulativeFigures,
  bound: boundFigures,
  maintain: boundFigures,
  assigned: assignedFigures,
  monitor: (ctx, ind) => {
    const b = ind.target.baseline;
    if (b === null) return;
    ctx.years.forEach((y, i) => actual(ctx, ind, y, b * (1 + 0.02 * (i + 1))));
  },
};

function actual(ctx: Context, ind: Indicator, year: number, value: number) {
  ctx.out.push({ seq: ind.seq, year, kind: 'actual', value: plausible(ind, value) });
}

/** The completion of a path at `year` (see PATH), from its own baseline year B′ when it has one. */
function completion(ctx: Context, ind: Indicator, scenario: Graded, year: number): number {
  const { baselineYear, midtermYear: M, targetYear: Y } = ctx.file.plan;
  const from = ind.target.baselineYear ?? baselineYear;
  const { pace, end } = PATH[scenario];
  const midway = (y: number) => Math.min(CAP, ((y - from) / (Y - from)) * pace);
  if (year <= M) return midway(year);
  return midway(M) + ((end - midway(M)) * (year - M)) / (Y - M);
}

/**
 * A level from `start` to `goal` along its scenario's path; a `start` the plan did not print is
 * the year-B figure.
 */
function pathFigures(ctx: Context, ind: Indicator, scenario: Graded, start: number, goal: number) {
  if (ind.target.baseline === null) actual(ctx, ind, ctx.file.plan.baselineYear, start);
  for (const y of ctx.years)
    actual(ctx, ind, y, start + (goal - start) * completion(ctx, ind, scenario, y));
}

function rateFigures(ctx: Context, ind: Indicator, scenario: Graded) {
  const t = ind.target;
  if (t.rate === null) return;
  const down = t.comparator !== null && lowIsGood(t.comparator);
  const tol = t.comparator === 'about' ? (t.tolerance ?? ctx.file.plan.settings.aboutTolerance) : 0;
  const edge = down ? t.rate + tol : t.rate - tol;
  const { midtermYear: M } = ctx.file.plan;
  ctx.years.forEach((y, i) => {
    const gap = y <= M ? RATE_GAP[scenario].mid : RATE_GAP[scenario].end;
    actual(ctx, ind, y, (down ? edge - gap : edge + gap) + (WOBBLE[i % 3] ?? 0));
  });
}

/**
 * A five-year total: the running total follows the scenario's path, each year's figure is what it
 * adds (whole for counts), or the level reached for `increases`, or the year's cut (growth) for
 * `compound`.
 */
function cumulativeFigures(ctx: Context, ind: Indicator, scenario: Graded) {
  const t = ind.target;
  const X = t.cumulative;
  if (X === null) return;
  if (t.sumOf === 'increases') {
    // Without a printed level, the one whose growth over the plan at its unit's pace is X.
    const { baselineYear: B, targetYear: Y } = ctx.file.plan;
    const start = plausible(
      ind,
      t.baseline ?? (t.value !== null ? t.value - X : X / ((1 + yearlyGrowth(ind)) ** (Y - B) - 1)),
    );
    return pathFigures(ctx, ind, scenario, start, start + X);
  }
  const total = (y: number) =>
    y === ctx.file.plan.baselineYear ? 0 : plausible(ind, X * completion(ctx, ind, scenario, y));
  for (const y of ctx.years) {
    const before = total(y - 1);
    const now = total(y);
    if (t.sumOf !== 'compound') actual(ctx, ind, y, now - before);
    else if (t.direction === 'decrease')
      actual(ctx, ind, y, (1 - (1 - now / 100) / (1 - before / 100)) * 100);
    else actual(ctx, ind, y, ((1 + now / 100) / (1 + before / 100) - 1) * 100);
  }
}

/**
 * A bound held every year, breached at the mid-term and target years when seriously lagging; a
 * bound whose baseline does not meet it is a line to reach, along a path.
 */
function boundFigures(ctx: Context, ind: Indicator, scenario: Graded) {
  const t = ind.target;
  const bound = t.form === 'maintain' ? t.baseline : t.value;
  if (bound === null) return;
  const comparator: Comparator = t.form === 'maintain' ? 'about' : (t.comparator ?? 'at_least');
  if (t.form === 'bound' && t.baseline !== null && wrongSide(t.baseline, bound, comparator))
    return pathFigures(ctx, ind, scenario, t.baseline, inside(ind, bound, comparator));
  const { midtermYear: M, targetYear: Y } = ctx.file.plan;
  for (const y of ctx.years) {
    const breach = scenario === 'serious' && (y === M || y === Y);
    actual(ctx, ind, y, breach ? outside(ind, bound, comparator) : inside(ind, bound, comparator));
  }
}

/**
 * The city's target of each year, moving the way the indicator should (a share by up to half a
 * point a year, a rate kept, a level at its yearly growth), and the year's figure beside it: met,
 * breached at the mid-term and target years when seriously lagging, and with no target yet at the
 * mid-term year when lagging (待下达目标).
 */
function assignedFigures(ctx: Context, ind: Indicator, scenario: Graded) {
  const t = ind.target;
  const comparator: Comparator =
    t.comparator ?? (t.direction === 'decrease' ? 'at_most' : 'at_least');
  const start = t.baseline ?? typicalLevel(ind, comparator);
  const sign = lowIsGood(comparator) ? -1 : 1;
  const step = mayBeNegative(ind)
    ? 0
    : isPercent(ind.unit)
      ? Math.min(0.5, start * 0.02)
      : start * yearlyGrowth(ind);
  const { midtermYear: M, targetYear: Y } = ctx.file.plan;
  ctx.years.forEach((y, i) => {
    const target = plausible(ind, start + sign * step * (i + 1));
    if (!(scenario === 'lagging' && y === M))
      ctx.out.push({ seq: ind.seq, year: y, kind: 'assigned_target', value: target, comparator });
    const breach = scenario === 'serious' && (y === M || y === Y);
    ctx.out.push({
      seq: ind.seq,
      year: y,
      kind: 'actual',
      value: breach ? outside(ind, target, comparator) : inside(ind, target, comparator),
    });
  });
}

/**
 * Its partner's figure of the same year (a level partner's growth), a little above it, or well
 * below it when seriously lagging.
 */
function linkedFigures(ctx: Context, ind: Indicator, scenario: Graded) {
  const partner = ctx.file.indicators.find((i) => i.seq === ind.target.linkedTo);
  if (!partner) return;
  const B = ctx.file.plan.baselineYear;
  const at = (y: number) =>
    y === B && partner.target.baseline !== null
      ? partner.target.baseline
      : ctx.out.find((v) => v.seq === partner.seq && v.year === y && v.kind === 'actual')?.value;
  for (const y of ctx.years) {
    const now = at(y);
    const before = at(y - 1);
    // A level partner (GDP in 亿元) is tracked by its growth, as the engine reads it.
    const value =
      partner.target.form === 'level'
        ? now !== undefined && before !== undefined && before !== 0
          ? (now / before - 1) * 100
          : undefined
        : now;
    if (value !== undefined) actual(ctx, ind, y, value + (scenario === 'serious' ? -1.5 : 0.2));
  }
}
