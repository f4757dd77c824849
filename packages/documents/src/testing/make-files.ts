/**
 * Makes real plan documents for the tests: Word files with the `docx` package, web pages, text
 * files in the encodings plans are stored in. A table is given as a document prints it: rows
 * of cells, a merged cell once with its spans.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import iconv from 'iconv-lite';

export type Cell = string | { text: string; colSpan?: number; rowSpan?: number };
export interface Laid {
  caption: string | null;
  rows: Cell[][];
}
/** A document: paragraphs and tables in order (a string is a paragraph). */
export type Body = (string | Laid)[];

const textOf = (c: Cell) => (typeof c === 'string' ? c : c.text);
const spans = (c: Cell): { colSpan?: number; rowSpan?: number } => (typeof c === 'string' ? {} : c);

export async function toDocx(body: Body): Promise<Uint8Array> {
  const children = body.flatMap((part) => {
    if (typeof part === 'string') return [new Paragraph({ children: [new TextRun(part)] })];
    const table = new Table({
      rows: part.rows.map(
        (row) =>
          new TableRow({
            children: row.map((c) => {
              const { colSpan, rowSpan } = spans(c);
              return new TableCell({
                children: textOf(c)
                  .split('\n')
                  .map((t) => new Paragraph({ children: [new TextRun(t)] })),
                ...(colSpan ? { columnSpan: colSpan } : {}),
                ...(rowSpan ? { rowSpan } : {}),
              });
            }),
          }),
      ),
    });
    return part.caption ? [new Paragraph(part.caption), table] : [table];
  });
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A web page as a browser saves it; `captionTag` puts captions in <caption>, else in a <p>. */
export function toHtml(body: Body, opts: { captionTag?: boolean } = {}): string {
  const parts = body.map((part) => {
    if (typeof part === 'string') return `<p>${escape(part)}</p>`;
    const rows = part.rows.map((row) => {
      const cells = row.map((c) => {
        const { colSpan, rowSpan } = spans(c);
        const attrs = `${colSpan ? ` colspan="${colSpan}"` : ''}${rowSpan ? ` rowspan="${rowSpan}"` : ''}`;
        return `<td${attrs}>${textOf(c).split('\n').map(escape).join('<br>')}</td>`;
      });
      return `  <tr>${cells.join('')}</tr>`;
    });
    const caption = part.caption ? escape(part.caption) : null;
    const inside = opts.captionTag && caption ? `<caption>${caption}</caption>\n` : '';
    const above =
      !opts.captionTag && caption ? `<p style="text-align:center">${caption}</p>\n` : '';
    return `${above}<table border="1">\n${inside}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
  });
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><title>规划</title></head><body>',
    ...parts,
    '</body></html>',
  ].join('\n');
}

/** Tab-separated rows as a Word copy gives them: a merged cell's text in its first position. */
export function toTabs(body: Body): string {
  return body
    .flatMap((part) =>
      typeof part === 'string'
        ? [part]
        : [...(part.caption ? [part.caption] : []), ...expand(part.rows).map((r) => r.join('\t'))],
    )
    .join('\n');
}

function expand(rows: Cell[][]): string[][] {
  const covered: boolean[][] = rows.map(() => []);
  return rows.map((row, r) => {
    const line: string[] = [];
    let c = 0;
    for (const cell of row) {
      while (covered[r]?.[c]) line[c++] = '';
      const { colSpan = 1, rowSpan = 1 } = spans(cell);
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) {
          const cov = covered[r + dr];
          if (cov) cov[c + dc] = true;
        }
      line[c] = textOf(cell).replace(/\n/g, '');
      for (let dc = 1; dc < colSpan; dc++) line[c + dc] = '';
      c += colSpan;
    }
    while (covered[r]?.[c]) line[c++] = '';
    return line;
  });
}

export const encode = {
  utf8Bom: (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8')),
  utf16le: (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le')),
  utf16be: (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le').swap16()),
  gb18030: (text: string) => new Uint8Array(iconv.encode(text, 'gb18030')),
};
