/** A cell's text; several lines (a figure and its year) break where they part. */
export type CellText = string | number | string[];

/** Word's default cell margins, left and right, in twips. */
const CELL_MARGINS = 2 * 108;

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2018-\u201d\u2026]/u;

/** The printed width of `text` in points at `size` pt: a Chinese character one em, Latin about half. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const c of text) w += WIDE.test(c) ? size : c === ' ' ? 0.25 * size : 0.55 * size;
  return w;
}

/** The runs a line may not break inside: figures, codes and Latin words ("62.9/6", "≥2.5"). */
export const unbreakable = (text: string): string[] =>
  text.match(/[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu) ?? [];

const linesOf = (t: CellText) => (Array.isArray(t) ? t : [String(t)]);

/**
 * Column widths in twips summing to `total`. A column of weight 0 (the default) is sized to its
 * widest line, its header in at most two lines; the others (names, reasons) share what is left
 * by weight (`fit`: a table that fits keeps its columns' own widths, and is narrower than
 * `total`). No column is narrower than its longest unbreakable run, so a number never breaks.
 */
export function columnWidths(
  head: string[],
  rows: CellText[][],
  total: number,
  size: number,
  weights: number[] = [],
  fit = false,
): number[] {
  const twips = (pt: number) => Math.ceil(pt * 20) + CELL_MARGINS;
  const slack = 0.5 * size;
  const columns = head.map((h, k) => {
    const cells = rows.map((r) => r[k] ?? '').flatMap(linesOf);
    const tokens = [h, ...cells].flatMap(unbreakable);
    const floor = twips(Math.max(size, ...tokens.map((t) => textWidth(t, size))) + slack);
    // A header of up to four characters stays on one line; a longer one may take two.
    const header = textWidth(h, size);
    const headerLine = header <= 4 * size ? header : Math.ceil(header / 2 / size) * size;
    const line = Math.max(headerLine, ...cells.map((c) => textWidth(c, size)));
    const weight = weights[k] ?? 0;
    return { floor, want: weight > 0 ? floor : Math.max(floor, twips(line + slack)), weight };
  });
  const want = columns.reduce((n, c) => n + c.want, 0);
  if (fit && want <= total) return columns.map((c) => c.want);
  const floors = columns.reduce((n, c) => n + c.floor, 0);
  // Wider than the page even at the floors: the table runs into the margin, no number breaks.
  if (floors >= total) return columns.map((c) => c.floor);
  if (want > total) {
    // Too wide: the fixed columns give up their one-line width first, never their floor.
    const give = columns.reduce((n, c) => n + c.want - c.floor, 0);
    const cut = give > 0 ? Math.min(1, (want - total) / give) : 0;
    const widths = columns.map((c) => Math.floor(c.want - (c.want - c.floor) * cut));
    return settle(
      widths,
      total,
      columns.map((c) => c.weight || 1),
    );
  }
  const flex = columns.reduce((n, c) => n + c.weight, 0);
  const extra = total - want;
  const widths = columns.map((c) =>
    Math.floor(c.want + (flex > 0 ? (extra * c.weight) / flex : (extra * c.want) / want)),
  );
  return settle(
    widths,
    total,
    columns.map((c) => c.weight || (flex > 0 ? 0 : 1)),
  );
}

/** Rounding left over goes to the first column that takes extra width. */
function settle(widths: number[], total: number, weights: number[]): number[] {
  const rest = total - widths.reduce((a, b) => a + b, 0);
  const k = Math.max(
    0,
    weights.findIndex((w) => w > 0),
  );
  return widths.map((w, i) => (i === k ? w + rest : w));
}
