import {
  defaultSettings,
  planTarget,
  PLAN_FORMAT,
  type AssessmentSettings,
  type District,
  type Indicator,
  type PlanFile,
} from '../plan';
import { assignedLevel } from './cell';
import type { Place, PlanDocument } from './document';
import {
  readDocumentRows,
  type DocumentProblem,
  type FindTableOptions,
  type Footnote,
  type TableRow,
  type TableRows,
} from './document-table';
import { periodIn, type HeaderYears } from './grid';
import { baselineOfYear, parseTarget, type ParseTargetOptions } from './target';
import { isCaption, readTextDocument } from './text-document';
import { compact, isUnit, sameUnit, splitUnit } from './text';

export type { DocumentProblem, Footnote, TableRow, TableRows } from './document-table';

export interface TableProblem {
  /** 1-based line in the document (0 when it has no lines: Word, HTML). */
  line: number;
  place?: Place;
  text: string;
  message: string;
}

/** Finds the main-indicator table in a plan's text and returns its printed rows, cells verbatim. */
export function readTableRows(text: string, startLine?: number): LineRows | null {
  const rows = readDocumentRows(readTextDocument(text, 'document'), { startLine });
  if (!rows) return null;
  return { ...rows, problems: rows.problems.map(atLine) };
}

export type LineRows = Omit<TableRows, 'problems'> & { problems: TableProblem[] };

const atLine = (p: DocumentProblem): TableProblem => ({
  line: p.place.line ?? 0,
  place: p.place,
  text: p.text,
  message: p.message,
});

/** One row read: its indicator, or null with what stopped it; what was noted on the way. */
export interface RowReading {
  indicator: Indicator | null;
  problems: TableProblem[];
  notes: TableProblem[];
}

const NUMBERS = /\d+(?:\.\d+)?/g;

/** "成片…约110 零星…约20": two figures in one value cell, which the reader never picks from. */
function twoFigures(text: string | null): boolean {
  const s = compact(baselineOfYear(text).text);
  return (s.match(NUMBERS) ?? []).length >= 2;
}

/**
 * Parses one row's target. The 单位 column, or the unit in the name's brackets, is the unit; a
 * row that cannot be read has no indicator and says why, naming the cell.
 */
export function readRow(
  row: TableRow,
  document: string,
  opts: ParseTargetOptions = {},
): RowReading {
  const say = (cell: string, text: string, message: string): TableProblem => ({
    line: row.line,
    place: row.place,
    text,
    message: `row ${row.label}, ${cell}: ${message}`,
  });
  const problems: TableProblem[] = [];
  const column = row.unit === null ? '' : compact(row.unit);
  const named = splitUnit(row.name);
  if (column !== '' && named.unit !== '' && !sameUnit(column, named.unit))
    problems.push(
      say('unit', row.unit ?? '', `the 单位 column says ${column}, the name ${named.unit}`),
    );
  for (const cell of ['baseline', 'target', 'rate'] as const) {
    if (twoFigures(row.raw[cell]))
      problems.push(
        say(cell, row.raw[cell] ?? '', 'two figures in one cell: listed for review, not guessed'),
      );
  }
  if (problems.length > 0) return { indicator: null, problems, notes: [] };
  const name =
    column !== '' && named.unit === '' && isUnit(column) ? `${row.name}（${column}）` : row.name;
  const parsed = parseTarget({ name, ...row.raw }, opts);
  if (!parsed.ok) {
    return {
      indicator: null,
      problems: parsed.errors.map((e) => say(e.cell, e.text, e.message)),
      notes: [],
    };
  }
  return {
    indicator: {
      seq: row.seq,
      category: row.category,
      name: named.name,
      unit: column || parsed.unit,
      attribute: parsed.attribute,
      leadDepartment: null,
      raw: parsed.reading ? { ...row.raw, reading: parsed.reading } : row.raw,
      target: parsed.target,
      revisions: [],
      source: { document, line: row.line > 0 ? row.line : null, kind: 'table', quote: row.quote },
    },
    problems: [],
    notes: parsed.notes.map((e) => say(e.cell, e.text, e.message)),
  };
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
  const readings = rows.map((r) => readRow(r, document, opts));
  return {
    indicators: readings.flatMap((r) => (r.indicator ? [r.indicator] : [])),
    problems: readings.flatMap((r) => r.problems),
    notes: readings.flatMap((r) => r.notes),
  };
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

export interface ReadTableOptions extends FindTableOptions {
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
  parse?: ParseTargetOptions;
}

/** A row of the table as read, beside its source cells. */
export interface DocumentTableRow extends TableRow {
  indicator: Indicator | null;
  problems: TableProblem[];
  /** The level an assigned target names (国家, 省, 市), when it is one. */
  assignedBy: string | null;
}

export interface DocumentTable {
  /** Null when no table was found or the plan's years are nowhere: `problems` says which. */
  file: PlanFile | null;
  caption: { text: string; place: Place } | null;
  years: HeaderYears;
  rows: DocumentTableRow[];
  problems: TableProblem[];
  /** What was read with a reservation (a baseline in another unit, years from the caption). */
  notes: TableProblem[];
  /** The table's footnotes (注：…, ① …), kept with the plan. */
  footnotes: Footnote[];
}

/**
 * The plan's title as the document prints it near its top: a short line ending in 规划 or 纲要
 * (a period in brackets after it allowed), never a caption or a sentence.
 */
function documentTitle(doc: PlanDocument): string | null {
  for (const l of doc.lines.slice(0, 40)) {
    const text = l.text.replace(/^#+\s*/, '').trim();
    const s = compact(text);
    if (s.length < 4 || s.length > 80 || isCaption(text) || /[。；;，,]/.test(s)) continue;
    if (
      /(规划|纲要)([(（][^)）]*[)）])?$/.test(s) &&
      !/^第[一二三四五六七八九十\d]+[章节篇]/.test(s)
    )
      return text;
  }
  return null;
}

/** 第十四个五年规划 in a title: the plan's number. */
function titlePeriod(doc: PlanDocument): HeaderYears | null {
  for (const l of doc.lines.slice(0, 60)) {
    const m = /第([一二三四五六七八九十]+)个五年规划/.exec(compact(l.text));
    if (m) return periodIn(`${m[1]}五`);
  }
  return null;
}

/**
 * The plan's years: the header's; what it lacks from the period the caption names, else the
 * document's title (第十四个五年规划), each said in the notes. Never a year of its own.
 */
function planYears(doc: PlanDocument, table: LineRows, notes: TableProblem[]): HeaderYears {
  const years = { ...table.years };
  const place = table.caption.place;
  const from: [string, HeaderYears | null][] = [
    ['the caption', periodIn(table.caption.text)],
    ['the document title', titlePeriod(doc)],
  ];
  for (const role of ['baseline', 'target'] as const) {
    if (years[role] !== null) continue;
    const found = from.find(([, y]) => y?.[role]);
    if (!found) continue;
    years[role] = found[1]?.[role] ?? null;
    notes.push({
      line: place.line ?? 0,
      place,
      text: table.caption.text,
      message: `no ${role} year in the header: ${years[role]} from the period ${found[0]} names`,
    });
  }
  return years;
}

/**
 * Reads the main-indicator table of a plan document into a draft plan file: every row with its
 * source cells, and its indicator or the reasons it has none.
 */
export function readDocumentTable(doc: PlanDocument, opts: ReadTableOptions): DocumentTable {
  const found = readDocumentRows(doc, opts);
  if (!found) {
    return {
      file: null,
      caption: null,
      years: { baseline: null, target: null },
      rows: [],
      problems: [
        {
          line: opts.startLine ?? 0,
          place: opts.startLine ? { line: opts.startLine } : {},
          text: '',
          message:
            'no main-indicator table found: no caption (表/专栏 … 主要指标) or header (指标, 目标 or 2025年 …) recognised',
        },
      ],
      notes: [],
      footnotes: [],
    };
  }
  const table: LineRows = { ...found, problems: found.problems.map(atLine) };
  const problems = [...table.problems];
  const notes = found.notes.map(atLine);
  const attribute = found.header.columns.includes('attribute');
  const parse = attribute ? opts.parse : { defaultAttribute: 'expected' as const, ...opts.parse };
  if (!attribute)
    problems.push({
      line: table.caption.line,
      place: table.caption.place,
      text: '',
      message: 'no 属性 column: every indicator taken as 预期性 (expected); mark the binding ones',
    });
  const rows: DocumentTableRow[] = table.rows.map((row) => {
    const reading = readRow(row, opts.document, parse);
    notes.push(...reading.notes);
    return {
      ...row,
      indicator: reading.indicator,
      problems: reading.problems,
      assignedBy: assignedLevel(planTarget(row.raw)),
    };
  });
  problems.push(...rows.flatMap((r) => r.problems));
  const linked = linkTargets(rows.flatMap((r) => (r.indicator ? [r.indicator] : [])));
  problems.push(...linked.problems);
  for (const r of rows) r.indicator = linked.indicators.find((i) => i.seq === r.seq) ?? null;
  const years = planYears(doc, table, notes);
  const baselineYear = opts.plan?.baselineYear ?? years.baseline;
  const targetYear = opts.plan?.targetYear ?? years.target;
  for (const [role, year] of [
    ['baseline', baselineYear],
    ['target', targetYear],
  ] as const) {
    if (year === null || year === undefined)
      problems.push({
        line: table.caption.line,
        place: table.caption.place,
        text: table.caption.text,
        message: `no ${role} year in the header, the caption or the title: give the plan's period`,
      });
  }
  const byPlace = (a: TableProblem, b: TableProblem) => a.line - b.line;
  problems.sort(byPlace);
  const caption =
    table.caption.text === '' ? null : { text: table.caption.text, place: table.caption.place };
  if (
    baselineYear === null ||
    targetYear === null ||
    baselineYear === undefined ||
    targetYear === undefined
  )
    return { file: null, caption, years, rows, problems, notes, footnotes: found.footnotes };
  const file: PlanFile = {
    format: PLAN_FORMAT,
    district: opts.district,
    plan: {
      title: opts.plan?.title ?? documentTitle(doc) ?? (table.caption.text || opts.document),
      baselineYear,
      midtermYear:
        opts.plan?.midtermYear ?? baselineYear + Math.ceil((targetYear - baselineYear) / 2),
      targetYear,
      settings: opts.plan?.settings ?? defaultSettings,
    },
    indicators: linked.indicators,
  };
  return { file, caption, years, rows, problems, notes, footnotes: found.footnotes };
}

/** Reads the main-indicator table of a plan's text (any text layout) into a draft plan file. */
export function readTable(text: string, opts: ReadTableOptions): DocumentTable {
  return readDocumentTable(readTextDocument(text, opts.document), opts);
}
