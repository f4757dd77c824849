/** The editable columns of the grid, left to right. */
export const GRID_COLUMNS = ['value', 'assigned', 'source', 'note'] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];

export interface Position {
  row: number;
  col: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The next cell from `from` in `direction`, skipping positions without a cell (a row without an
 * assigned target); null at the grid's edge. Up and down stay in the column, as in a spreadsheet.
 */
export function nextCell(
  has: (p: Position) => boolean,
  rows: number,
  from: Position,
  direction: Direction,
): Position | null {
  const step = direction === 'up' || direction === 'left' ? -1 : 1;
  const vertical = direction === 'up' || direction === 'down';
  for (let i = 1; ; i++) {
    const p = vertical
      ? { row: from.row + step * i, col: from.col }
      : { row: from.row, col: from.col + step * i };
    if (p.row < 0 || p.row >= rows || p.col < 0 || p.col >= GRID_COLUMNS.length) return null;
    if (has(p)) return p;
  }
}

/**
 * Cells copied from a spreadsheet: rows by line, cells by tab. Null for a single cell, which the
 * browser pastes on its own.
 */
export function readClipboard(text: string): string[][] | null {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const block = lines.map((line) => line.split('\t'));
  return block.length === 1 && block[0]!.length === 1 ? null : block;
}
