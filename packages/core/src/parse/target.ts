import type { Attribute, Comparator, Direction, Target } from '../plan';
import { readCell, type CellToken } from './cell';
import { compact, sameUnit, splitUnit } from './text';

export type TargetCell = 'baseline' | 'target' | 'rate' | 'attribute';

/** The plan's texts for one indicator: the table row's cells, or the phrase quoted from the running text. */
export interface TargetCells {
  /** As printed, unit in trailing brackets when the plan gives one: "城镇调查失业率(%)". */
  name: string;
  baseline: string | null;
  target: string | null;
  /** The 年均增长 / 累计 cell. */
  rate: string | null;
  attribute: string | null;
}

export interface CellIssue {
  cell: TargetCell;
  text: string;
  message: string;
}

export interface ParseTargetOptions {
  /** Tolerance of 左右 in percentage points (the plans' footnote; spec default 0.5). */
  aboutTolerance?: number;
  /** Tolerance of 基本同步 in percentage points (spec default 0.5). */
  linkedTolerance?: number;
  /** Taken when the attribute cell is empty; without it an empty cell is an error. */
  defaultAttribute?: Attribute;
  /** The target number is a five-year total, as if printed in [ ] (running text: 累计…, 新增…). */
  total?: boolean;
  /** The target number holds in every year, a bound (running text: 保持…, 确保…, “十四五”期间…). */
  everyYear?: boolean;
}

export type ParsedTarget =
  | {
      ok: true;
      target: Target;
      attribute: Attribute;
      unit: string;
      notes: CellIssue[];
      /** Where the reading departs from the printed cells, why (kept with the indicator's raw). */
      reading?: string;
    }
  | { ok: false; errors: CellIssue[] };

const CONTRADICTION = 'the printed ';
const round2 = (n: number) => String(Math.round(n * 100) / 100);

/**
 * A [x] beside printed levels totals their increase (spec §2.3, `increases`). When it is far from
 * that increase (20.57 → 26.26 is 5.69, not [1.05]), the cells contradict each other: the levels
 * are graded, as a level target, and the note says so — and, when b × x⁵ ≈ the target, that the
 * bracket reads as a yearly growth factor.
 */
function levelsOverTotal(t: Target, cells: TargetCells, notes: CellIssue[]): Target {
  if (t.form !== 'cumulative' || t.sumOf !== 'increases') return t;
  const { baseline: b, value: v, cumulative: c } = t;
  if (b === null || v === null || c === null) return t;
  const increase = v - b;
  if (Math.abs(increase - c) <= Math.max(0.1 * Math.abs(increase), 0.05)) return t;
  const grown = b * c ** 5;
  const factor = c > 1 && c < 2 && Math.abs(grown - v) <= 0.01 * Math.abs(v);
  const cell: TargetCell = cells.rate && /\d/.test(cells.rate) ? 'rate' : 'target';
  notes.push({
    cell,
    text: cells[cell] ?? '',
    message:
      `${CONTRADICTION}[${round2(c)}] is not the increase from ${round2(b)} to ${round2(v)} ` +
      `(${round2(increase)}): graded as a level target to ${round2(v)}, the cell kept as printed` +
      (factor ? `; ${round2(b)} × ${round2(c)}^5 ≈ ${round2(grown)}: a yearly growth factor` : ''),
  });
  return { ...t, form: 'level', cumulative: null, sumOf: null };
}

/** …降幅 / …降低: positive numbers meaning "reduce by at least". */
export function isReduction(name: string): boolean {
  return /降幅|降低|下降|减少|削减/.test(compact(name));
}

/** …增长 / 增速 / 增幅 (and no reduction): the figures are yearly growth rates. */
export function isGrowthRate(name: string): boolean {
  return /增长|增速|增幅/.test(compact(name)) && !isReduction(name);
}

/** Unemployment is a ceiling: a bare "3.2" promises at most 3.2 (spec §2). */
function isCeiling(name: string): boolean {
  return /失业率/.test(compact(name));
}

/** Lower is better: the default comparator of an assigned target on these is at_most. */
function isLowerBetter(name: string): boolean {
  return /失业率|浓度|能耗|排放|死亡率|发生率/.test(compact(name));
}

export function parseAttribute(text: string | null, fallback?: Attribute): Attribute | CellIssue {
  const s = compact(text);
  if (s === '' && fallback) return fallback;
  if (s === '预期性' || s === '预期') return 'expected';
  if (s === '约束性' || s === '约束') return 'binding';
  const message = s === '' ? 'attribute cell is empty' : 'attribute is neither 预期性 nor 约束性';
  return { cell: 'attribute', text: text ?? '', message };
}

type NumberToken = Extract<CellToken, { kind: 'number' }>;
const RATE_UNITS = ['', '%', '百分点', '个百分点'];
interface Reading {
  name: string;
  /** The unit the name states ('' when none). */
  unit: string;
  baseline: number | null;
  target: CellToken;
  rate: CellToken;
  cells: TargetCells;
  opts: ParseTargetOptions;
}

/**
 * Maps a row's cell texts to exactly one target form of spec §2. Never throws: text it cannot
 * read comes back as an error naming the cell. `linkedTo` stays null; the caller resolves it.
 */
export function parseTarget(cells: TargetCells, opts: ParseTargetOptions = {}): ParsedTarget {
  const errors: CellIssue[] = [];
  const notes: CellIssue[] = [];
  const issue = (cell: TargetCell, message: string): CellIssue => ({
    cell,
    text: cells[cell] ?? '',
    message,
  });
  const { unit: nameUnit } = splitUnit(cells.name);

  const attribute = parseAttribute(cells.attribute, opts.defaultAttribute);
  if (typeof attribute !== 'string') errors.push(attribute);

  const printed = baselineOfYear(cells.baseline);
  const tokens = {
    baseline: readCell(printed.text),
    target: asStated(readCell(cells.target), cells.name, opts),
    rate: readCell(cells.rate),
  };
  for (const cell of ['baseline', 'target', 'rate'] as const) {
    const t = tokens[cell];
    if (t.kind === 'unreadable') errors.push(issue(cell, t.message));
  }

  const baseline = readBaseline(tokens.baseline, nameUnit, issue, errors, notes);
  const levels = checkUnits(tokens, cells.name, nameUnit, issue, errors);
  if (errors.length > 0) return { ok: false, errors };

  const b = tokens.baseline;
  const unit =
    nameUnit ||
    (baseline !== null && b.kind === 'number' ? b.unit : '') ||
    (levels.find((t) => t.unit)?.unit ?? '');
  const reading: Reading = {
    name: cells.name,
    unit: nameUnit,
    baseline,
    target: tokens.target,
    rate: tokens.rate,
    cells,
    opts,
  };
  const decided = decide(reading);
  if ('cell' in decided) return { ok: false, errors: [decided] };
  const checked = levelsOverTotal(decided, cells, notes);
  const target = printed.year === null ? checked : { ...checked, baselineYear: printed.year };
  const contradiction = notes.find((n) => n.message.startsWith(CONTRADICTION));
  return {
    ok: true,
    target,
    attribute: attribute as Attribute,
    unit,
    notes,
    ...(contradiction ? { reading: contradiction.message } : {}),
  };
}

/**
 * A baseline printed for another year than the plan's: "77.3（2019年）", "77.3(2019年数据)" gives
 * 77.3 of 2019 (spec §1, B′). Other texts pass as they are.
 */
export function baselineOfYear(text: string | null): { text: string | null; year: number | null } {
  const m = /^(.*?)\s*[(（]\s*((?:19|20)\d\d)\s*年?(?:数据|底|末|值)?\s*[)）]\s*$/s.exec(
    text ?? '',
  );
  if (!m || (m[1] ?? '').trim() === '') return { text, year: null };
  return { text: m[1]!, year: Number(m[2]) };
}

type Issue = (cell: TargetCell, message: string) => CellIssue;

/** A baseline is a plain number; one printed in another unit (3.01 亿 on a growth %) stays in raw only. */
function readBaseline(
  b: CellToken,
  unit: string,
  issue: Issue,
  errors: CellIssue[],
  notes: CellIssue[],
): number | null {
  if (b.kind === 'empty' || b.kind === 'dash' || b.kind === 'unreadable') return null;
  if (b.kind !== 'number' || b.comparator !== null || b.total) {
    errors.push(issue('baseline', 'a baseline is a plain number'));
    return null;
  }
  if (sameUnit(b.unit, unit)) return b.value;
  notes.push(issue('baseline', `in ${b.unit}, not the indicator's ${unit}: kept in raw only`));
  return null;
}

/**
 * A limit in the rate column (≥95 on a share) bounds the level, unless it is a percentage on an
 * indicator measured in something else: ≥7% on 固定资产投资（亿元） is its yearly growth.
 */
function isBoundInRate(t: NumberToken, name: string, unit: string): boolean {
  if (!t.prefixed || isGrowthRate(name)) return false;
  return !(t.unit === '%' && unit !== '' && !sameUnit('%', unit));
}

/** Levels (targets, totals, limits) are in the indicator's unit; growth rates in % or points. */
function checkUnits(
  tokens: { target: CellToken; rate: CellToken },
  name: string,
  unit: string,
  issue: Issue,
  errors: CellIssue[],
): NumberToken[] {
  const levels: NumberToken[] = [];
  for (const cell of ['target', 'rate'] as const) {
    const t = tokens[cell];
    if (t.kind !== 'number') continue;
    const isLevel = cell === 'target' || t.total || isBoundInRate(t, name, unit);
    if (isLevel) levels.push(t);
    if (isLevel && !sameUnit(t.unit, unit))
      errors.push(issue(cell, `unit ${t.unit} is not the indicator's ${unit}`));
    if (!isLevel && !RATE_UNITS.includes(t.unit))
      errors.push(issue(cell, `a growth rate in ${t.unit}`));
  }
  return levels;
}

/** Applies what the running text says about the target number (a total, a bound every year). */
function asStated(t: CellToken, name: string, opts: ParseTargetOptions): CellToken {
  if (t.kind !== 'number') return t;
  if (opts.total) return { ...t, total: true };
  if (!opts.everyYear) return t;
  const comparator =
    t.comparator ?? (isLowerBetter(name) && !isReduction(name) ? 'at_most' : 'at_least');
  return { ...t, comparator, prefixed: true };
}

const isBlank = (t: CellToken) => t.kind === 'empty' || t.kind === 'dash';

function decide(x: Reading): Target | CellIssue {
  const { target: t, rate: r } = x;
  const issue = (cell: TargetCell, message: string): CellIssue => ({
    cell,
    text: x.cells[cell] ?? '',
    message,
  });
  for (const kind of ['assigned', 'linked'] as const) {
    const hit = t.kind === kind ? 'target' : r.kind === kind ? 'rate' : null;
    if (hit === null) continue;
    const other = hit === 'target' ? r : t;
    if (!isBlank(other) && other.kind !== kind)
      return issue(
        hit === 'target' ? 'rate' : 'target',
        `a second target beside "${x.cells[hit]}"`,
      );
    const linked = t.kind === 'linked' ? t : r.kind === 'linked' ? r : null;
    return linked ? linkedTarget(x, linked) : assignedTarget(x);
  }
  const tn = t.kind === 'number' ? t : null;
  const rn = r.kind === 'number' ? r : null;
  if (tn?.total || rn?.total) {
    if (tn?.total && rn) return issue('rate', 'a rate beside a five-year total');
    if (rn?.total && tn?.total) return issue('rate', 'two five-year totals');
    return cumulativeTarget(x, (tn?.total ? tn : rn) as NumberToken, tn?.total ? null : tn);
  }
  if (tn && rn) {
    if (tn.prefixed || rn.prefixed)
      return issue(tn.prefixed ? 'target' : 'rate', 'a limit beside a growth path');
    return levelTarget(x, tn, rn);
  }
  if (tn) return singleTarget(x, tn);
  if (rn) {
    if (isBoundInRate(rn, x.name, x.unit)) return boundTarget(x, rn, rn.comparator);
    return rateTarget(x, rn);
  }
  if (x.baseline !== null) return monitorTarget(x);
  return issue('target', 'no target, no rate and no baseline');
}

function blank(x: Reading): Target {
  return {
    form: 'monitor',
    baseline: x.baseline,
    value: null,
    rate: null,
    cumulative: null,
    sumOf: null,
    comparator: null,
    tolerance: null,
    direction: null,
    linkedTo: null,
    baselineYear: null,
  };
}

function towards(b: number | null, t: number | null): Direction | null {
  if (b === null || t === null) return null;
  return t > b ? 'increase' : t < b ? 'decrease' : 'maintain';
}

/**
 * Reductions read positive numbers as "reduce by at least": at_least, direction decrease. 左右
 * takes the plan's tolerance when the caller gives one, else none of its own (the plan default).
 */
function finish(x: Reading, target: Target): Target {
  const tolerance =
    target.comparator === 'about' ? (x.opts.aboutTolerance ?? null) : target.tolerance;
  if (!isReduction(x.name) || target.form === 'monitor') return { ...target, tolerance };
  return {
    ...target,
    tolerance,
    comparator: target.comparator ?? 'at_least',
    direction: 'decrease',
  };
}

function monitorTarget(x: Reading): Target {
  return blank(x);
}

function assignedTarget(x: Reading): Target {
  const comparator: Comparator =
    !isReduction(x.name) && isLowerBetter(x.name) ? 'at_most' : 'at_least';
  return finish(x, { ...blank(x), form: 'assigned', comparator });
}

/** 基本同步 takes the plan's tolerance (none of its own); 不低于 and 高于 state 0 (spec §2.6). */
function linkedTarget(x: Reading, cell: { comparator: Comparator; basic: boolean }): Target {
  const tolerance = cell.basic ? (x.opts.linkedTolerance ?? null) : 0;
  return finish(x, { ...blank(x), form: 'linked', comparator: cell.comparator, tolerance });
}

/**
 * A five-year total. An intensity reduction in % (单位GDP能耗降低 [13.5]) compounds its yearly
 * cuts; a row that prints levels totals their increase; otherwise the yearly values add up.
 */
function cumulativeTarget(x: Reading, total: NumberToken, level: NumberToken | null): Target {
  const printsLevel =
    level !== null || x.baseline !== null || /^每[十百千万]/.test(compact(x.name));
  const unit = splitUnit(x.cells.name).unit || total.unit;
  const compound = level === null && isReduction(x.name) && /^[%％]$/.test(unit);
  return finish(x, {
    ...blank(x),
    form: 'cumulative',
    value: level?.value ?? null,
    cumulative: total.value,
    sumOf: compound ? 'compound' : printsLevel ? 'increases' : 'values',
    comparator: total.comparator,
    direction: level ? towards(x.baseline, level.value) : total.value > 0 ? 'increase' : 'maintain',
  });
}

/** A growth rate in the 年均增长 cell on a level row: plain number = at_least (spec §2). */
function levelTarget(x: Reading, t: NumberToken, r: NumberToken): Target {
  return finish(x, {
    ...blank(x),
    form: 'level',
    value: t.value,
    rate: r.value,
    comparator: t.comparator ?? r.comparator ?? 'at_least',
    direction: towards(x.baseline, t.value),
  });
}

function singleTarget(x: Reading, t: NumberToken): Target {
  if (t.prefixed) return boundTarget(x, t, t.comparator);
  if (isCeiling(x.name) && t.comparator === null) return boundTarget(x, t, 'at_most');
  if (x.baseline !== null && t.value === x.baseline) {
    if (t.comparator !== null) return boundTarget(x, t, t.comparator);
    return finish(x, { ...blank(x), form: 'maintain', value: t.value, direction: 'maintain' });
  }
  return finish(x, {
    ...blank(x),
    form: 'level',
    value: t.value,
    comparator: t.comparator,
    direction: towards(x.baseline, t.value),
  });
}

function boundTarget(x: Reading, t: NumberToken, comparator: Comparator | null): Target {
  return finish(x, {
    ...blank(x),
    form: 'bound',
    value: t.value,
    comparator,
    direction: towards(x.baseline, t.value),
  });
}

function rateTarget(x: Reading, r: NumberToken): Target {
  return finish(x, {
    ...blank(x),
    form: 'annual_rate',
    rate: r.value,
    comparator: r.comparator ?? 'at_least',
    direction: r.value > 0 ? 'increase' : r.value < 0 ? 'decrease' : 'maintain',
  });
}
