import {
  defaultSettings,
  PLAN_FORMAT,
  type AssessmentSettings,
  type District,
  type Indicator,
  type PlanFile,
  type RawCells,
} from '../plan';
import { alignCategories, categoryName, type Fragment } from './category';
import { readCell } from './cell';
import { readGrid, type GridRecord, type Role } from './grid';
import { parseTarget, type CellIssue, type ParseTargetOptions } from './target';
import { cleanText, compact, splitUnit } from './text';

export interface TableProblem {
  /** 1-based line in the document. */
  line: number;
  text: string;
  message: string;
}

type CellName = 'baseline' | 'target' | 'rate' | 'attribute';
const CELLS: CellName[] = ['baseline', 'target', 'rate', 'attribute'];
const VALUES: CellName[] = ['baseline', 'target', 'rate'];

/** One printed row of a main-indicator table, before its target is parsed. */
export interface TableRow {
  seq: number;
  /** The printed 序号; "8a" for a sub-row printed under row 8 with numbers of its own. */
  label: string;
  category: string;
  /** The name as printed (spaces of the conversion removed), unit still in its brackets. */
  name: string;
  /** Cell texts verbatim; lines of a cell the PDF split are joined with "\n"; empty cells are null. */
  raw: RawCells;
  line: number;
  /** The printed lines of the row, verbatim. */
  quote: string;
}

export interface TableRows {
  caption: { line: number; text: string };
  years: { baseline: number | null; target: number | null };
  rows: TableRow[];
  problems: TableProblem[];
}

interface Draft {
  label: string;
  names: string[];
  cells: Record<CellName, string[]>;
  first: number;
  last: number;
  pageBreakBefore: boolean;
  heading: string | null;
  merged: CellName[];
}

const NUMBERED_NAME = /^(\d{1,3})\s*[.．、]\s*/;

/** Finds the main-indicator table in a plan's text and returns its printed rows, cells verbatim. */
export function readTableRows(text: string, startLine?: number): TableRows | null {
  const grid = readGrid(text, startLine);
  if (!grid) return null;
  const lines = text.split(/\r?\n/);
  const col = (rec: GridRecord, role: Role) => {
    const i = grid.columns.indexOf(role);
    return i < 0 ? '' : (rec.cells[i] ?? '');
  };
  const problems: TableProblem[] = [...grid.problems];
  const drafts: Draft[] = [];
  const fragments: Fragment[] = [];
  let heading: string | null = null;
  for (const rec of grid.records) {
    if (rec.heading) {
      heading = categoryName(rec.heading);
      continue;
    }
    const { label, name } = numbered(col(rec, 'seq'), col(rec, 'name'));
    if (col(rec, 'category') !== '')
      fragments.push({ line: rec.first, text: col(rec, 'category') });
    const current = drafts.at(-1);
    const own = (c: CellName) => col(rec, c);
    const conflicts = current && VALUES.some((c) => own(c) !== '' && current.cells[c].length > 0);
    if (label !== '' || (current && name !== '' && conflicts)) {
      drafts.push({
        label: label || subLabel(drafts, current?.label ?? ''),
        names: [name],
        cells: { baseline: [], target: [], rate: [], attribute: [] },
        first: rec.first,
        last: rec.last,
        pageBreakBefore: rec.pageBreakBefore,
        heading,
        merged: [],
      });
    } else if (!current) {
      if (rec.cells.some((c) => c !== ''))
        problems.push({
          line: rec.first,
          text: lines[rec.first - 1] ?? '',
          message: 'a line before the first numbered row',
        });
      continue;
    } else if (name !== '') current.names.push(name);
    const row = drafts.at(-1) as Draft;
    for (const c of CELLS) if (own(c) !== '') row.cells[c].push(own(c));
    row.last = rec.last;
  }
  const categories = alignCategories(drafts, fragments);
  drafts.forEach((d, i) => {
    if (d.heading === null) d.heading = categories[i] ?? '';
  });
  carryMergedCells(drafts);
  return { caption: grid.caption, years: grid.years, rows: toRows(drafts, lines), problems };
}

/** The printed 序号, from its own column or from the name ("1. 生产总值…"), and the name without it. */
function numbered(seq: string, name: string): { label: string; name: string } {
  if (/^\d{1,3}$/.test(compact(seq))) return { label: compact(seq), name };
  const m = NUMBERED_NAME.exec(name);
  return m ? { label: m[1] ?? '', name: name.slice(m[0].length) } : { label: '', name };
}

/** "8" → "8a", then "8b": a sub-row printed under row 8 with numbers of its own. */
function subLabel(drafts: Draft[], label: string): string {
  const base = label.replace(/[a-z]$/, '');
  const subs = drafts.filter((d) => new RegExp(`^${base}[a-z]$`).test(d.label)).length;
  return `${base}${String.fromCharCode(97 + subs)}`;
}

/**
 * A table that prints a dash in the cells it leaves blank prints a merged cell's text once: an
 * empty cell under a filled one in the same category is that merged cell (Yuhua's 达到市要求).
 */
function carryMergedCells(drafts: Draft[]): void {
  let dashes = 0;
  let empties = 0;
  for (const d of drafts) {
    for (const c of VALUES) {
      const kind = readCell(d.cells[c].join('')).kind;
      if (kind === 'dash') dashes += 1;
      if (kind === 'empty') empties += 1;
    }
  }
  if (dashes <= empties) return;
  drafts.forEach((d, i) => {
    const above = drafts[i - 1];
    if (!above || above.heading !== d.heading) return;
    for (const c of CELLS) {
      const text = above.cells[c].join('');
      if (d.cells[c].length > 0 || text === '' || readCell(text).kind === 'dash') continue;
      d.cells[c] = [...above.cells[c]];
      d.merged.push(c);
    }
  });
}

function toRows(drafts: Draft[], lines: string[]): TableRow[] {
  let next = Math.max(0, ...drafts.map((d) => (/^\d+$/.test(d.label) ? Number(d.label) : 0))) + 1;
  return drafts.map((d) => {
    const cell = (c: CellName) => (d.cells[c].length > 0 ? d.cells[c].join('\n') : null);
    const raw: RawCells = {
      baseline: cell('baseline'),
      target: cell('target'),
      rate: cell('rate'),
      attribute: cell('attribute'),
    };
    if (d.merged.length > 0) raw.merged = d.merged;
    return {
      seq: /^\d+$/.test(d.label) ? Number(d.label) : next++,
      label: d.label,
      category: d.heading ?? '',
      name: cleanText(d.names.join(' ')),
      raw,
      line: d.first,
      quote: lines.slice(d.first - 1, d.last).join('\n'),
    };
  });
}

/**
 * Parses each row's target. A row that cannot be read is left out and listed in `problems`; a cell
 * read with a reservation (a baseline in another unit) is listed in `notes`.
 */
export function rowsToIndicators(
  rows: TableRow[],
  document: string,
  opts: ParseTargetOptions = {},
): { indicators: Indicator[]; problems: TableProblem[]; notes: TableProblem[] } {
  const indicators: Indicator[] = [];
  const problems: TableProblem[] = [];
  const notes: TableProblem[] = [];
  const say = (row: TableRow, e: CellIssue) => ({
    line: row.line,
    text: e.text,
    message: `row ${row.label}, ${e.cell}: ${e.message}`,
  });
  for (const row of rows) {
    const parsed = parseTarget({ name: row.name, ...row.raw }, opts);
    if (!parsed.ok) {
      problems.push(...parsed.errors.map((e) => say(row, e)));
      continue;
    }
    notes.push(...parsed.notes.map((e) => say(row, e)));
    indicators.push({
      seq: row.seq,
      category: row.category,
      name: splitUnit(row.name).name,
      unit: parsed.unit,
      attribute: parsed.attribute,
      leadDepartment: null,
      raw: row.raw,
      target: parsed.target,
      revisions: [],
      source: { document, line: row.line, kind: 'table', quote: row.quote },
    });
  }
  return { indicators, problems, notes };
}

/** The GDP growth indicator a 与经济增长基本同步 target tracks: growth first, else the GDP level. */
export function findGdp(indicators: Indicator[]): Indicator | undefined {
  const gdp = indicators.filter(
    (i) => /生产总值|GDP/i.test(i.name) && !/单位|占|比重|能耗|排放/.test(i.name),
  );
  return gdp.find((i) => i.target.form === 'annual_rate' || /增长|增速/.test(i.name)) ?? gdp[0];
}

/** Sets `linkedTo` of every linked target to the plan's GDP indicator. */
export function linkTargets(indicators: Indicator[]): {
  indicators: Indicator[];
  problems: TableProblem[];
} {
  const gdp = findGdp(indicators);
  const problems: TableProblem[] = [];
  const linked = indicators.map((ind) => {
    if (ind.target.form !== 'linked' || ind.target.linkedTo !== null) return ind;
    if (!gdp) {
      problems.push({
        line: ind.source.line ?? 0,
        text: ind.name,
        message: 'linked to economic growth, but the plan has no GDP indicator',
      });
      return ind;
    }
    return { ...ind, target: { ...ind.target, linkedTo: gdp.seq } };
  });
  return { indicators: linked, problems };
}

export interface ReadTableOptions {
  district: District;
  /** Names the document in each indicator's source. */
  document: string;
  plan?: Partial<{
    title: string;
    baselineYear: number;
    midtermYear: number;
    targetYear: number;
    settings: AssessmentSettings;
  }>;
  /** Look for the table from this 1-based line on. */
  startLine?: number;
  parse?: ParseTargetOptions;
}

/** Reads the main-indicator table of a plan into a draft plan file, listing every row it could not read. */
export function readTable(
  text: string,
  opts: ReadTableOptions,
): { file: PlanFile; rows: TableRow[]; problems: TableProblem[]; notes: TableProblem[] } {
  const table = readTableRows(text, opts.startLine);
  const problems: TableProblem[] = table
    ? [...table.problems]
    : [
        {
          line: opts.startLine ?? 1,
          text: '',
          message: 'no main-indicator table (表/专栏 … 主要指标) found',
        },
      ];
  const parsed = rowsToIndicators(table?.rows ?? [], opts.document, opts.parse);
  const linked = linkTargets(parsed.indicators);
  problems.push(...parsed.problems, ...linked.problems);
  const baselineYear = opts.plan?.baselineYear ?? table?.years.baseline ?? 2020;
  const targetYear = opts.plan?.targetYear ?? table?.years.target ?? 2025;
  if (!opts.plan?.baselineYear && !table?.years.baseline)
    problems.push({
      line: table?.caption.line ?? 1,
      text: '',
      message: 'no baseline year in the header: 2020 taken',
    });
  if (!opts.plan?.targetYear && !table?.years.target)
    problems.push({
      line: table?.caption.line ?? 1,
      text: '',
      message: 'no target year in the header: 2025 taken',
    });
  const file: PlanFile = {
    format: PLAN_FORMAT,
    district: opts.district,
    plan: {
      title: opts.plan?.title ?? table?.caption.text ?? opts.document,
      baselineYear,
      midtermYear:
        opts.plan?.midtermYear ?? baselineYear + Math.ceil((targetYear - baselineYear) / 2),
      targetYear,
      settings: opts.plan?.settings ?? defaultSettings,
    },
    indicators: linked.indicators,
  };
  problems.sort((a, b) => a.line - b.line);
  return { file, rows: table?.rows ?? [], problems, notes: parsed.notes };
}
