import type { RawCells } from '../plan';
import { alignCategories, categoryName, type Fragment } from './category';
import { readCell } from './cell';
import type { Place, PlanDocument, SourceCell, SourceTable } from './document';
import { headerTexts, isHeaderRow, mapHeader, type HeaderYears, type Role } from './grid';
import { cleanText, compact, splitUnit } from './text';

/** Something of the document the reader could not take, with where it was printed. */
export interface DocumentProblem {
  place: Place;
  /** The source text, verbatim. */
  text: string;
  message: string;
}

/** One printed row of a main-indicator table, before its target is parsed. */
export interface TableRow {
  seq: number;
  /** The printed 序号; "8a" for a sub-row printed under row 8 with numbers of its own. */
  label: string;
  category: string;
  /** The name as printed (spaces of the conversion removed), unit still in its brackets. */
  name: string;
  /** The 单位 column's text, when the table has one. */
  unit: string | null;
  /** Cell texts verbatim (footnote marks taken off); lines of a split cell joined with "\n". */
  raw: RawCells;
  /** The document line the row starts on (0 when the document has no lines, Word or HTML). */
  line: number;
  place: Place;
  /** The printed lines of the row, verbatim (a Word or HTML row: its cells, tab-separated). */
  quote: string;
  /** The source cells of each column the row read, with their places. */
  cells: Partial<Record<Role, SourceCell[]>>;
  /** Footnote marks printed on the row ([1], ①, *, 注1). */
  marks: string[];
}

export interface TableRows {
  caption: { line: number; text: string; place: Place };
  table: SourceTable;
  header: Header;
  years: HeaderYears;
  rows: TableRow[];
  problems: DocumentProblem[];
  /** What the reader noted on its rows (a parent row read as its sub-rows). */
  notes: DocumentProblem[];
  /** Footnotes printed with the table (注：…, ① …), kept with the plan. */
  footnotes: Footnote[];
}

export interface Footnote {
  place: Place;
  text: string;
}

type CellName = 'baseline' | 'target' | 'rate' | 'attribute';
const CELLS: CellName[] = ['baseline', 'target', 'rate', 'attribute'];
const VALUES: CellName[] = ['baseline', 'target', 'rate'];
const ROLES: Role[] = ['seq', 'category', 'name', 'subname', 'unit', ...CELLS];

const ROW_NUMBER = /^\d{1,3}$/;
const NUMBERED_NAME = /^(\d{1,3})\s*[.．、]\s*/;
const HEADING = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;
const MARK =
  /\s*(\[\d{1,2}\]|［\d{1,2}］|[①-⑳]|\*{1,3}|＊|注\s*\d{1,2})(?=\s*(?:[(（][^()（）]*[)）])?\s*$)/;
const CAPTION = /^(表|专栏).*主要.*(指标|目标)|主要.{0,16}(指标|目标)(一览)?表?$|发展目标/;

export interface FindTableOptions {
  /** Only tables printed at or after this 1-based line. */
  startLine?: number;
}

/**
 * The main-indicator table of a document: the first whose caption names it (表N / 专栏N …
 * 主要指标, 主要指标一览表, 主要发展目标) and whose header is recognised; else, among the tables
 * without such a caption, the longest whose header row is recognised by its columns.
 */
export function findMainTable(
  doc: PlanDocument,
  opts: FindTableOptions = {},
): { table: SourceTable; header: Header } | null {
  const from = opts.startLine ?? 1;
  const candidates = doc.tables
    .filter((t) => (t.place.line ?? from) >= from)
    .map((table) => ({ table, header: readHeader(table) }))
    .filter((c): c is { table: SourceTable; header: Header } => c.header !== null)
    .filter((c) => c.table.rows.length > c.header.start);
  const captioned = candidates.find((c) => CAPTION.test(compact(c.table.caption?.text ?? '')));
  if (captioned) return captioned;
  return (
    candidates
      .filter((c) => !c.table.caption || !/^(表|专栏)/.test(compact(c.table.caption.text)))
      .sort((a, b) => b.table.rows.length - a.table.rows.length)[0] ??
    candidates.sort((a, b) => b.table.rows.length - a.table.rows.length)[0] ??
    null
  );
}

export interface Header {
  columns: (Role | null)[];
  years: HeaderYears;
  width: number;
  /** Index of the first row after the header. */
  start: number;
  /** The header's text, column by column. */
  texts: string[];
}

const filled = (row: SourceCell[]) => row.filter((c) => compact(c.text) !== '');

function isHeading(row: SourceCell[]): boolean {
  const texts = [...new Set(filled(row).map((c) => compact(c.text)))];
  if (texts.length !== 1) return false;
  const spans = row.length > 1 && row.every((c) => c.mergedFrom === 'left' || c === row[0]);
  return HEADING.test(texts[0] ?? '') || (spans && !/\d/.test(texts[0] ?? ''));
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/**
 * The header rows: those before the first row with a row number (or a numbered name, or a
 * category row); without any, the leading rows of header words. Their texts joined column by
 * column give each column's role.
 */
export function readHeader(table: SourceTable): Header | null {
  const rows = table.rows;
  const width = mode(rows.filter((r) => filled(r).length >= 3).map((r) => r.length));
  if (width < 2) return null;
  let start = rows.findIndex(
    (r) =>
      ROW_NUMBER.test(compact(r[0]?.text ?? '')) ||
      r.some((c) => /^\d{1,3}\s*[.．、]\s*\D/.test(c.text)) ||
      isHeading(r),
  );
  if (
    start < 0 ||
    rows.slice(0, start).some((r) => filled(r).some((c) => /^\d+(\.\d+)?$/.test(compact(c.text))))
  ) {
    start = rows.findIndex((r) => !isHeaderRow(r.map((c) => c.text)));
    if (start < 0) start = rows.length;
  }
  if (start <= 0) return null;
  const head = rows.slice(0, start).filter((r) => r.length <= width);
  const texts = headerTexts(
    head.map((r) => r.map((c) => (c.mergedFrom ? '' : c.text))),
    width,
  );
  const mapped = mapHeader(texts);
  return mapped ? { ...mapped, width, start, texts } : null;
}

interface Draft {
  label: string;
  names: string[];
  /** The printed name a sub-row belongs to (其中…, 小学 under 义务教育巩固率). */
  parent: string | null;
  sub: string;
  unit: string[];
  cells: Record<CellName, string[]>;
  source: Partial<Record<Role, SourceCell[]>>;
  marks: string[];
  first: number;
  last: number;
  place: Place;
  quote: string[];
  pageBreakBefore: boolean;
  heading: string | null;
  merged: CellName[];
}

interface Context {
  doc: PlanDocument;
  header: Header;
  lines: string[];
  /** Rows may continue over several printed lines (a PDF converted to text). */
  continuing: boolean;
  /** The table prints row numbers (a 序号 column or numbered names). */
  numbered: boolean;
  problems: DocumentProblem[];
  notes: DocumentProblem[];
}

/** Reads the rows of the main-indicator table of a document, cells verbatim, with their places. */
export function readDocumentRows(doc: PlanDocument, opts: FindTableOptions = {}): TableRows | null {
  const found = findMainTable(doc, opts);
  if (!found) return null;
  const { table, header } = found;
  const lines = doc.lines.map((l) => l.text);
  const ctx: Context = {
    doc,
    header,
    lines,
    continuing: doc.format === 'text' && table.rows.every((r) => r.every((c) => c.place.line)),
    numbered:
      header.columns.includes('seq') ||
      table.rows.some((r) => r.some((c) => /^\d{1,3}\s*[.．、]\s*\D/.test(c.text))),
    problems: [],
    notes: [],
  };
  const drafts = readDrafts(table, ctx);
  const kept = dropParents(drafts, ctx);
  categorise(kept, ctx);
  if (!table.rows.some((r) => r.some((c) => c.mergedFrom))) carryMergedCells(kept);
  const captionPlace = table.caption?.place ?? table.place;
  return {
    caption: {
      line: captionPlace.line ?? 0,
      text: table.caption?.text ?? '',
      place: captionPlace,
    },
    table,
    header,
    years: header.years,
    rows: toRows(kept, lines),
    problems: ctx.problems,
    notes: ctx.notes,
    footnotes: footnotes(doc, table, kept),
  };
}

function lastLine(c: SourceCell, lines: string[]): number {
  const line = c.place.line ?? 0;
  const parts = c.text.split('\n');
  if (parts.length === 1) return line;
  const end = (parts.at(-1) ?? '').trim();
  for (let k = line + parts.length - 2; k < Math.min(lines.length, line + 40); k++)
    if ((lines[k] ?? '').trim() === end) return k + 1;
  return line + parts.length - 1;
}

function rowLines(row: SourceCell[], ctx: Context): { first: number; last: number; quote: string } {
  const at = row.map((c) => c.place.line).filter((l): l is number => l !== undefined);
  if (at.length === 0) return { first: 0, last: 0, quote: row.map((c) => c.text).join('\t') };
  const first = Math.min(...at);
  const last = Math.max(...row.map((c) => lastLine(c, ctx.lines)));
  return { first, last, quote: ctx.lines.slice(first - 1, last).join('\n') };
}

/** The row's place: of a cell printed in it (a cell merged from above carries the row above's). */
const placeOf = (row: SourceCell[]): Place => {
  const p = (row.find((c) => c.mergedFrom !== 'above') ?? row[0])?.place ?? {};
  return p.col !== undefined ? { ...p, col: undefined } : p;
};

function cleanPlace(p: Place): Place {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Place;
}

/** "城镇化率①（%）" → "城镇化率（%）" and the mark ①. */
function takeMarks(text: string): { text: string; marks: string[] } {
  const marks: string[] = [];
  let s = text;
  for (let m = MARK.exec(s); m; m = MARK.exec(s)) {
    marks.push((m[1] ?? '').replace(/\s+/g, ''));
    s = s.slice(0, m.index) + s.slice(m.index + m[0].length);
  }
  return { text: s, marks };
}

/** A value cell's mark: "5.5①", "13.5*", "85[1]" (a bracket after a number, not a [total]). */
function takeValueMark(text: string): { text: string; marks: string[] } {
  const m = /(?<=\S)\s*([①-⑳]|\*{1,3}|＊|\[\d{1,2}\])\s*$/.exec(text);
  if (!m || /^\s*[[【]/.test(text)) return { text, marks: [] };
  return { text: text.slice(0, m.index), marks: [(m[1] ?? '').replace(/\s+/g, '')] };
}

function readDrafts(table: SourceTable, ctx: Context): Draft[] {
  const { header } = ctx;
  const { width, columns } = header;
  const drafts: Draft[] = [];
  let heading: string | null = null;
  let previousPage: number | undefined;
  for (const [k, source] of table.rows.slice(header.start).entries()) {
    const at = rowLines(source, ctx);
    const place = cleanPlace(placeOf(source));
    const problem = (message: string) => ctx.problems.push({ place, text: at.quote, message });
    const page = source[0]?.place.page;
    const oneLine = source.every((c) => c.place.line !== undefined && c.place.line === at.first);
    const blankBefore =
      oneLine && k > 0 && at.first > 1 && (ctx.lines[at.first - 2] ?? '').trim() === '';
    const pageBreakBefore =
      blankBefore || (page !== undefined && previousPage !== undefined && page !== previousPage);
    previousPage = page;
    if (isHeading(source)) {
      heading = categoryName(filled(source)[0]?.text ?? '');
      continue;
    }
    if (source.length === 1 && width > 1) {
      problem('a cell outside any row (not a row number after a full row)');
      continue;
    }
    const row = [...source];
    if (row.length < width && !oneLine) {
      problem(`${row.length} cells where the header has ${width}`);
      continue;
    }
    if (row.slice(width).some((c) => compact(c.text) !== '')) {
      problem(`${row.length} cells where the header has ${width}`);
      continue;
    }
    const cellOf = (role: Role): SourceCell | undefined => {
      const i = columns.indexOf(role);
      return i < 0 ? undefined : row[i];
    };
    const col = (role: Role) => (cellOf(role)?.text ?? '').trim();
    const seqCell = cellOf('seq');
    const nameCell = cellOf('name');
    const mergedSeq = seqCell?.mergedFrom === 'above';
    const mergedName = nameCell?.mergedFrom === 'above';
    const printed = numbered(mergedSeq ? '' : col('seq'), mergedName ? '' : col('name'));
    const { text: name, marks } = takeMarks(printed.name);
    const label = printed.label;
    const sub = cellOf('subname')?.mergedFrom === 'left' ? '' : col('subname');
    const spread = VALUES.filter((c) => {
      const i = columns.indexOf(c);
      return i > 0 && row[i]?.mergedFrom === 'left' && VALUES.includes(columns[i - 1] as CellName);
    });
    if (spread.some((c) => /\d/.test(col(c)))) {
      problem(
        `one cell over the ${spread.join(' and ')} columns and the one before: listed, not guessed`,
      );
      continue;
    }
    const own = {} as Record<CellName, string>;
    for (const c of CELLS) {
      const v = takeValueMark(spread.includes(c) ? '' : col(c));
      own[c] = v.text.trim();
      marks.push(...v.marks);
    }
    const current = drafts.at(-1);
    const conflicts = current && VALUES.some((c) => own[c] !== '' && current.cells[c].length > 0);
    const isSub = /^其中/.test(compact(name)) || (name === '' && sub !== '') || mergedSeq;
    const fresh = (lbl: string, parent: string | null): Draft => ({
      label: lbl,
      names: name === '' ? [] : [name],
      parent,
      sub,
      unit: [],
      cells: { baseline: [], target: [], rate: [], attribute: [] },
      source: {},
      marks: [],
      first: at.first,
      last: at.last,
      place,
      quote: [],
      pageBreakBefore,
      heading,
      merged: [],
    });
    if (label !== '') {
      drafts.push(fresh(label, null));
    } else if (!ctx.numbered && name !== '' && !isSub) {
      drafts.push(fresh(String(drafts.filter((x) => /^\d+$/.test(x.label)).length + 1), null));
    } else if (current && (isSub || (name !== '' && (conflicts || !ctx.continuing)))) {
      const parent = isSub ? (current.parent ?? baseName(current)) : null;
      drafts.push(fresh(subLabel(drafts, current.label), parent));
    } else if (!current) {
      if (filled(source).length > 0) problem('a line before the first numbered row');
      continue;
    } else if (!ctx.continuing) {
      if (VALUES.some((c) => own[c] !== '')) problem('figures in a row without a name');
      continue;
    } else {
      const glued = VALUES.find(
        (c) => /^\d/.test(compact(own[c])) && /\d$/.test(compact(current.cells[c].at(-1) ?? '')),
      );
      if (glued) {
        problem(
          `figures under row ${current.label}'s ${glued} with no name of their own: not joined`,
        );
        continue;
      }
      if (name !== '') current.names.push(name);
    }
    const d = drafts.at(-1) as Draft;
    for (const c of CELLS) if (own[c] !== '') d.cells[c].push(own[c]);
    if (col('unit') !== '') d.unit.push(col('unit'));
    for (const role of ROLES) {
      const c = cellOf(role);
      if (c && compact(c.text) !== '') (d.source[role] ??= []).push(c);
    }
    d.marks.push(...marks);
    d.last = Math.max(d.last, at.last);
    d.quote.push(at.quote);
  }
  return drafts;
}

function baseName(d: Draft): string {
  return cleanText(d.names.join(' '));
}

/** The printed 序号, from its own column or from the name ("1. 生产总值…"), and the name without it. */
function numbered(seq: string, name: string): { label: string; name: string } {
  if (ROW_NUMBER.test(compact(seq))) return { label: compact(seq), name };
  const m = NUMBERED_NAME.exec(name);
  return m && !/^\d{4}/.test(name)
    ? { label: m[1] ?? '', name: name.slice(m[0].length) }
    : { label: '', name };
}

/** "8" → "8a", then "8b": a sub-row printed under row 8 with numbers of its own. */
function subLabel(drafts: Draft[], label: string): string {
  const base = label.replace(/[a-z]$/, '');
  const subs = drafts.filter((d) => new RegExp(`^${base}[a-z]$`).test(d.label)).length;
  return `${base}${String.fromCharCode(97 + subs)}`;
}

/** A row that prints only the name its sub-rows share is their parent, not an indicator. */
function dropParents(drafts: Draft[], ctx: Context): Draft[] {
  return drafts.filter((d, i) => {
    const next = drafts[i + 1];
    const empty = CELLS.every((c) => d.cells[c].length === 0) && d.unit.length === 0;
    const parent = empty && next?.parent !== null && next?.parent === baseName(d);
    if (parent)
      ctx.notes.push({
        place: d.place,
        text: d.quote.join('\n'),
        message: `row ${d.label} names its sub-rows only: they are read as indicators, it is not`,
      });
    return !parent;
  });
}

/**
 * The category of each row: its category row (一、经济发展); else the category column. A PDF
 * converted to text prints a merged category cell as fragments, top-aligned or centred over
 * its rows; other formats repeat the merged cell, and a blank carries the one above down, the
 * column (finer) before the category row it is under.
 */
function categorise(drafts: Draft[], ctx: Context): void {
  const fragments: Fragment[] = [];
  for (const d of drafts)
    for (const c of d.source.category ?? [])
      fragments.push({ line: c.place.line ?? 0, text: c.text });
  if (ctx.continuing) {
    const categories = alignCategories(drafts, fragments);
    drafts.forEach((d, i) => {
      if (d.heading === null) d.heading = categories[i] ?? '';
    });
    return;
  }
  let last = '';
  let under: string | null = null;
  for (const d of drafts) {
    const own = d.source.category?.map((c) => c.text).join('') ?? '';
    if (d.heading !== under) last = '';
    under = d.heading;
    if (own !== '') last = categoryName(own);
    if (last !== '' || d.heading === null) d.heading = last;
  }
}

/**
 * A table that prints a dash in the cells it leaves blank prints a merged cell's text once: an
 * empty cell under a filled one in the same category is that merged cell (Yuhua's 达到市要求).
 * Only where the format reader could not say which cells were merged.
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

function rowName(d: Draft): string {
  const own = baseName(d);
  if (d.parent === null && d.sub === '') return own;
  const base = splitUnit(d.parent ?? own);
  const child = d.parent === null ? '' : own.replace(/^其中\s*[:：]?\s*/, '');
  const bySub = child === '' || child === base.name;
  const joined = bySub ? `${base.name}（${cleanText(d.sub)}）` : `${base.name}：${child}`;
  const unit = splitUnit(child).unit === '' && base.unit !== '' ? `（${base.unit}）` : '';
  return `${joined}${unit}`;
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
      name: rowName(d),
      unit: d.unit.length > 0 ? cleanText(d.unit.join('')) : null,
      raw,
      line: d.first,
      place: d.place,
      quote: d.first > 0 ? lines.slice(d.first - 1, d.last).join('\n') : d.quote.join('\n'),
      cells: d.source,
      marks: [...new Set(d.marks)],
    };
  });
}

/** Footnotes of the table: 注 lines just after it, and lines starting with a mark its rows use. */
function footnotes(doc: PlanDocument, table: SourceTable, drafts: Draft[]): Footnote[] {
  const marks = new Set(drafts.flatMap((d) => d.marks));
  const cellEnd = Math.max(0, ...table.rows.flat().map((c) => c.place.line ?? 0));
  // A Word or HTML table's cells have no lines: the table's place says which line follows it.
  const end = cellEnd || Math.max(0, (table.place.line ?? 0) - 1);
  const out: Footnote[] = [];
  let inNote = false;
  for (const l of doc.lines) {
    const s = l.text.replace(/\s+/g, '');
    const line = l.place.line ?? 0;
    const after = end > 0 && line > end && line <= end + 12;
    const marked = [...marks].some((m) => s.startsWith(m) && s.length > m.length);
    if (s === '') continue;
    if ((after && /^注/.test(s)) || marked || (inNote && after && /^(\d+[.．、]|[①-⑳])/.test(s))) {
      out.push({ place: l.place, text: l.text.trim() });
      inNote = true;
    } else inNote = false;
  }
  return out;
}
