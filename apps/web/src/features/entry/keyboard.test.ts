import { describe, expect, it } from 'vitest';
import { nextCell, readClipboard, type Position } from './keyboard';

// Rows 0 and 2 have no assigned-target cell (column 1).
const has = ({ row, col }: Position) => !(col === 1 && (row === 0 || row === 2));

describe('moving between cells', () => {
  it('down and up stay in the column and skip rows without that cell', () => {
    expect(nextCell(has, 4, { row: 0, col: 0 }, 'down')).toEqual({ row: 1, col: 0 });
    expect(nextCell(has, 4, { row: 1, col: 1 }, 'down')).toEqual({ row: 3, col: 1 });
    expect(nextCell(has, 4, { row: 3, col: 1 }, 'up')).toEqual({ row: 1, col: 1 });
  });

  it('left and right skip missing cells within the row', () => {
    expect(nextCell(has, 4, { row: 0, col: 0 }, 'right')).toEqual({ row: 0, col: 2 });
    expect(nextCell(has, 4, { row: 0, col: 2 }, 'left')).toEqual({ row: 0, col: 0 });
  });

  it('stops at the edges', () => {
    expect(nextCell(has, 4, { row: 3, col: 0 }, 'down')).toBeNull();
    expect(nextCell(has, 4, { row: 0, col: 0 }, 'up')).toBeNull();
    expect(nextCell(has, 4, { row: 1, col: 3 }, 'right')).toBeNull();
    expect(nextCell(has, 4, { row: 1, col: 1 }, 'up')).toBeNull();
  });
});

describe('reading what a spreadsheet copied', () => {
  it('a column copied from Excel is one cell per line', () => {
    expect(readClipboard('5.6\r\n4.2\r\n\r\n62\r\n')).toEqual([['5.6'], ['4.2'], [''], ['62']]);
  });

  it('a block is split by tabs', () => {
    expect(readClipboard('62\t70\n58\t\n')).toEqual([
      ['62', '70'],
      ['58', ''],
    ]);
  });

  it('a single cell is left to the browser', () => {
    expect(readClipboard('1,234.5')).toBeNull();
    expect(readClipboard('62\n')).toBeNull();
  });
});
