import type { Indicator, ValueState, YearValue } from './plan';
import type { PeriodSpan } from './period';
import { splitUnit } from './parse/text';
import { pct1 } from './assess/reason';
import { baselineWanted } from './values/cells';
import type { Words } from './words';

/**
 * 承接上期基数: a new plan's baseline year B is the previous plan's target year, so the previous
 * plan's approved figure of that year is the new plan's baseline of every indicator both plans
 * share. These functions propose it; an administrator reviews the proposals before they apply.
 */

/** What matching reads of an indicator. */
export type MatchedIndicator = Pick<Indicator, 'seq' | 'name' | 'unit'>;

/** A match made by hand: next-plan indicator `seq` is previous-plan `previousSeq`, or none (null). */
export interface ManualMatch {
  seq: number;
  previousSeq: number | null;
}

/** How a next-plan indicator found its previous one: same name and unit, or by hand. */
export type MatchHow = 'name_unit' | 'manual';

export interface IndicatorMatch {
  seq: number;
  previous: MatchedIndicator | null;
  how: MatchHow | null;
  /**
   * Previous-plan indicators of the same name and unit when they do not pick one (several of them,
   * or several next-plan indicators of that name): none is matched until one is chosen by hand.
   */
  candidates: number[];
}

/** A manual match that cannot be taken; `index` is its place in the list given. */
export type MatchProblem = { index: number } & (
  | { code: 'unknown_seq'; seq: number }
  | { code: 'unknown_previous'; previousSeq: number }
  | { code: 'duplicate'; seq: number; first: number }
);

// Marks that flag a row (★ 约束性, ※ 新增, ① footnote) rather than name it. The circled and
// superscript digits go before NFKC folds them into plain digits.
const CIRCLED = /[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/g;
const TRAILING_SUPERSCRIPT = /[\u00b9\u00b2\u00b3\u2070-\u2079]+$/;
const MARKS = /[*※★☆▲△▼▽◆◇●○■□#†‡§"'“”‘’「」『』]/g;
const NOTE_REFERENCE = /[([【]\s*(?:注\s*)?\d{1,2}\s*[)\]】]/g;

function fold(text: string): string {
  return text
    .replace(CIRCLED, '')
    .trim()
    .replace(TRAILING_SUPERSCRIPT, '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(MARKS, '')
    .replace(NOTE_REFERENCE, '')
    .toLowerCase();
}

/** A unit as matching compares it: full-width folded, spaces gone, Latin letters lower case. */
export const normalUnit = (unit: string): string => fold(unit);

/**
 * An indicator's name and unit as matching compares them: full-width folded, spaces, quotes,
 * row marks and footnote references gone, and a unit printed in the name's brackets ("…(%)")
 * taken as the unit when the unit column is empty or says the same.
 */
export function matchParts(indicator: Pick<Indicator, 'name' | 'unit'>): {
  name: string;
  unit: string;
} {
  const unit = normalUnit(indicator.unit);
  const name = fold(indicator.name);
  const split = splitUnit(name);
  const named = split.unit !== '' && (unit === '' || normalUnit(split.unit) === unit);
  return named ? { name: split.name, unit: normalUnit(split.unit) } : { name, unit };
}

const matchKey = (indicator: Pick<Indicator, 'name' | 'unit'>) => {
  const { name, unit } = matchParts(indicator);
  return `${name}\u0000${unit}`;
};

/** The manual matches that name an indicator neither plan has, or one indicator twice. */
export function matchProblems(
  previous: readonly MatchedIndicator[],
  next: readonly MatchedIndicator[],
  manual: readonly ManualMatch[],
): MatchProblem[] {
  const nextSeqs = new Set(next.map((i) => i.seq));
  const previousSeqs = new Set(previous.map((i) => i.seq));
  const seen = new Map<number, number>();
  const problems: MatchProblem[] = [];
  manual.forEach((m, index) => {
    const first = seen.get(m.seq);
    if (!nextSeqs.has(m.seq)) problems.push({ index, code: 'unknown_seq', seq: m.seq });
    else if (first !== undefined) problems.push({ index, code: 'duplicate', seq: m.seq, first });
    else if (m.previousSeq !== null && !previousSeqs.has(m.previousSeq))
      problems.push({ index, code: 'unknown_previous', previousSeq: m.previousSeq });
    seen.set(m.seq, first ?? index);
  });
  return problems;
}

/**
 * Pairs each next-plan indicator, in the next plan's order, with the previous plan's indicator of
 * the same name and unit (`matchKey`), unless a manual match says otherwise. A name that picks no
 * single indicator on either side is left for a manual match. Check manual matches with
 * `matchProblems` first: those it refuses are not applied.
 */
export function matchIndicators(
  previous: readonly MatchedIndicator[],
  next: readonly MatchedIndicator[],
  manual: readonly ManualMatch[] = [],
): IndicatorMatch[] {
  const previousBySeq = new Map(previous.map((i) => [i.seq, i]));
  const byKey = groupBy(previous, matchKey);
  const nextByKey = groupBy(next, matchKey);
  const byHand = new Map<number, ManualMatch>();
  for (const m of manual)
    if (!byHand.has(m.seq) && (m.previousSeq === null || previousBySeq.has(m.previousSeq)))
      byHand.set(m.seq, m);
  return next.map((indicator) => {
    const key = matchKey(indicator);
    const found = byKey.get(key) ?? [];
    const unique = found.length === 1 && nextByKey.get(key)?.length === 1;
    const candidates = unique ? [] : found.map((i) => i.seq);
    const hand = byHand.get(indicator.seq);
    if (hand) {
      const chosen = hand.previousSeq === null ? null : previousBySeq.get(hand.previousSeq);
      return {
        seq: indicator.seq,
        previous: chosen ? own(chosen) : null,
        how: 'manual',
        candidates,
      };
    }
    const [only] = found;
    return unique && only
      ? { seq: indicator.seq, previous: own(only), how: 'name_unit', candidates }
      : { seq: indicator.seq, previous: null, how: null, candidates };
  });
}

const own = ({ seq, name, unit }: MatchedIndicator): MatchedIndicator => ({ seq, name, unit });

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/**
 * What carrying over does for an indicator: store the previous figure as its year-B actual
 * (`apply`), keep the baseline the new plan prints (`keep_printed`, also when it and the figure
 * disagree: `disagree`), or nothing.
 */
export type CarryOverAction = 'apply' | 'keep_printed' | 'disagree' | 'nothing';

/**
 * Why, where the action alone does not say it: no indicator matched (`no_match`, or `ambiguous`
 * among several of that name), the matched one is in another unit, the previous plan has no
 * approved figure of the year, the target takes no baseline (年均增速, bounds, assigned targets),
 * the same figure is stored already, the printed baseline agrees or is of another year.
 */
export type CarryOverWhy =
  | 'no_match'
  | 'ambiguous'
  | 'unit_differs'
  | 'no_figure'
  | 'not_used'
  | 'already_stored'
  | 'agrees'
  | 'other_year';

/** One proposal: a next-plan indicator, what it matched and what carrying over would do. */
export interface CarryOverRow {
  seq: number;
  name: string;
  unit: string;
  match: MatchedIndicator | null;
  how: MatchHow | null;
  candidates: number[];
  /** The baseline the new plan prints, and the year it is of (B′, or B). */
  printedBaseline: number | null;
  printedYear: number;
  /** The previous plan's approved actual of year B; null when it has none. */
  previousFigure: number | null;
  /** (printed − figure) / |figure|: how far the printed baseline is from the figure. */
  difference: number | null;
  /** The new plan's own year-B actual, when one is stored. */
  stored: { value: number; state: ValueState } | null;
  action: CarryOverAction;
  why: CarryOverWhy | null;
}

/** The plans carrying over reads: their period and indicators. */
export interface CarryOverPlan<I extends MatchedIndicator = MatchedIndicator> {
  plan: PeriodSpan;
  indicators: readonly I[];
}

export interface CarryOverOptions {
  /**
   * How far a printed baseline may be from the previous figure, relatively, and still agree with
   * it; a printed baseline that is the figure rounded to the printed decimals agrees too.
   */
  tolerance?: number;
  /** The new plan's stored figures (any year and kind; its year-B actuals are read). */
  stored?: readonly {
    seq: number;
    year: number;
    kind: YearValue['kind'];
    value: number;
    state: ValueState;
  }[];
}

/** 0.5 %: printed baselines are rounded, and preliminary figures are revised by about that much. */
export const CARRY_OVER_TOLERANCE = 0.005;

export interface CarryOverProposals {
  /** The year carried over: the new plan's baseline year B. */
  year: number;
  rows: CarryOverRow[];
  /** Manual matches refused; when there are any, there are no rows. */
  problems: MatchProblem[];
}

/**
 * The carry-over proposals for `next`, one per indicator in its order: the matched previous-plan
 * indicator's approved actual of year B (`previousValues` are the previous plan's approved
 * figures) and what to do with it.
 */
export function carryOverProposals(
  previous: CarryOverPlan,
  previousValues: readonly YearValue[],
  next: CarryOverPlan<MatchedIndicator & Pick<Indicator, 'target' | 'raw'>>,
  manual: readonly ManualMatch[] = [],
  options: CarryOverOptions = {},
): CarryOverProposals {
  const year = next.plan.baselineYear;
  const problems = matchProblems(previous.indicators, next.indicators, manual);
  if (problems.length > 0) return { year, rows: [], problems };
  const tolerance = options.tolerance ?? CARRY_OVER_TOLERANCE;
  const figures = new Map(
    previousValues
      .filter((v) => v.kind === 'actual' && v.year === year)
      .map((v) => [v.seq, v.value]),
  );
  const stored = new Map(
    (options.stored ?? [])
      .filter((v) => v.kind === 'actual' && v.year === year)
      .map((v) => [v.seq, { value: v.value, state: v.state }]),
  );
  const matches = matchIndicators(previous.indicators, next.indicators, manual);
  const rows = next.indicators.map((indicator, i): CarryOverRow => {
    const { previous: match, how, candidates } = matches[i]!;
    const figure = match ? (figures.get(match.seq) ?? null) : null;
    const printed = indicator.target.baseline;
    const printedYear = indicator.target.baselineYear ?? year;
    const row = {
      seq: indicator.seq,
      name: indicator.name,
      unit: indicator.unit,
      match,
      how,
      candidates,
      printedBaseline: printed,
      printedYear,
      previousFigure: figure,
      difference:
        printed !== null && figure !== null && figure !== 0
          ? (printed - figure) / Math.abs(figure)
          : null,
      stored: stored.get(indicator.seq) ?? null,
    };
    return { ...row, ...decide(row, indicator, year, tolerance) };
  });
  return { year, rows, problems: [] };
}

function decide(
  row: Omit<CarryOverRow, 'action' | 'why'>,
  indicator: Pick<Indicator, 'name' | 'unit' | 'target' | 'raw'>,
  year: number,
  tolerance: number,
): Pick<CarryOverRow, 'action' | 'why'> {
  const { match, previousFigure: figure, printedBaseline: printed } = row;
  const nothing = (why: CarryOverWhy) => ({ action: 'nothing' as const, why });
  if (!match) return nothing(row.candidates.length > 0 ? 'ambiguous' : 'no_match');
  // A unit left blank says nothing; any other difference (人 / 人次, 万元 / 元) is another quantity.
  const [was, is] = [matchParts(match).unit, matchParts(indicator).unit];
  if (was !== '' && is !== '' && was !== is) return nothing('unit_differs');
  if (printed !== null) {
    if (row.printedYear !== year) return { action: 'keep_printed', why: 'other_year' };
    if (figure === null) return { action: 'keep_printed', why: 'no_figure' };
    return agrees(printed, figure, tolerance, printedDecimals(indicator, printed))
      ? { action: 'keep_printed', why: 'agrees' }
      : { action: 'disagree', why: null };
  }
  if (figure === null) return nothing('no_figure');
  if (!baselineWanted(indicator)) return nothing('not_used');
  if (row.stored?.value === figure && row.stored.state === 'approved')
    return nothing('already_stored');
  return { action: 'apply', why: null };
}

/**
 * Whether a printed baseline says the same as the figure: it is the figure rounded to the
 * decimals it prints, or within `tolerance` of it, relatively.
 */
export function agrees(
  printed: number,
  figure: number,
  tolerance = CARRY_OVER_TOLERANCE,
  printedDecimals = decimals(printed),
): boolean {
  if (printed === figure) return true;
  const scale = 10 ** printedDecimals;
  if (Math.abs(Math.round(figure * scale) - printed * scale) < 1e-6) return true;
  return figure !== 0 && Math.abs(printed - figure) <= tolerance * Math.abs(figure);
}

/** The decimals a number is written with: 2.1 → 1, 272 → 0. */
function decimals(x: number): number {
  const text = String(x);
  return /e/i.test(text) ? 0 : (text.split('.')[1] ?? '').length;
}

/** The decimals the plan prints its baseline with ("98.0" → 1), read from its own cell text. */
function printedDecimals(indicator: Pick<Indicator, 'raw'>, printed: number): number {
  const cell = /\d+(?:\.(\d+))?/.exec((indicator.raw.baseline ?? '').normalize('NFKC'));
  return cell && Number(cell[0]) === printed ? (cell[1] ?? '').length : decimals(printed);
}

const figure = (x: number) => String(x);

/** What carrying over does for a row, for people: 承接 2025 年审定值 1234 / carry over 1234 of 2025. */
export function carryOverWords(row: CarryOverRow, year: number): Words {
  const f = row.previousFigure === null ? '' : figure(row.previousFigure);
  const p = row.printedBaseline === null ? '' : figure(row.printedBaseline);
  switch (row.action) {
    case 'apply':
      return row.stored
        ? {
            zh: `承接 ${year} 年审定值 ${f}，替换现有 ${figure(row.stored.value)}`,
            en: `carry over ${f} of ${year}, replacing the stored ${figure(row.stored.value)}`,
          }
        : {
            zh: `承接 ${year} 年审定值 ${f} 为基数`,
            en: `carry over ${f} of ${year} as the baseline`,
          };
    case 'disagree': {
      const higher = (row.difference ?? 0) > 0;
      const by = pct1(Math.abs(row.difference ?? 1));
      return {
        zh: `保留规划基数 ${p}；比上期 ${year} 年审定值 ${f} ${higher ? '高' : '低'} ${by}`,
        en: `keep the printed baseline ${p}; it is ${by} ${higher ? 'above' : 'below'} the previous plan's ${year} figure ${f}`,
      };
    }
    case 'keep_printed':
      return (
        {
          agrees: {
            zh: `保留规划基数 ${p}（与上期审定值 ${f} 一致）`,
            en: `keep the printed baseline ${p} (agrees with the previous figure ${f})`,
          },
          other_year: {
            zh: `保留规划基数 ${p}（为 ${row.printedYear} 年数据）`,
            en: `keep the printed baseline ${p} (of ${row.printedYear})`,
          },
        }[row.why as 'agrees' | 'other_year'] ?? {
          zh: `保留规划基数 ${p}（上期无 ${year} 年审定值）`,
          en: `keep the printed baseline ${p} (the previous plan has no approved ${year} figure)`,
        }
      );
    case 'nothing':
      return nothingWords(row, year);
  }
}

function nothingWords(row: CarryOverRow, year: number): Words {
  switch (row.why) {
    case 'ambiguous':
      return {
        zh: `上期规划有多个同名同单位指标（序号 ${row.candidates.join('、')}），请手动匹配`,
        en: `several indicators of the previous plan have this name and unit (${row.candidates.join(', ')}): match one by hand`,
      };
    case 'unit_differs':
      return {
        zh: `单位不同（上期为 ${row.match?.unit}），不承接`,
        en: `units differ (the previous plan's is ${row.match?.unit}): nothing carried over`,
      };
    case 'no_figure':
      return {
        zh: `上期规划无 ${year} 年审定值`,
        en: `the previous plan has no approved ${year} figure`,
      };
    case 'not_used':
      return {
        zh: '该指标的目标不以基数计算，无需承接',
        en: 'its target takes no baseline: nothing to carry over',
      };
    case 'already_stored':
      return {
        zh: `已有相同的 ${year} 年数据`,
        en: `the same ${year} figure is stored already`,
      };
    default:
      return row.how === 'manual'
        ? { zh: '已设为不承接', en: 'set by hand to carry nothing over' }
        : {
            zh: '上期规划无同名同单位指标',
            en: 'no indicator of the previous plan has this name and unit',
          };
  }
}

/** +4.2% / -0.8%: a relative difference with its sign. */
export function signedPct(ratio: number | null): string {
  if (ratio === null) return '—';
  const text = pct1(Math.abs(ratio));
  return ratio > 0 ? `+${text}` : ratio < 0 ? `-${text}` : text;
}
