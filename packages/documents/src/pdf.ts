import type { Place, PlanDocument, SourceCell, SourceTable } from '@pm/core';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/** Why a PDF could not be read at all, with the message a person reads (zh first, en). */
export type PdfFailure = 'scanned' | 'encrypted' | 'broken';

const FAILURES: Record<PdfFailure, { zh: string; en: string }> = {
  scanned: {
    zh: '此 PDF 没有文字层：它是扫描件，请先进行文字识别（OCR）再上传',
    en: 'this PDF has no text layer: it is a scan; OCR it first',
  },
  encrypted: {
    zh: '此 PDF 已加密（设有打开密码）：请导出一份未加密的 PDF 再上传',
    en: 'this PDF is encrypted (it has an open password): save an unencrypted copy and try again',
  },
  broken: {
    zh: '此文件不是可读的 PDF（文件损坏或不完整）：请重新导出后再上传',
    en: 'this file is not a readable PDF (damaged or incomplete): export it again and retry',
  },
};

export class PdfReadError extends Error {
  readonly zh: string;
  constructor(
    readonly reason: PdfFailure,
    readonly file: string,
    detail?: string,
  ) {
    super(`${file}: ${FAILURES[reason].en}${detail ? ` (${detail})` : ''}`);
    this.name = 'PdfReadError';
    this.zh = `${file}：${FAILURES[reason].zh}`;
  }
}

/** A run of text on one baseline, as printed (page coordinates, y growing downwards). */
interface Chunk {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

interface Line {
  page: number;
  /** 1-based, over the whole document. */
  line: number;
  y: number;
  size: number;
  chunks: Chunk[];
  text: string;
}

/** Some fonts map glyphs to radicals (⻓, ⺠, ⼗): the characters they print. */
const RADICALS: Record<string, string> = {
  '\u2e8e': '兀',
  '\u2ea0': '民',
  '\u2ea9': '王',
  '\u2ebc': '月',
  '\u2ec1': '虎',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed1': '長',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed8': '青',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};

/** Kangxi radicals by NFKC, the radical supplement by the table above; nothing else changes. */
function printed(s: string): string {
  return s
    .replace(/[\u2f00-\u2fdf]/g, (c) => c.normalize('NFKC'))
    .replace(/\u2e3a/g, '——')
    .replace(/\u2e3b/g, '———')
    .replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c);
}

async function openPdf(bytes: Uint8Array, name: string) {
  if (!/^%PDF-/.test(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart()))
    throw new PdfReadError('broken', name, 'no %PDF header');
  // Loaded here, not with the package: pdfjs's legacy build installs core-js polyfills for the
  // whole process, among them a JavaScript Array.prototype.push, JSON.parse and JSON.stringify
  // several times slower than V8's. The server reads PDFs in its document worker only.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    return await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err.name === 'PasswordException') throw new PdfReadError('encrypted', name);
    throw new PdfReadError('broken', name, err.message);
  }
}

/** The text runs of a page: adjacent items on one baseline joined, blank items dropped. */
function pageChunks(items: TextItem[], height: number): Chunk[] {
  const runs: Chunk[] = [];
  for (const it of items) {
    const text = printed(it.str);
    if (text.trim() === '') continue;
    const [a = 0, b = 0, , , e = 0, f = 0] = it.transform;
    const size = Math.hypot(a, b) || it.height || 10;
    runs.push({ text, x0: e, x1: e + it.width, y: height - f, size });
  }
  runs.sort((p, q) => p.y - q.y || p.x0 - q.x0);
  const chunks: Chunk[] = [];
  for (const r of runs) {
    const last = chunks.at(-1);
    if (
      last &&
      Math.abs(last.y - r.y) < 0.2 * r.size &&
      r.x0 - last.x1 < 0.35 * r.size &&
      r.x0 >= last.x0
    ) {
      last.text += r.x0 - last.x1 > 0.15 * r.size ? ` ${r.text}` : r.text;
      last.x1 = Math.max(last.x1, r.x1);
    } else chunks.push({ ...r });
  }
  return chunks;
}

/** Chunks clustered into printed lines by their baselines. */
function pageLines(chunks: Chunk[], page: number, first: number): Line[] {
  const lines: Line[] = [];
  for (const c of [...chunks].sort((p, q) => p.y - q.y)) {
    const last = lines.at(-1);
    if (last && c.y - last.y < 0.35 * Math.min(c.size, last.size)) last.chunks.push(c);
    else lines.push({ page, line: 0, y: c.y, size: c.size, chunks: [c], text: '' });
  }
  lines.forEach((l, i) => {
    l.chunks.sort((p, q) => p.x0 - q.x0);
    l.line = first + i;
    l.size = Math.max(...l.chunks.map((c) => c.size));
    l.text = l.chunks
      .map((c, k) => {
        const before = l.chunks[k - 1];
        return before && c.x0 - before.x1 > 0.15 * c.size ? ` ${c.text}` : c.text;
      })
      .join('');
  });
  return lines;
}

const HEADER_WORD =
  /^(序号|编号|类别|类型|领域|分类|方面|指标|指标名称|名称|单位|计量单位|属性|指标属性|性质|基数|基期|现状|目标|目标值|规划目标|预期目标|\d{4}\s*年.*|年均.*|累计.*|.*增长.*|.*增速.*)$/;

const isHeaderWord = (c: Chunk) => HEADER_WORD.test(c.text.replace(/\s+/g, ''));
const headerWords = (l: Line) => l.chunks.filter(isHeaderWord).length;

/** A header line: three runs or more, two of them header words (序号, 指标, 单位, 2025年 …). */
const isHeaderLine = (l: Line) =>
  l.chunks.length >= 3 && headerWords(l) >= 2 && headerWords(l) * 2 >= l.chunks.length - 1;

const BRACKETED = /^[[【(（［].{0,14}[\]】)）］]$/;

/**
 * A further line of a header just below the last: header words only (2030年, [累计], 基数), or
 * the ends of header cells wrapped from the line above (指标属 / 性).
 */
function isHeaderTail(l: Line, header: Line[]): boolean {
  const above = header.at(-1) as Line;
  if (l.page !== above.page || l.y - above.y >= 2.6 * l.size) return false;
  return l.chunks.every((c) => {
    const text = c.text.replace(/\s+/g, '');
    if ((isHeaderWord(c) && text.length <= 10) || BRACKETED.test(text)) return true;
    return (
      text.length <= 4 &&
      header.some((h) =>
        h.chunks.some(
          (a) => a.x0 < c.x1 && c.x0 < a.x1 && HEADER_WORD.test(a.text.replace(/\s+/g, '') + text),
        ),
      )
    );
  });
}

interface Column {
  x0: number;
  x1: number;
}

/**
 * The columns of a table: the x ranges its runs cover, split where no line of two runs or more
 * prints anything (cells spanning columns are rare enough to be allowed one line in ten).
 */
function findColumns(lines: Line[]): Column[] {
  const multi = lines.filter((l) => l.chunks.length >= 2);
  const spans = multi.flatMap((l) => l.chunks);
  if (spans.length === 0) return [];
  const size = Math.min(...spans.map((c) => c.size));
  const edges = [...new Set(spans.flatMap((c) => [c.x0, c.x1]))].sort((a, b) => a - b);
  const allowed = Math.floor(multi.length / 10);
  const columns: Column[] = [];
  let open: Column | null = null;
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a = 0, b = 0] = [edges[i], edges[i + 1]];
    const mid = (a + b) / 2;
    const cover = spans.filter((c) => c.x0 <= mid && c.x1 >= mid).length;
    if (cover > allowed) {
      if (open && a - open.x1 < 0.4 * size) open.x1 = b;
      else {
        open = { x0: a, x1: b };
        columns.push(open);
      }
    }
  }
  return columns;
}

/** The column a run starts in, and the last one it reaches. */
function columnsOf(c: Chunk, columns: Column[]): [number, number] {
  const centre = (c.x0 + Math.min(c.x1, c.x0 + c.size)) / 2;
  let first = columns.findIndex((k) => centre <= k.x1);
  if (first < 0) first = columns.length - 1;
  let last = first;
  while (last + 1 < columns.length && c.x1 > (columns[last + 1]?.x0 ?? Infinity) + 0.5 * c.size)
    last++;
  return [first, last];
}

/** A running-text line: one run wider than most of the table, or a 注 line. */
function isProse(l: Line, columns: Column[]): boolean {
  const width = (columns.at(-1)?.x1 ?? 0) - (columns[0]?.x0 ?? 0);
  if (/^(注|备注|说明|资料来源)[\s：:]/.test(l.text)) return true;
  if (l.chunks.length !== 1) return false;
  const c = l.chunks[0] as Chunk;
  return c.x1 - c.x0 > 0.6 * width || c.x1 < (columns[0]?.x0 ?? 0) - l.size;
}

const PAGE_NUMBER = /^[-—–\s]*\d{1,4}[-—–\s]*$|^第\s*\d+\s*页/;

interface Found {
  caption: Line | null;
  header: Line[];
  body: Line[];
  columns: Column[];
}

/** Tables found from their header lines down, over page breaks, each with the caption above. */
function findTables(lines: Line[]): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (!isHeaderLine(l)) continue;
    let start = i;
    while (start > 0) {
      const above = lines[start - 1] as Line;
      const near = above.page === l.page && l.y - above.y < 2.6 * l.size;
      if (!near || above.chunks.length > 3 || isProse(above, findColumns([l]))) break;
      if (/^(表|专栏)|主要.{0,12}(指标|目标)/.test(above.text.replace(/\s+/g, ''))) break;
      if (!above.chunks.every(isHeaderWord) && !/目标|规划|[“"]/.test(above.text)) break;
      start--;
    }
    let end = i + 1;
    while (end < lines.length && isHeaderTail(lines[end] as Line, lines.slice(start, end))) end++;
    let columns = findColumns(lines.slice(start, end + 30));
    const body: Line[] = [];
    let k = end;
    for (; k < lines.length; k++) {
      const b = lines[k] as Line;
      const prev = body.at(-1) ?? (lines[end - 1] as Line);
      if (b.page !== prev.page) {
        if (PAGE_NUMBER.test(b.text) || isHeaderLine(b)) continue;
        if (isProse(b, columns)) break;
      } else {
        if (PAGE_NUMBER.test(b.text) && isLastOnPage(lines, k)) continue;
        if (b.y - prev.y > 4 * b.size || isProse(b, columns)) break;
      }
      body.push(b);
      if (body.length === 10)
        columns = findColumns([...lines.slice(start, end), ...body, ...lines.slice(k + 1, k + 40)]);
    }
    columns = findColumns([...lines.slice(start, end), ...body]);
    if (body.length > 0 && columns.length >= 2) {
      const before = lines[start - 1];
      const caption =
        before && before.page === l.page && l.y - before.y < 4 * l.size && before.text.length <= 80
          ? before
          : null;
      found.push({ caption, header: lines.slice(start, end), body, columns });
    }
    i = k - 1;
  }
  return found;
}

function isLastOnPage(lines: Line[], k: number): boolean {
  const next = lines[k + 1];
  return !next || next.page !== lines[k]?.page;
}

/** A line's text in one column (its runs there joined), with where it was printed. */
interface Run {
  col: number;
  /** The last column the run reaches (a cell spanning columns). */
  last: number;
  text: string;
  y: number;
  size: number;
  line: Line;
}

function placeRuns(l: Line, columns: Column[]): Run[] {
  const out: Run[] = [];
  for (const c of l.chunks) {
    const [col, last] = columnsOf(c, columns);
    const same = out.at(-1);
    if (same && same.col === col) {
      same.text += ` ${c.text}`;
      same.last = Math.max(same.last, last);
      same.y = Math.min(same.y, c.y);
    } else out.push({ col, last, text: c.text, y: c.y, size: c.size, line: l });
  }
  return out;
}

interface Group {
  runs: Run[];
  page: number;
  top: number;
  bottom: number;
}

const SEQ = /^\d{1,3}$/;
const HEADING = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;

const isHeading = (runs: Run[]) => runs.length === 1 && HEADING.test(runs[0]?.text ?? '');
const isNumber = (r: Run) => r.col === 0 && SEQ.test(r.text);

/**
 * The printed rows of a table body: cells overlapping vertically make one row. Cells of a row are
 * told apart from the next row's by the cell padding between them; a table printed without
 * padding (as Word prints) gives no such gap, and a row then starts at each row number (序号).
 * Category columns (merged cells) are left out here and placed on the rows afterwards.
 */
function groupRows(body: Line[], columns: Column[], skip: Set<number>): Group[] {
  const pages = [...new Set(body.map((l) => l.page))];
  return pages.flatMap((p) => {
    const lines = body.filter((l) => l.page === p);
    const runs = lines.flatMap((l) => {
      const all = placeRuns(l, columns);
      return isHeading(all) ? all : all.filter((r) => !skip.has(r.col));
    });
    const padded = groupByGaps(runs, p);
    if (padded.every((g) => g.runs.filter(isNumber).length <= 1)) return padded;
    const rows: Group[] = [];
    for (const l of lines) {
      const own = runs.filter((r) => r.line === l);
      const last = rows.at(-1);
      if (own.some(isNumber) || isHeading(own) || !last)
        rows.push({ runs: own, page: p, top: l.y, bottom: l.y });
      else {
        last.runs.push(...own);
        last.bottom = l.y;
      }
    }
    return rows;
  });
}

function groupByGaps(runs: Run[], page: number): Group[] {
  if (runs.length === 0) return [];
  const size = Math.min(...runs.map((r) => r.size));
  const byColumn = new Map<number, Run[]>();
  for (const r of [...runs].sort((a, b) => a.y - b.y))
    byColumn.set(r.col, [...(byColumn.get(r.col) ?? []), r]);
  const pitches = [...byColumn.values()].flatMap((list) =>
    list.slice(1).map((r, i) => r.y - (list[i] as Run).y),
  );
  const pitch = pitches.length > 0 ? Math.min(...pitches) : size;
  const blocks: Group[] = [];
  for (const list of byColumn.values()) {
    let cur: Group | null = null;
    for (const r of list) {
      const heading = r.last > r.col && HEADING.test(r.text);
      if (cur && !isNumber(r) && !heading && r.y - cur.bottom <= pitch + 0.25 * size) {
        cur.bottom = r.y;
        cur.runs.push(r);
      } else {
        cur = { runs: [r], page, top: r.y, bottom: r.y };
        blocks.push(cur);
      }
      if (isNumber(r) || heading) cur = null;
    }
  }
  blocks.sort((a, b) => a.top - b.top);
  const rows: Group[] = [];
  for (const b of blocks) {
    const last = rows.at(-1);
    if (last && b.top <= last.bottom + 0.1 * size) {
      last.bottom = Math.max(last.bottom, b.bottom);
      last.runs.push(...b.runs);
    } else rows.push({ ...b, runs: [...b.runs] });
  }
  return rows;
}

const CATEGORY_HEAD = /^(类别|类型|领域|分类|方面|门类)$/;

function buildTable(f: Found, index: number, problems: PlanDocument['problems']): SourceTable {
  const { columns } = f;
  const width = columns.length;
  const headerCol = (i: number) =>
    f.header
      .flatMap((l) => placeRuns(l, columns).filter((r) => r.col === i))
      .map((r) => r.text.replace(/\s+/g, ''))
      .join('');
  const categoryCols = new Set(
    Array.from({ length: width }, (_, i) => i).filter((i) => CATEGORY_HEAD.test(headerCol(i))),
  );
  const rows: SourceCell[][] = [];
  const place = (l: Line, col: number): Place => ({
    page: l.page,
    line: l.line,
    table: index,
    row: rows.length + 1,
    col: col + 1,
  });
  const toRow = (runs: Run[]): SourceCell[] => {
    const sorted = [...runs].sort((a, b) => a.y - b.y || a.col - b.col);
    const row: SourceCell[] = [];
    for (let c = 0; c < width; c++) {
      const own = sorted.filter((r) => r.col === c);
      const from = row.findIndex((x, k) => k < c && k + (x.colSpan ?? 1) > c);
      const spanned = from >= 0 && own.length === 0 ? row[from] : undefined;
      if (spanned) {
        row.push({ text: spanned.text, place: spanned.place, mergedFrom: 'left' });
        continue;
      }
      const at = own[0]?.line ?? sorted[0]?.line;
      const cell: SourceCell = {
        text: own.map((r) => r.text).join('\n'),
        place: at ? place(at, c) : { table: index, row: rows.length + 1, col: c + 1 },
      };
      const alone = runs.length === 1 && c === 0 && own.length === 1 && !/\d/.test(cell.text);
      const span = alone && width >= 3 ? width : Math.max(1, ...own.map((r) => r.last - c + 1));
      if (span > 1) cell.colSpan = span;
      row.push(cell);
    }
    return row;
  };
  for (const l of f.header) rows.push(toRow(placeRuns(l, columns)));
  const groups = groupRows(f.body, columns, categoryCols);
  const start = rows.length;
  for (const g of groups) rows.push(toRow(g.runs));
  for (const c of categoryCols) placeCategories(f, groups, rows.slice(start), c, columns, problems);
  const first = f.header[0] as Line;
  return {
    caption: f.caption
      ? { text: f.caption.text, place: { page: f.caption.page, line: f.caption.line } }
      : null,
    rows,
    place: { page: first.page, line: first.line, table: index },
  };
}

interface Block {
  page: number;
  top: number;
  bottom: number;
  text: string[];
  line: Line;
}

/**
 * A category column prints a merged cell once, top-aligned or centred over its rows: each text
 * block of the column goes to the rows it covers — a top-aligned one down to the next block, a
 * centred one as far as its centre says (listed when no run of rows is centred on it).
 */
function placeCategories(
  f: Found,
  groups: Group[],
  rows: SourceCell[][],
  col: number,
  columns: Column[],
  problems: PlanDocument['problems'],
): void {
  const blocks: Block[] = [];
  for (const l of f.body) {
    const all = placeRuns(l, columns);
    const runs = all.filter((r) => r.col === col && r.last === col);
    if (runs.length === 0 || isHeading(all)) continue;
    const y = Math.min(...runs.map((r) => r.y));
    const text = runs.map((r) => r.text).join(' ');
    const last = blocks.at(-1);
    if (last && last.page === l.page && y - last.bottom <= 1.9 * l.size) {
      last.bottom = y;
      last.text.push(text);
    } else blocks.push({ page: l.page, top: y, bottom: y, text: [text], line: l });
  }
  const size = f.body[0]?.size ?? 10;
  const near = (g: Group, y: number) => y >= g.top - 0.6 * size && y <= g.bottom + 0.6 * size;
  const rowOf = (b: Block) => groups.findIndex((g) => g.page === b.page && near(g, b.top));
  const top = aligned(blocks, groups, rowOf);
  const centre = centred(blocks, groups);
  const fits = (p: Placing) => p.errors.filter((e) => e < 0.3 * size).length;
  const better = fits(top) - fits(centre) || centre.error - top.error;
  const { owner, errors } = better >= 0 ? top : centre;
  owner.forEach((k, r) => {
    if (k < 0 && r > 0) owner[r] = owner[r - 1] ?? -1;
  });
  errors.forEach((e, k) => {
    const b = blocks[k] as Block;
    if (e > 0.6 * size)
      problems.push({
        place: { page: b.page, line: b.line.line, table: rows[0]?.[0]?.place.table },
        message: `the merged cell "${b.text.join('')}" could not be placed on its rows exactly`,
      });
  });
  rows.forEach((row, r) => {
    const k = owner[r] ?? -1;
    const b = blocks[k];
    const head = owner.indexOf(k);
    if (!b || !row[col]) return;
    if (head === r)
      row[col] = {
        ...row[col]!,
        text: b.text.join('\n'),
        place: { ...row[col]!.place, line: b.line.line },
      };
    else
      row[col] = { text: b.text.join('\n'), place: rows[head]![col]!.place, mergedFrom: 'above' };
  });
}

interface Placing {
  /** The block each row's category comes from (-1: none). */
  owner: number[];
  /** How far each block is from where that placing puts it. */
  errors: number[];
  error: number;
}

/** Each block at the top of its first row, over the rows down to the next block. */
function aligned(blocks: Block[], groups: Group[], rowOf: (b: Block) => number): Placing {
  const owner = groups.map(() => -1);
  const starts = blocks.map(rowOf);
  const errors = blocks.map((b, k) => {
    const g = groups[starts[k] ?? -1];
    return g ? Math.abs(g.top - b.top) : Infinity;
  });
  blocks.forEach((_, k) => {
    const from = starts[k] ?? -1;
    const stop = k + 1 < blocks.length ? (starts[k + 1] ?? -1) : groups.length;
    for (let r = Math.max(0, from); r < (stop < 0 ? groups.length : stop); r++) owner[r] = k;
  });
  return { owner, errors, error: errors.reduce((a, b) => a + b, 0) };
}

/**
 * Each block centred over its rows, the rows of a page shared out in order: the first block of a
 * page may start below rows continuing a merged cell of the page before, and the last reaches the
 * page's last row (where the table goes on, its cell is broken by the page break and its text may
 * be anywhere in it). Each block lies within its rows.
 */
function centred(blocks: Block[], groups: Group[]): Placing {
  const owner = groups.map(() => -1);
  const errors = blocks.map(() => 0);
  for (const page of new Set(blocks.map((b) => b.page))) {
    const rows = groups.flatMap((g, r) => (g.page === page ? [r] : []));
    const ks = blocks.flatMap((b, k) => (b.page === page ? [k] : []));
    const goesOn = groups.some((g) => g.page > page);
    const n = rows.length;
    const cost = (j: number, a: number, b: number): number => {
      const blk = blocks[ks[j] as number] as Block;
      const [top, bottom] = [
        groups[rows[a] as number] as Group,
        groups[rows[b] as number] as Group,
      ];
      const slack = 0.6 * blk.line.size;
      if (top.top > blk.top + slack || bottom.bottom < blk.bottom - slack) return Infinity;
      if (j === ks.length - 1 && goesOn) return 0;
      return Math.abs((top.top + bottom.bottom) / 2 - (blk.top + blk.bottom) / 2);
    };
    const best: number[][] = ks.map(() => Array.from({ length: n }, () => Infinity));
    const from: number[][] = ks.map(() => Array.from({ length: n }, () => 0));
    ks.forEach((_, j) => {
      for (let b = 0; b < n; b++)
        for (let a = j; a <= b; a++) {
          const before = j === 0 ? 0 : (best[j - 1]?.[a - 1] ?? Infinity);
          const c = before + cost(j, a, b);
          if (c < (best[j]?.[b] ?? Infinity)) {
            (best[j] as number[])[b] = c;
            (from[j] as number[])[b] = a;
          }
        }
    });
    let end = n - 1;
    for (let j = ks.length - 1; j >= 0 && end >= 0; j--) {
      const a = from[j]?.[end] ?? 0;
      const k = ks[j] as number;
      errors[k] = Number.isFinite(best[j]?.[end] ?? Infinity) ? cost(j, a, end) : Infinity;
      for (let r = a; r <= end; r++) owner[rows[r] as number] = k;
      end = a - 1;
    }
  }
  return { owner, errors, error: errors.reduce((a, b) => a + b, 0) };
}

/**
 * Reads a PDF with a text layer: its lines with page and line places, and its tables rebuilt
 * from the text's positions (rows by y, columns by the x gaps all rows share, wrapped cells
 * joined with "\n", a table continued over page breaks, the caption above kept).
 */
export async function readPdf(bytes: Uint8Array, name: string): Promise<PlanDocument> {
  const pdf = await openPdf(bytes, name);
  try {
    const lines: Line[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const { height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is TextItem => 'str' in i);
      lines.push(...pageLines(pageChunks(items, height), p, lines.length + 1));
      page.cleanup();
    }
    if (lines.length === 0) throw new PdfReadError('scanned', name);
    const problems: PlanDocument['problems'] = [];
    const tables = findTables(lines).map((f, i) => buildTable(f, i + 1, problems));
    return {
      name,
      format: 'pdf',
      lines: lines.map((l) => ({ text: l.text, place: { page: l.page, line: l.line } })),
      tables,
      problems,
    };
  } catch (e) {
    if (e instanceof PdfReadError) throw e;
    throw new PdfReadError('broken', name, (e as Error).message);
  } finally {
    await pdf.destroy();
  }
}
