import { describe, expect, it } from 'vitest';
import { parseValuesCsv } from './values-csv';

const indicators = [
  { seq: 4, name: '市级以上创新平台' },
  { seq: 16, name: '城市空气质量优良天数比率' },
];

describe('parseValuesCsv', () => {
  it('reads rows by seq or exact name', () => {
    const csv =
      'indicator,year,kind,value\n4,2021,actual,54\n城市空气质量优良天数比率,2023,assigned_target,70\n';
    expect(parseValuesCsv(csv, indicators)).toEqual({
      values: [
        { seq: 4, year: 2021, kind: 'actual', value: 54 },
        { seq: 16, year: 2023, kind: 'assigned_target', value: 70 },
      ],
      problems: [],
    });
  });

  it('reports every bad cell with line and column, and returns no values', () => {
    const csv =
      'indicator,year,kind,value\n9,2021,actual,1\n4,21,target,abc\n4,2021,actual,54\n4,2021,actual,55\n4,2022\n';
    const { values, problems } = parseValuesCsv(csv, indicators);
    expect(values).toEqual([]);
    expect(problems).toEqual([
      { line: 2, column: 'indicator', message: expect.stringContaining('"9" is neither') },
      { line: 3, column: 'year', message: expect.stringContaining('four-digit') },
      { line: 3, column: 'kind', message: expect.stringContaining('actual or assigned_target') },
      { line: 3, column: 'value', message: '"abc" is not a number' },
      { line: 5, column: '(row)', message: 'repeats indicator 4, 2021, actual of line 4' },
      { line: 6, column: '(row)', message: 'expected 4 cells, found 2' },
    ]);
  });

  it('refuses a file without the header', () => {
    expect(parseValuesCsv('4,2021,actual,54', indicators).problems[0]?.message).toBe(
      'the header must be indicator,year,kind,value',
    );
  });
});
