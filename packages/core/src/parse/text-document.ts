import type { PlanDocument, SourceCell, SourceTable } from './document';
import { isHeaderCell, mapHeader } from './grid';
import { compact } from './text';

/**
 * A plan stored as text or markdown, read into the document model: its lines, numbered from 1,
 * and every table found in them, in the layouts users have — tab-separated rows (a browser or
 * Word copy), one cell per line with or without a leading tab and with or without blank lines
 * (a PDF copy), cells ending in " |", and markdown or pipe tables.
 */
export function readTextDocument(text: string, name: string): PlanDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const tables: SourceTable[] = [];
  let markdown = lines.some((l) => /^#{1,6}\s/.test(l));
  let i = 0;
  while (i < lines.length) {
    const found = isCaption(lines[i] ?? '') || isBlank(lines[i]) ? null : blockAt(lines, i);
    if (!found) {
      i += 1;
      continue;
    }
    markdown ||= found.markdown;
    tables.push({ caption: captionAbove(lines, i), rows: found.rows, place: { line: i + 1 } });
    i = Math.max(found.end, i + 1);
  }
  return {
    name,
    format: markdown ? 'markdown' : 'text',
    lines: lines.map((t, k) => ({ text: t, place: { line: k + 1 } })),
    tables,
    problems: [],
  };
}

interface Block {
  rows: SourceCell[][];
  /** The 0-based line after the block. */
  end: number;
  markdown: boolean;
}

const isBlank = (line: string | undefined) => (line ?? '').trim() === '';
const isNote = (line: string) => /^注/.test(compact(line));
const ROW_NUMBER = /^\d{1,3}$/;
const HEADING = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;

/** 表1 …, 专栏 2-1 …, …主要指标表, 主要发展目标: a caption line, never a row of a table. */
export function isCaption(line: string): boolean {
  const s = compact(line);
  if (s.length > 60 || /[。；;]$/.test(s)) return false;
  return (
    /^(表|专栏)[\d一二三四五六七八九十]+/.test(s) ||
    /^(表|专栏).*(指标|目标)/.test(s) ||
    /主要.{0,16}(指标|目标)(一览)?表?$/.test(s)
  );
}

function captionAbove(lines: string[], at: number): SourceTable['caption'] {
  for (let k = at - 1; k >= 0 && k >= at - 6; k--) {
    const line = lines[k] ?? '';
    if (isBlank(line) || /^[(（]?单位/.test(compact(line))) continue;
    return isCaption(line) ? { text: line.trim(), place: { line: k + 1 } } : null;
  }
  return null;
}

function blockAt(lines: string[], i: number): Block | null {
  const line = lines[i] ?? '';
  const bar = /\S\s*\|\s*$/.test(line) && !line.replace(/\|\s*$/, '').includes('|');
  if (bar) return cellBlock(i, barCells(lines, i));
  if (pipeCells(line)) return pipeBlock(lines, i);
  if (line.includes('\t') && !isOneCellPerLine(lines, i)) return tabBlock(lines, i);
  if (/^\t[^\t]*$/.test(line)) return cellBlock(i, tabCells(lines, i));
  if (!line.includes('\t') && isHeaderCell(line) && compact(line).length <= 20)
    return cellBlock(i, plainCells(lines, i));
  return null;
}

const cell = (text: string, line: number, col?: number): SourceCell => ({
  text,
  place: col === undefined ? { line } : { line, col },
});

/** "| a | b |" or "a | b": the cells of a pipe row; null for a line that is not one. */
function pipeCells(line: string, outer = line.trim().startsWith('|')): string[] | null {
  const s = line.trim();
  if (!s.includes('|')) return null;
  const inner = outer ? s.replace(/^\|/, '').replace(/(?<!\\)\|$/, '') : s;
  const cells = inner.split(/(?<!\\)\|/).map((c) =>
    c
      .replace(/\\\|/g, '|')
      .replace(/<br\s*\/?>/gi, '\n')
      .trim(),
  );
  return cells.length >= 2 ? cells : null;
}

const isSeparator = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c.trim()));

function pipeBlock(lines: string[], from: number): Block | null {
  const rows: SourceCell[][] = [];
  let markdown = false;
  const outer = (lines[from] ?? '').trim().startsWith('|');
  let i = from;
  for (; i < lines.length; i++) {
    const cells = pipeCells(lines[i] ?? '', outer);
    if (!cells || isCaption(lines[i] ?? '')) break;
    if (isSeparator(cells)) {
      markdown = true;
      continue;
    }
    rows.push(cells.map((c, k) => cell(c, i + 1, k + 1)));
  }
  return rows.length >= 2 ? { rows, end: i, markdown } : null;
}

function isOneCellPerLine(lines: string[], from: number): boolean {
  const sample = lines.slice(from, from + 40).filter((l) => !isBlank(l));
  const wide = sample.filter((l) => l.split('\t').length >= 4).length;
  const single = sample.filter((l) => /^\t[^\t]*$/.test(l)).length;
  return single > wide;
}

/** 一、经济发展 / （二）绿色生态 on its own line, with the table's rows going on after it. */
function isCategoryLine(line: string, next: string | undefined): boolean {
  const s = compact(line);
  return HEADING.test(s) && s.length <= 20 && !/[。；;，,]/.test(s) && (next ?? '').includes('\t');
}

/** Tab-separated rows, one printed line each; blank lines inside (page breaks) are skipped. */
function tabBlock(lines: string[], from: number): Block | null {
  const rows: SourceCell[][] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      if (rows.length > 0 && !(lines[i + 1] ?? '').includes('\t')) break;
      continue;
    }
    const cells = line.split('\t').map((c) => c.trim());
    // A category row merged over the whole width copies as one cell: 一、经济发展 between rows.
    if (cells.length === 1 && rows.length > 0 && isCategoryLine(line, lines[i + 1])) {
      rows.push([cell(cells[0] ?? '', i + 1, 1)]);
      continue;
    }
    if (cells.length < 2 || isCaption(line)) break;
    if (isNote(cells.find((c) => c !== '') ?? '')) break;
    rows.push(cells.map((c, k) => cell(c, i + 1, k + 1)));
  }
  const full = rows.filter((r) => r.filter((c) => c.text !== '').length >= 3);
  return full.length >= 2 ? { rows, end: i, markdown: false } : null;
}

interface Stream {
  cells: { text: string; line: number }[];
  end: number;
}

/** One cell per tab-indented line; a line without the tab continues the cell above it. */
function tabCells(lines: string[], from: number): Stream {
  const cells: Stream['cells'] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const last = cells.at(-1);
    if (isCaption(line)) break;
    if (!line.startsWith('\t') && isBlank(line)) continue;
    if (line.startsWith('\t')) cells.push({ text: line.trim(), line: i + 1 });
    else if (last && !isNote(line) && nextStarts(lines, i + 1, (l) => l.startsWith('\t')))
      last.text = `${last.text}\n${line.trim()}`;
    else break;
  }
  return { cells, end: i };
}

/** One cell per line ending in "|"; lines before it without the bar are the cell's first lines. */
function barCells(lines: string[], from: number): Stream {
  const cells: Stream['cells'] = [];
  const open: string[] = [];
  let openAt = 0;
  let i = from;
  const ends = (l: string) => /\|\s*$/.test(l) && !l.replace(/\|\s*$/, '').includes('|');
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    if (isCaption(line)) break;
    if (ends(line)) {
      const text = [...open, line.replace(/\|\s*$/, '').trim()].join('\n');
      cells.push({ text, line: open.length > 0 ? openAt : i + 1 });
      open.length = 0;
    } else if (!isNote(line) && nextStarts(lines, i + 1, ends)) {
      if (open.length === 0) openAt = i + 1;
      open.push(line.trim());
    } else break;
  }
  return { cells, end: i - open.length };
}

/**
 * One cell per line, no mark at all (a copy from a PDF viewer or a browser). When blank lines
 * part the cells, the lines between two blank lines are one wrapped cell.
 */
function plainCells(lines: string[], from: number): Stream {
  const head = lines.slice(from, from + 6);
  const parted =
    head.filter(isBlank).length >= 2 &&
    head.every((l, k) => k === 0 || !isBlank(l) || !isBlank(head[k - 1]));
  const cells: Stream['cells'] = [];
  let i = from;
  let blankBefore = true;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      if (isBlank(lines[i + 1]) && isBlank(lines[i + 2])) break;
      blankBefore = true;
      continue;
    }
    if (isCaption(line) || isNote(line) || line.includes('\t') || compact(line).length > 40) break;
    const last = cells.at(-1);
    if (parted && !blankBefore && last) last.text = `${last.text}\n${line.trim()}`;
    else cells.push({ text: line.trim(), line: i + 1 });
    blankBefore = false;
  }
  return { cells, end: i };
}

/**
 * Cell k starts a row (a copy that dropped the empty cells of the row before): the row it starts
 * has a name, not a figure, after its number.
 */
function startsRow(cells: Stream['cells'], k: number, width: number): boolean {
  const after = compact(cells[k + 1]?.text ?? '');
  return (
    k + width <= cells.length + 1 &&
    /[\u4e00-\u9fff]{2}/.test(after) &&
    !HEADING.test(after) &&
    !/^(预期|约束)性?$/.test(after)
  );
}

function nextStarts(lines: string[], from: number, test: (l: string) => boolean): boolean {
  const next = lines.slice(from).find((l) => !isBlank(l) || l.startsWith('\t'));
  return next !== undefined && test(next);
}

/**
 * Cells printed one per line put back in rows: the cells before the first row number or category
 * row are the header, and each row number starts a row as wide as the header. A row cut short by
 * the next category row stays short; an empty first cell starts a row without a number (a
 * sub-row); any other cell that starts no row stands alone.
 */
function cellBlock(from: number, stream: Stream): Block | null {
  const { cells } = stream;
  const start = cells.findIndex((c) => ROW_NUMBER.test(compact(c.text)) || HEADING.test(c.text));
  if (start <= 0) return null;
  const header = cells.slice(0, start);
  const mapped = mapHeader(header.map((c) => c.text));
  if (!mapped) return null;
  const width = header.length;
  const numbered = mapped.columns[0] === 'seq';
  const at = (c: { text: string; line: number }) => cell(c.text, c.line);
  const rows: SourceCell[][] = [header.map(at)];
  let i = start;
  while (i < cells.length) {
    const head = cells[i] as Stream['cells'][number];
    const unnumbered = head.text === '' && cells.length - i >= width;
    if (
      HEADING.test(head.text) ||
      (numbered && !unnumbered && !ROW_NUMBER.test(compact(head.text)))
    ) {
      if (!HEADING.test(head.text) && !cells.slice(i).some((c) => ROW_NUMBER.test(compact(c.text))))
        break;
      rows.push([at(head)]);
      i += 1;
      continue;
    }
    const row = [head];
    const next = String(Number(compact(head.text)) + 1);
    for (let k = i + 1; k < Math.min(i + width, cells.length); k++) {
      const c = cells[k] as Stream['cells'][number];
      if (
        HEADING.test(c.text) ||
        (numbered &&
          k < i + width - 1 &&
          compact(c.text) === next &&
          ROW_NUMBER.test(next) &&
          startsRow(cells, k, width))
      )
        break;
      row.push(c);
    }
    rows.push(row.map(at));
    i += row.length;
  }
  return { rows, end: Math.max(stream.end, from + 1), markdown: false };
}
