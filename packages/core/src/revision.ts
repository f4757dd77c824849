import { revisionAt } from './assess/assess';
import { targetSchema, type Indicator, type Target } from './plan';
import { readCell } from './parse/cell';
import { findGdp } from './parse/table';
import { isGrowthRate, isReduction, parseTarget } from './parse/target';
import { compact, sameUnit } from './parse/text';

/**
 * 动态调整 (spec §6): what an administrator types as a revised target, read with the plan's own
 * cell parser, so that "65", "85 以上", "[2.9]" or "年均增长 5% 左右" mean what they mean in the
 * printed table.
 */

/**
 * What an indicator's yearly figures are: levels in its unit (a level, a kept level, a total of
 * increases), yearly changes in % (growth rates, reductions), or yearly amounts that add up.
 */
export type FigureKind = 'levels' | 'changes' | 'amounts';

/** Why a revised target cannot be taken. `message` is English, for logs, API clients and the CLI. */
export type RevisionProblem = { message: string } & (
  | { reason: 'empty' }
  | { reason: 'unreadable'; detail: string }
  /** A number in another unit than the indicator's (`expected`; '%' or points for a growth rate). */
  | { reason: 'unit'; unit: string; expected: string }
  /** A target that reads other figures than the indicator's (`figures`). */
  | { reason: 'figures'; figures: FigureKind }
  /** Linked to economic growth in a plan with no GDP indicator. */
  | { reason: 'unlinked' }
  /** The same target as the one in force from that year. */
  | { reason: 'unchanged' }
);

export type RevisedTargetReading =
  { ok: true; target: Target } | { ok: false; problem: RevisionProblem };

const RATE_UNITS = ['', '%', '百分点', '个百分点'];
/** Words before a growth rate: 年均增长 5%, 年均下降 3, 增速 6. */
const RATE_WORDS = /^(?:年均(?:增长|增速|增幅|下降|降低)?|增长|增速|增幅)率?[:：]?/;
const TOTAL_WORDS = /^(?:五年)?累计(?:新增|增加|下降)?[:：]?/;

/** The figures a target reads; null for a line or a yearly target, which suits any figures. */
export function figuresOf(target: Target): FigureKind | null {
  switch (target.form) {
    case 'annual_rate':
    case 'linked':
      return 'changes';
    case 'cumulative':
      return target.sumOf === 'compound'
        ? 'changes'
        : target.sumOf === 'increases'
          ? 'levels'
          : 'amounts';
    case 'level':
    case 'maintain':
      return 'levels';
    default:
      return null;
  }
}

const isPercent = (unit: string) => /^[%％]$/.test(unit);

/** What the indicator's figures are: as its targets read them, else as its name says. */
export function indicatorFigures(indicator: Indicator): FigureKind {
  for (const t of [indicator.target, ...(indicator.revisions ?? []).map((r) => r.target)]) {
    const kind = figuresOf(t);
    if (kind) return kind;
  }
  const { name, unit } = indicator;
  return isGrowthRate(name) || (isReduction(name) && isPercent(unit)) ? 'changes' : 'levels';
}

/** The target in force at `year`: the latest revision from a year ≤ `year`, else the plan's. */
export function targetInForce(indicator: Indicator, year: number): Target {
  return revisionAt(indicator, year)?.target ?? indicator.target;
}

const problem = (p: RevisionProblem): RevisedTargetReading => ({ ok: false, problem: p });

/**
 * Puts the typed parts in the table's cells: "年均增长 …" in 年均增长, "累计 …" as a five-year total,
 * a number alone where the target in force has its number (a total stays a total).
 */
function toCells(
  indicator: Indicator,
  before: Target,
  text: string,
): { target: string | null; rate: string | null } | RevisionProblem {
  const parts = text
    .split(/[;；]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const totalAlone = before.form === 'cumulative' && before.value === null;
  const home = indicatorFigures(indicator) === 'changes' && !totalAlone ? 'rate' : 'target';
  const cells: { target: string | null; rate: string | null } = { target: null, rate: null };
  for (const part of parts) {
    const s = compact(part);
    const rate = RATE_WORDS.exec(s);
    const total = TOTAL_WORDS.exec(s);
    const alone = parts.length === 1;
    const cell = rate ? 'rate' : alone ? home : 'target';
    const value = rate
      ? s.slice(rate[0].length)
      : total
        ? `[${s.slice(total[0].length)}]`
        : alone && totalAlone && !/^[[【]/.test(s)
          ? `[${s}]`
          : part;
    if (cells[cell] !== null)
      return {
        reason: 'unreadable',
        detail: 'two targets',
        message: `“${text}” states two ${cell === 'rate' ? 'growth rates' : 'targets'}: write one target, and at most one growth rate after a semicolon (65；年均增长 5%)`,
      };
    cells[cell] = value;
  }
  return cells;
}

/** A number in a unit the indicator does not have (levels in its unit, growth rates in %). */
function unitProblem(
  indicator: Indicator,
  cells: { target: string | null; rate: string | null },
): RevisionProblem | null {
  for (const cell of ['target', 'rate'] as const) {
    const t = readCell(cells[cell]);
    if (t.kind !== 'number') continue;
    const level = cell === 'target' || t.total || (t.prefixed && !isGrowthRate(indicator.name));
    const ok = level ? sameUnit(t.unit, indicator.unit) : RATE_UNITS.includes(t.unit);
    if (ok) continue;
    const expected = level ? indicator.unit : '%';
    return {
      reason: 'unit',
      unit: t.unit,
      expected,
      message: `${cells[cell]} is in ${t.unit}, but ${level ? `the indicator is in ${expected}` : 'a growth rate is in %'}`,
    };
  }
  return null;
}

const baselineText = (t: Target): string | null =>
  t.baseline === null
    ? null
    : `${t.baseline}${t.baselineYear === null ? '' : `（${t.baselineYear}年）`}`;

const same = (a: Target, b: Target) =>
  JSON.stringify(targetSchema.parse(a)) === JSON.stringify(targetSchema.parse(b));

/**
 * Reads `text` as the revised target of `indicator` from `fromYear`, as the table would print it:
 * a number alone goes where the plan printed the target (目标, or 年均增长 for a growth rate);
 * "年均增长 …" is a growth rate and "累计 …" a five-year total; "65；年均增长 5%" states both. The
 * baseline stays the plan's. The target must read the figures the indicator has (a level
 * indicator cannot become a growth rate), in its unit, and differ from the target in force then.
 * A 左右 keeps the tolerance the target in force states; a linked target tracks what the
 * original tracks, else the plan's GDP indicator (`plan`).
 */
export function readRevisedTarget(
  indicator: Indicator,
  text: string,
  fromYear: number,
  plan: readonly Indicator[] = [],
): RevisedTargetReading {
  if (text.trim() === '')
    return problem({
      reason: 'empty',
      message: 'write the revised target as the document states it',
    });
  const before = targetInForce(indicator, fromYear);
  const cells = toCells(indicator, before, text.trim());
  if ('reason' in cells) return problem(cells);
  const units = unitProblem(indicator, cells);
  if (units) return problem(units);
  const parsed = parseTarget(
    {
      name: indicator.unit ? `${indicator.name}(${indicator.unit})` : indicator.name,
      baseline: baselineText(indicator.target),
      target: cells.target,
      rate: cells.rate,
      attribute: null,
    },
    { defaultAttribute: indicator.attribute },
  );
  if (!parsed.ok) {
    const detail = parsed.errors.map((e) => e.message).join('; ');
    return problem({
      reason: 'unreadable',
      detail,
      message: `“${text}” cannot be read: ${detail}`,
    });
  }
  const figures = indicatorFigures(indicator);
  const reads = figuresOf(parsed.target);
  if (reads !== null && reads !== figures)
    return problem({
      reason: 'figures',
      figures,
      message: `“${text}” is a target for ${reads}, but this indicator's yearly figures are ${figures}`,
    });
  let target = parsed.target;
  if (target.form === 'linked') {
    const to =
      before.form === 'linked' && before.linkedTo !== null
        ? before.linkedTo
        : (findGdp(plan.filter((i) => i.seq !== indicator.seq))?.seq ?? null);
    if (to === null)
      return problem({
        reason: 'unlinked',
        message: 'linked to economic growth, but the plan has no GDP indicator',
      });
    target = { ...target, linkedTo: to };
  }
  if (target.comparator === 'about' && target.tolerance === null && before.comparator === 'about')
    target = { ...target, tolerance: before.tolerance };
  if (same(target, before))
    return problem({
      reason: 'unchanged',
      message: `“${text}” is the target already in force in ${fromYear}`,
    });
  return { ok: true, target };
}
