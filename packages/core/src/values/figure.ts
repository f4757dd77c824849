/** Why typed text is not a figure. */
export type FigureError = 'not_a_number' | 'percent_not_unit' | 'out_of_range';

/**
 * The sizes a figure may have: 0, or between 0.000001 and 1e12 either side of it. A district's
 * GDP in 万元 is about 1e7 and shares have a few decimals; anything outside is a slip or an attack
 * (1e308 or 5e-324 would be stored, approved and graded).
 */
export const FIGURE_RANGE = { min: 1e-6, max: 1e12 } as const;

/** The bounds of `FIGURE_RANGE` as messages print them: `0.000001`, `1,000,000,000,000`. */
export const FIGURE_BOUNDS = {
  min: String(FIGURE_RANGE.min),
  max: FIGURE_RANGE.max.toLocaleString('en-US'),
};

/** The range in words, for messages: `"1e308" is out of range: …`. */
export const FIGURE_RANGE_TEXT = `a figure must be 0, or between ${FIGURE_BOUNDS.min} and ${FIGURE_BOUNDS.max} (1e12) either side of 0`;

/** Whether a finite number is a size a figure may have (see `FIGURE_RANGE`). */
export function inFigureRange(value: number): boolean {
  const size = Math.abs(value);
  return size === 0 || (size >= FIGURE_RANGE.min && size <= FIGURE_RANGE.max);
}

export type FigureReading = { ok: true; value: number | null } | { ok: false; error: FigureError };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * Reads a figure as people type or paste it: `1,234.5`, full-width `１２３．４`, a `%` where the
 * unit is %, spaces anywhere. Blank text is no figure (`value: null`); a lone sign or dot, a
 * misplaced thousands separator (`1,23`) or any word is not a number; a number outside
 * `FIGURE_RANGE` is out of range.
 */
export function readFigure(text: string | number, unit?: string): FigureReading {
  if (typeof text === 'number') return Number.isFinite(text) ? inRange(text) : notANumber;
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
  return inRange(value);
}

const notANumber: FigureReading = { ok: false, error: 'not_a_number' };

const inRange = (value: number): FigureReading =>
  inFigureRange(value)
    ? { ok: true, value: value === 0 ? 0 : value }
    : { ok: false, error: 'out_of_range' };

/** A stored figure as the grid shows it for editing: plain digits, no grouping. */
export function figureText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
