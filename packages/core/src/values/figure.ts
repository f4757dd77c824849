/** Why typed text is not a figure. */
export type FigureError = 'not_a_number' | 'percent_not_unit';

export type FigureReading = { ok: true; value: number | null } | { ok: false; error: FigureError };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * Reads a figure as people type or paste it: `1,234.5`, full-width `１２３．４`, a `%` where the
 * unit is %, spaces anywhere. Blank text is no figure (`value: null`); a lone sign or dot, a
 * misplaced thousands separator (`1,23`) or any word is not a number.
 */
export function readFigure(text: string | number, unit?: string): FigureReading {
  if (typeof text === 'number')
    return Number.isFinite(text) ? { ok: true, value: text === 0 ? 0 : text } : notANumber;
  let s = text
    .normalize('NFKC')
    .replace(/[\s\u200b]+/g, '')
    .replace(/[\u2212\u2012\u2013]/g, '-');
  if (s === '') return { ok: true, value: null };
  if (s.endsWith('%')) {
    if (unit !== undefined && unit !== '%') return { ok: false, error: 'percent_not_unit' };
    s = s.slice(0, -1);
  }
  if (!NUMBER.test(s) || !/\d/.test(s)) return notANumber;
  const value = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(value)) return notANumber;
  return { ok: true, value: value === 0 ? 0 : value };
}

const notANumber: FigureReading = { ok: false, error: 'not_a_number' };

/** A stored figure as the grid shows it for editing: plain digits, no grouping. */
export function figureText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
