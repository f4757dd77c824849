import type { PlanDocument, SourceTable } from '@pm/core';
import type { ChildNode, Element } from 'domhandler';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { captionBefore, captionRow } from './caption';
import { brokenFile } from './errors';
import { layOut, type StoredCell, type StoredRow } from './grid';
import { Numbering } from './numbering';

const isElement = (node: ChildNode): node is Element => 'name' in node && 'attribs' in node;
/** w:tc → tc: Word's parts use one namespace; prefixes vary between writers. */
const local = (el: Element) => el.name.slice(el.name.indexOf(':') + 1);
const kids = (el: Element) => el.children.filter(isElement);
const child = (el: Element | undefined, name: string) =>
  el ? kids(el).find((c) => local(c) === name) : undefined;
const attrOf = (el: Element, n: string) =>
  Object.entries(el.attribs).find(([k]) => k === n || k.endsWith(`:${n}`))?.[1] ?? '';
const val = (el: Element | undefined) =>
  el
    ? (Object.entries(el.attribs).find(([k]) => k === 'val' || k.endsWith(':val'))?.[1] ?? null)
    : null;

/** The largest part of a Word package read (a zip bomb is refused, not unpacked). */
const MAX_PART = 200 * 1024 * 1024;

/** Containers Word wraps content in (content controls, custom XML, smart tags): read through. */
const WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag']);
/** Text that is not printed: deleted or moved-away revisions, field codes, properties. */
const UNPRINTED = new Set(['del', 'moveFrom', 'instrText', 'delText', 'rPr', 'pPr', 'tblPr']);

function parts(el: Element): Element[] {
  return kids(el).flatMap((c) => (WRAPPERS.has(local(c)) ? parts(c) : [c]));
}

/** A paragraph's printed text; a line break inside it starts a new line. */
function paragraphText(p: Element, notes?: Notes, numbering?: Numbering): string {
  let text = numbering?.label(p) ?? '';
  const walk = (el: Element) => {
    for (const node of el.children) {
      if (!isElement(node)) continue;
      const name = local(node);
      if (UNPRINTED.has(name)) continue;
      if (name === 't') text += node.children.map((c) => ('data' in c ? c.data : '')).join('');
      else if (name === 'tab') text += '\t';
      else if (name === 'br' || name === 'cr') text += '\n';
      else if (name === 'noBreakHyphen') text += '-';
      else if (name === 'sym') text += symbol(node);
      else if (name === 'footnoteReference' || name === 'endnoteReference')
        text += notes ? `[${notes.mark(name, attrOf(node, 'id'))}]` : '';
      else if (name === 'r' && hiddenRun(node)) continue;
      else if (name === 'p') text += `\n${paragraphText(node, notes, numbering)}\n`;
      else if (name === 'AlternateContent') {
        const first = kids(node)[0];
        if (first) walk(first);
      } else walk(node);
    }
  };
  walk(p);
  return text;
}

/** Characters of the Symbol font Word inserts with w:sym (≥ in a target), by code in the font. */
const SYMBOL_FONT: Record<number, string> = {
  0xb3: '≥',
  0xa3: '≤',
  0xb1: '±',
  0xb4: '×',
  0xb8: '÷',
  0xb9: '≠',
  0xbb: '≈',
  0xb0: '°',
  0x2d: '−',
  0x2b: '+',
  0x3c: '<',
  0x3e: '>',
  0x3d: '=',
  0x25: '%',
  0xb7: '•',
};

/** A w:sym character; U+FFFD (which the table reader lists) for one it does not know. */
function symbol(sym: Element): string {
  const attr = (n: string) =>
    Object.entries(sym.attribs).find(([k]) => k === n || k.endsWith(`:${n}`))?.[1] ?? '';
  const code = parseInt(attr('char'), 16);
  const font = attr('font');
  if (!Number.isFinite(code)) return '\uFFFD';
  if (!/symbol/i.test(font)) return code >= 0xf000 ? '\uFFFD' : String.fromCodePoint(code);
  return SYMBOL_FONT[code >= 0xf000 ? code - 0xf000 : code] ?? '\uFFFD';
}

/** A run formatted as hidden text (w:vanish): not printed. */
const hiddenRun = (r: Element) => {
  const vanish = child(child(r, 'rPr'), 'vanish');
  return vanish !== undefined && !['0', 'false', 'off'].includes(val(vanish) ?? '');
};

/**
 * Word's footnotes and endnotes: a reference is printed as its number in the order they first
 * appear ([1], [2] …, as Word numbers them), the notes' texts kept to be printed as lines.
 */
class Notes {
  private readonly numbers = new Map<string, number>();
  constructor(
    private readonly parts: Record<string, Element[]>,
    readonly numbering: Numbering,
  ) {}
  mark(kind: string, id: string): number {
    const key = `${kind}:${id}`;
    const n = this.numbers.get(key) ?? this.numbers.size + 1;
    this.numbers.set(key, n);
    return n;
  }
  /** "[1] 学前三年。" for every note referred to, in number order. */
  lines(): string[] {
    return [...this.numbers].map(([key, n]) => {
      const [kind = '', id = ''] = key.split(':');
      const part = this.parts[kind === 'footnoteReference' ? 'footnote' : 'endnote'] ?? [];
      const note = part.find((e) => attrOf(e, 'id') === id);
      const text = note
        ? kids(note)
            .filter((c) => local(c) === 'p')
            .map((p) => paragraphText(p))
            .join(' ')
        : '';
      return `[${n}] ${text.trim()}`;
    });
  }
}

function notesOf(files: Record<string, Uint8Array>): Record<string, Element[]> {
  const out: Record<string, Element[]> = {};
  for (const kind of ['footnote', 'endnote']) {
    const xml = files[`word/${kind}s.xml`];
    if (!xml) continue;
    const root = parseDocument(strFromU8(xml), { xmlMode: true, decodeEntities: true });
    out[kind] = root.children
      .filter(isElement)
      .flatMap((d) => kids(d))
      .filter((c) => local(c) === kind);
  }
  return out;
}

/** The main part of a Word package: word/document.xml, or where the package's relations say. */
function mainPart(files: Record<string, Uint8Array>): string | null {
  const rels = files['_rels/.rels'];
  const target = rels
    ? /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(strFromU8(rels))?.[0]
    : undefined;
  const path = target ? /Target="\/?([^"]+)"/.exec(target)?.[1] : undefined;
  return path && files[path] ? path : files['word/document.xml'] ? 'word/document.xml' : null;
}

/**
 * A Word .docx read into the document model from its table structure: every table (w:gridSpan
 * and w:vMerge laid out on one grid, a cell's paragraphs joined with "\n") with the paragraph
 * just before it (or a first row across the table naming it) as its caption, and the
 * paragraphs as lines. A table holding tables, or a single boxed cell, is read as paragraphs.
 */
export function readDocx(bytes: Uint8Array, name: string): PlanDocument {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name === '_rels/.rels' || /^word\/[^/]+\.xml$/.test(f.name);
        if (wanted && f.originalSize > MAX_PART)
          throw new Error(`${f.name} unpacks to over 200 MB`);
        return wanted;
      },
    });
  } catch (error) {
    throw brokenFile('docx', name, String(error));
  }
  const main = mainPart(files);
  const xml = main ? files[main] : undefined;
  if (!xml) throw brokenFile('docx', name, 'no document part');
  const root = parseDocument(strFromU8(xml), { xmlMode: true, decodeEntities: true });
  const body = root.children
    .filter(isElement)
    .flatMap((d) => (local(d) === 'document' ? kids(d) : []))
    .find((c) => local(c) === 'body');
  const lines: PlanDocument['lines'] = [];
  const tables: SourceTable[] = [];
  const numbering = files['word/numbering.xml'];
  const notes = new Notes(
    notesOf(files),
    new Numbering(
      numbering
        ? parseDocument(strFromU8(numbering), {
            xmlMode: true,
            decodeEntities: true,
          }).children.filter(isElement)
        : undefined,
    ),
  );
  let since = 0;
  const addLines = (text: string) => {
    for (const t of text.split('\n'))
      if (t.trim() !== '') lines.push({ text: t.trim(), place: { line: lines.length + 1 } });
  };
  const flow = (el: Element) => {
    for (const part of parts(el)) {
      const kind = local(part);
      if (kind === 'p') addLines(paragraphText(part, notes, notes.numbering));
      else if (kind === 'tbl' && isDataTable(part)) {
        const n = tables.length + 1;
        const caption = captionBefore(lines, since);
        tables.push(readTable(part, n, caption, lines.length + 1, notes));
        since = lines.length;
      } else if (kind === 'tbl')
        for (const tr of rowsOf(part)) for (const tc of cellsOf(tr)) flow(tc);
    }
  };
  if (body) flow(body);
  for (const note of notes.lines()) addLines(note);
  return { name, format: 'docx', lines, tables, problems: [] };
}

const rowsOf = (tbl: Element) => parts(tbl).filter((c) => local(c) === 'tr');
const cellsOf = (tr: Element) => parts(tr).filter((c) => local(c) === 'tc');

function isDataTable(tbl: Element): boolean {
  const rows = rowsOf(tbl);
  const nested = rows.some((tr) =>
    cellsOf(tr).some((tc) => parts(tc).some((c) => local(c) === 'tbl')),
  );
  return !nested && !(rows.length <= 1 && rows.every((tr) => cellsOf(tr).length <= 1));
}

function storedCell(tc: Element, notes: Notes): StoredCell {
  const props = child(tc, 'tcPr');
  const vMerge = child(props, 'vMerge');
  const hMerge = child(props, 'hMerge');
  const text = parts(tc)
    .filter((c) => local(c) === 'p')
    .flatMap((p) => paragraphText(p, notes, notes.numbering).replace(/\t/g, ' ').split('\n'))
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .join('\n');
  return {
    text,
    colSpan: Number(val(child(props, 'gridSpan')) ?? 1),
    rowSpan: 1,
    ...(vMerge && val(vMerge) !== 'restart' ? { continues: true } : {}),
    ...(hMerge && val(hMerge) !== 'restart' ? { continuesLeft: true } : {}),
  };
}

/** A table read; `at` is the number of the line that follows it (the table's place). */
function readTable(
  tbl: Element,
  n: number,
  before: SourceTable['caption'],
  at: number,
  notes: Notes,
): SourceTable {
  const stored: StoredRow[] = rowsOf(tbl).map((tr) => ({
    skip: Number(val(child(child(tr, 'trPr'), 'gridBefore')) ?? 0),
    cells: cellsOf(tr).map((tc) => storedCell(tc, notes)),
  }));
  const rows = layOut(stored, n);
  const inside = before ? null : captionRow(rows);
  if (inside) return { caption: inside.caption, rows: inside.rows, place: { table: n, line: at } };
  return { caption: before, rows, place: { table: n, line: at } };
}
