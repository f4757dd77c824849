import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';

describe('readCsv', () => {
  it('reads quoted cells with commas, quotes and line breaks, and numbers lines', () => {
    const { records, error } = readCsv('\uFEFFa,b\r\n"x, ""y""",2\n\n"multi\nline",3\n');
    expect(error).toBeNull();
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', '2'] },
      { line: 4, cells: ['multi\nline', '3'] },
    ]);
  });

  it('reports an unclosed quote with the line it opened on', () => {
    expect(readCsv('a\n"open,1\n2').error).toEqual({
      line: 2,
      message: 'a quoted cell is never closed',
    });
  });
});
