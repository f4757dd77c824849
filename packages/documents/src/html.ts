import type { PlanDocument, SourceTable } from '@pm/core';
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { captionBefore, captionRow } from './caption';
import { layOut, type StoredRow } from './grid';

const BLOCKS = new Set(
  (
    'address article aside blockquote body caption center dd details div dl dt fieldset ' +
    'figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section ' +
    'summary td th title tr ul'
  ).split(' '),
);
const SKIPPED = new Set('script style noscript template head select option svg math'.split(' '));

/** Lines of text as a browser shows them: whitespace collapsed, a block or <br> starts a line. */
export class Lines {
  readonly done: string[] = [];
  private current = '';
  add(text: string, pre = false): void {
    const t = text.replace(/\u00a0/g, ' ');
    if (!pre) {
      this.current += t.replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    const parts = t.split(/\r\n|\r|\n/);
    parts.forEach((part, k) => {
      if (k > 0) this.end();
      this.current += part;
    });
  }
  end(): void {
    const line = this.current.trim();
    if (line !== '') this.done.push(line);
    this.current = '';
  }
}

const isElement = (node: ChildNode): node is Element => 'name' in node && 'attribs' in node;
const hidden = (el: Element) =>
  'hidden' in el.attribs || /display\s*:\s*none/i.test(el.attribs['style'] ?? '');

/** Elements under `el` with one of `names`, not looking inside tables nested in it. */
function own(el: Element, names: string[]): Element[] {
  const found: Element[] = [];
  for (const child of el.children) {
    if (!isElement(child) || child.name === 'table') continue;
    if (names.includes(child.name)) found.push(child);
    else found.push(...own(child, names));
  }
  return found;
}

const hasTable = (el: Element): boolean =>
  el.children.some((c) => isElement(c) && (c.name === 'table' || hasTable(c)));

/**
 * A saved web page read into the document model: every data table (rowspan and colspan laid
 * out on one grid, <br> and blocks in a cell as "\n", entities decoded) with its <caption> or
 * the line just before it, and the running text line by line. A table used for page layout
 * (holding other tables) or a single boxed cell is read as running text.
 */
export function readHtml(html: string, name: string): PlanDocument {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const lines: PlanDocument['lines'] = [];
  const tables: SourceTable[] = [];
  const out = new Lines();
  let since = 0;
  const flush = () => {
    out.end();
    for (const text of out.done.splice(0)) lines.push({ text, place: { line: lines.length + 1 } });
  };
  const walk = (nodes: ChildNode[], pre: boolean, lineOut: Lines, inCell: boolean) => {
    for (const node of nodes) {
      if (node.type === 'text') lineOut.add(node.data, pre);
      if (!isElement(node) || SKIPPED.has(node.name) || hidden(node)) {
        if (isElement(node) && node.name === 'head')
          walk(own(node, ['title']), false, lineOut, inCell);
        continue;
      }
      if (node.name === 'br') {
        lineOut.end();
        continue;
      }
      if (node.name === 'table' && !inCell && isDataTable(node)) {
        flush();
        tables.push(readTable(node, tables.length + 1, captionBefore(lines, since)));
        since = lines.length;
        continue;
      }
      const block = BLOCKS.has(node.name);
      if (block) lineOut.end();
      walk(node.children, pre || node.name === 'pre', lineOut, inCell);
      if (block) lineOut.end();
    }
  };
  const cellText = (cell: Element) => {
    const cellLines = new Lines();
    walk(cell.children, false, cellLines, true);
    cellLines.end();
    return cellLines.done.join('\n');
  };
  const readTable = (table: Element, n: number, before: SourceTable['caption']): SourceTable => {
    const stored: StoredRow[] = own(table, ['tr']).map((tr) => ({
      skip: 0,
      cells: own(tr, ['td', 'th']).map((cell) => ({
        text: cellText(cell),
        colSpan: Number(cell.attribs['colspan'] ?? 1),
        rowSpan: Number(cell.attribs['rowspan'] ?? 1),
      })),
    }));
    const rows = layOut(stored, n);
    const at = lines.length + 1;
    const captionEl = own(table, ['caption'])[0];
    const caption = captionEl
      ? { text: cellText(captionEl), place: { table: n } }
      : (before ?? null);
    const inside = captionRow(rows);
    if (inside && !caption)
      return { caption: inside.caption, rows: inside.rows, place: { table: n, line: at } };
    return { caption, rows, place: { table: n, line: at } };
  };
  walk(doc.children, false, out, false);
  flush();
  return { name, format: 'html', lines, tables, problems: [] };
}

/** A table of data: not one that lays out a page (holding tables) and not a single box. */
function isDataTable(table: Element): boolean {
  if (hasTable(table)) return false;
  const rows = own(table, ['tr']);
  return !(rows.length <= 1 && rows.every((r) => own(r, ['td', 'th']).length <= 1));
}
