import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from './csv';

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

describe('writeCsv and formula injection', () => {
  const risky = ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'];

  it('puts a quote before text a spreadsheet would run as a formula', () => {
    const text = writeCsv([risky]);
    expect(text).toBe(`"'=HYPERLINK(""http://x"",""y"")",'+1,'-1+2,'@SUM(A1),'\tx,"'\rx"\r\n`);
  });

  it('writes a negative number as a number', () => {
    expect(writeCsv([[-3.5, '-3.5', 0]])).toBe("-3.5,'-3.5,0\r\n");
  });

  it('readCsv gives back the text as it was, also text that began with quotes', () => {
    const cells = [...risky, "'=x", "''-y", "it's", "'plain", '', '-', "'"];
    expect(readCsv(writeCsv([cells])).records[0]?.cells).toEqual(cells);
  });
});
