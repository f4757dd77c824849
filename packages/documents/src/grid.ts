import type { SourceCell, SourceTable } from '@pm/core';

/** A cell as a Word or HTML table stores it: its text and how far it reaches. */
export interface StoredCell {
  text: string;
  colSpan: number;
  /** Rows it covers (HTML rowspan); Word's vertical merges come as `continues` instead. */
  rowSpan: number;
  /** A Word cell that continues the merged cell above it (w:vMerge without "restart"). */
  continues?: boolean;
  /** A Word cell that continues the merged cell to its left (the old w:hMerge). */
  continuesLeft?: boolean;
}

/** A stored row: its cells, after `skip` empty grid columns (Word's w:gridBefore). */
export interface StoredRow {
  skip: number;
  cells: StoredCell[];
}

/** Spans as stored, at most 200 (Word allows 63 columns): a page cannot blow the grid up. */
const span = (n: number) => (Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), 200) : 1);

/**
 * Lays stored rows out on one grid, as the document shows them: a merged cell's text repeated
 * at every grid position it covers (`mergedFrom` above or left, with the merged cell's place),
 * short rows filled with empty cells. Places are 1-based table, row and column of the grid.
 */
export function layOut(stored: StoredRow[], table: number): SourceTable['rows'] {
  const grid: (SourceCell | undefined)[][] = stored.map(() => []);
  const place = (row: number, col: number) => ({ table, row: row + 1, col: col + 1 });
  stored.forEach((row, r) => {
    const line = grid[r] ?? [];
    let c = 0;
    const free = () => {
      while (line[c]) c += 1;
    };
    for (let k = 0; k < row.skip; k++, c++) {
      free();
      line[c] = { text: '', place: place(r, c) };
    }
    for (const cell of row.cells) {
      free();
      const origin = cell.continues
        ? grid[r - 1]?.[c]
        : cell.continuesLeft
          ? line[c - 1]
          : undefined;
      if (origin) {
        const from = cell.continues ? ('above' as const) : ('left' as const);
        const top = origin.mergedFrom ? findOrigin(grid, origin) : origin;
        if (from === 'above' && top) top.rowSpan = (top.rowSpan ?? 1) + 1;
        for (let k = 0; k < span(cell.colSpan); k++, c++)
          line[c] = { text: origin.text, place: origin.place, mergedFrom: k === 0 ? from : 'left' };
        continue;
      }
      const cols = span(cell.colSpan);
      const rows = Math.min(span(cell.rowSpan), stored.length - r);
      const first: SourceCell = {
        text: cell.text,
        place: place(r, c),
        ...(cols > 1 ? { colSpan: cols } : {}),
        ...(rows > 1 ? { rowSpan: rows } : {}),
      };
      for (let dr = 0; dr < rows; dr++) {
        const target = grid[r + dr] ?? [];
        for (let dc = 0; dc < cols; dc++) {
          const at = dr === 0 && dc === 0;
          target[c + dc] = at
            ? first
            : { text: cell.text, place: first.place, mergedFrom: dc === 0 ? 'above' : 'left' };
        }
      }
      c += cols;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row, r) =>
    Array.from({ length: width }, (_, c) => row[c] ?? { text: '', place: place(r, c) }),
  );
}

/** The cell a covered grid position repeats (the one whose place it carries). */
function findOrigin(grid: (SourceCell | undefined)[][], cell: SourceCell): SourceCell | undefined {
  const { row, col } = cell.place;
  return row !== undefined && col !== undefined ? grid[row - 1]?.[col - 1] : undefined;
}
