import { compact } from './text';

export type Role = 'seq' | 'category' | 'name' | 'baseline' | 'target' | 'rate' | 'attribute';

/** One printed record of a table: a tab-separated line, or the cells of one row printed one per line. */
export interface GridRecord {
  cells: string[];
  /** 1-based document lines the record spans. */
  first: number;
  last: number;
  /** A blank line (page break of the PDF) came before this record. */
  pageBreakBefore: boolean;
  /** A category row such as "一、经济发展" instead of cells. */
  heading?: string;
}

export interface GridProblem {
  line: number;
  text: string;
  message: string;
}

export interface Grid {
  caption: { line: number; text: string };
  columns: (Role | null)[];
  years: { baseline: number | null; target: number | null };
  records: GridRecord[];
  problems: GridProblem[];
}

const CAPTION = /^(表|专栏)[\d.．:：\-—、]*.*主要(发展)?(指标|目标)/;
const HEADING = /^[一二三四五六七八九十]+[、.．]/;
const ROW_NUMBER = /^\d{1,3}$/;
const NUMBERED_NAME = /^\d{1,3}\s*[.．、]\s*\D/;
const isBlank = (line: string) => line.trim() === '';

/** Finds the first main-indicator table (表/专栏 … 主要指标/主要发展目标) at or after `startLine`. */
export function readGrid(text: string, startLine = 1): Grid | null {
  const lines = text.split(/\r?\n/);
  for (let i = Math.max(0, startLine - 1); i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!CAPTION.test(compact(line))) continue;
    const caption = { line: i + 1, text: line.trim() };
    const grid = isOneCellPerLine(lines, i + 1)
      ? readCellLines(lines, i + 1, caption)
      : readTabLines(lines, i + 1, caption);
    if (grid && grid.records.some((r) => !r.heading)) return grid;
  }
  return null;
}

function isOneCellPerLine(lines: string[], from: number): boolean {
  const sample = lines.slice(from, from + 40).filter((l) => !isBlank(l));
  const wide = sample.filter((l) => l.split('\t').length >= 4).length;
  const single = sample.filter((l) => /^\t[^\t]*$/.test(l)).length;
  return single > wide;
}

/** Role of each column from its header words; columns headed only by a year are baseline, then target. */
export function mapHeader(
  header: string[],
): { columns: (Role | null)[]; years: Grid['years'] } | null {
  const words: [Role, RegExp][] = [
    ['attribute', /属性/],
    ['seq', /序号|^序/],
    ['category', /类别|领域/],
    ['rate', /年均|增长|增速|累计/],
    ['baseline', /基数|基期/],
    ['target', /目标/],
    ['name', /指标|名称/],
  ];
  const columns = header.map((h) => words.find(([, re]) => re.test(compact(h)))?.[0] ?? null);
  for (const role of ['baseline', 'target'] as const) {
    if (columns.includes(role)) continue;
    const i = columns.findIndex((c, k) => c === null && /(19|20)\d\d/.test(header[k] ?? ''));
    if (i >= 0) columns[i] = role;
  }
  const required: Role[] = ['name', 'baseline', 'target', 'rate', 'attribute'];
  if (required.some((r) => columns.filter((c) => c === r).length !== 1)) return null;
  const year = (role: Role) => {
    const m = /(19|20)\d\d/.exec(header[columns.indexOf(role)] ?? '');
    return m ? Number(m[0]) : null;
  };
  return { columns, years: { baseline: year('baseline'), target: year('target') } };
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** Tab-separated rows, one printed line each (Yuhua, Weibin). Ends at 注 or at a line without tabs. */
function readTabLines(lines: string[], from: number, caption: Grid['caption']): Grid | null {
  const recs: GridRecord[] = [];
  let pageBreak = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      pageBreak = recs.length > 0;
      continue;
    }
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length < 2 || compact(cells.find((c) => c !== '') ?? '').startsWith('注')) break;
    recs.push({ cells, first: i + 1, last: i + 1, pageBreakBefore: pageBreak });
    pageBreak = false;
  }
  const width = mode(
    recs.filter((r) => r.cells.filter((c) => c !== '').length >= 3).map((r) => r.cells.length),
  );
  const start = recs.findIndex(
    (r) => ROW_NUMBER.test(r.cells[0] ?? '') || r.cells.some((c) => NUMBERED_NAME.test(c)),
  );
  if (start < 0) return null;
  const header = recs.slice(0, start).filter((r) => r.cells.length === width);
  const mapped = mapHeader(
    Array.from({ length: width }, (_, k) => header.map((r) => r.cells[k] ?? '').join(' ')),
  );
  if (!mapped) return null;
  const problems: GridProblem[] = [];
  const records: GridRecord[] = [];
  for (const r of recs.slice(start)) {
    const extra = r.cells.slice(width);
    if (extra.some((c) => c !== '')) {
      problems.push({
        line: r.first,
        text: lines[r.first - 1] ?? '',
        message: `${r.cells.length} cells where the header has ${width}`,
      });
      continue;
    }
    const cells = r.cells.slice(0, width);
    while (cells.length < width) cells.push('');
    records.push(headingOf({ ...r, cells }));
  }
  return { caption, ...mapped, records, problems };
}

function headingOf(r: GridRecord): GridRecord {
  const filled = r.cells.filter((c) => c !== '');
  return filled.length === 1 && HEADING.test(filled[0] ?? '') ? { ...r, heading: filled[0] } : r;
}

interface Cell {
  text: string;
  first: number;
  last: number;
}

/**
 * One cell per tab-indented line (Xinhua). A line without the tab continues the cell above; the
 * table ends at the first such line that no further cell follows.
 */
function readCellLines(lines: string[], from: number, caption: Grid['caption']): Grid | null {
  const cells: Cell[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const last = cells.at(-1);
    if (!line.startsWith('\t') && isBlank(line)) continue;
    if (line.startsWith('\t')) {
      cells.push({ text: line.trim(), first: i + 1, last: i + 1 });
    } else if (last && !compact(line).startsWith('注') && nextIsCell(lines, i + 1)) {
      last.text = `${last.text}\n${line.trim()}`;
      last.last = i + 1;
    } else break;
  }
  const start = cells.findIndex((c) => ROW_NUMBER.test(c.text) || HEADING.test(c.text));
  if (start <= 0) return null;
  const mapped = mapHeader(cells.slice(0, start).map((c) => c.text));
  if (!mapped || mapped.columns[0] !== 'seq') return null;
  const width = mapped.columns.length;
  const problems: GridProblem[] = [];
  const records: GridRecord[] = [];
  let i = start;
  while (i < cells.length) {
    const head = cells[i] as Cell;
    if (HEADING.test(head.text)) {
      records.push({
        cells: [],
        first: head.first,
        last: head.last,
        pageBreakBefore: false,
        heading: head.text,
      });
      i += 1;
      continue;
    }
    if (!ROW_NUMBER.test(head.text)) {
      problems.push({
        line: head.first,
        text: head.text,
        message: 'a cell outside any row (not a row number after a full row)',
      });
      i += 1;
      continue;
    }
    const row = [head];
    for (
      let k = i + 1;
      k < Math.min(i + width, cells.length) && !HEADING.test(cells[k]?.text ?? '');
      k++
    )
      row.push(cells[k] as Cell);
    const end = row.at(-1) as Cell;
    if (row.length < width) {
      problems.push({
        line: head.first,
        text: lines.slice(head.first - 1, end.last).join('\n'),
        message: `${row.length} cells where the header has ${width}`,
      });
    } else {
      records.push({
        cells: row.map((c) => c.text),
        first: head.first,
        last: end.last,
        pageBreakBefore: false,
      });
    }
    i += row.length;
  }
  return { caption, ...mapped, records, problems };
}

function nextIsCell(lines: string[], from: number): boolean {
  const next = lines.slice(from).find((l) => l.startsWith('\t') || !isBlank(l));
  return next?.startsWith('\t') ?? false;
}
