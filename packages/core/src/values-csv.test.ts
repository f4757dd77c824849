import { describe, expect, it } from 'vitest';
import { parseValuesCsv, writeValuesCsv } from './values-csv';

const indicators = [
  { seq: 4, name: '市级以上创新平台' },
  { seq: 16, name: '城市空气质量优良天数比率', unit: '%' },
];
const none = { comparator: null, district: null, state: null, source: null, note: null };

describe('parseValuesCsv', () => {
  it('reads rows by seq or exact name', () => {
    const csv =
      'indicator,year,kind,value\n4,2021,actual,54\n城市空气质量优良天数比率,2023,assigned_target,70\n';
    const { values, problems } = parseValuesCsv(csv, indicators);
    expect(problems).toEqual([]);
    expect(values).toEqual([
      { seq: 4, year: 2021, kind: 'actual', value: 54, line: 2, ...none },
      { seq: 16, year: 2023, kind: 'assigned_target', value: 70, line: 3, ...none },
    ]);
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

  it('refuses figures out of range, naming the line and the range', () => {
    const big = '1' + '0'.repeat(30);
    const csv = `indicator,year,kind,value\n4,2021,actual,${big}\n4,2022,actual,0.0000001\n4,2023,actual,0\n`;
    const { problems } = parseValuesCsv(csv, indicators);
    expect(problems).toEqual([
      {
        line: 2,
        column: 'value',
        message: expect.stringMatching(/^"1000+" is out of range: .*1e12/),
      },
      { line: 3, column: 'value', message: expect.stringContaining('out of range') },
    ]);
  });

  it('refuses a fraction of a count, naming the indicator and unit; 件 per 10,000 people takes decimals', () => {
    const counted = [
      { seq: 4, name: '市级以上创新平台', unit: '个' },
      { seq: 5, name: '每万人口拥有高价值发明专利数', unit: '件' },
    ];
    const csv =
      'indicator,year,kind,value\n4,2021,actual,12.5\n5,2021,actual,21.35\n4,2022,actual,13\n';
    expect(parseValuesCsv(csv, counted).problems).toEqual([
      {
        line: 2,
        column: 'value',
        message: 'indicator 4 市级以上创新平台 is counted in "个": give a whole number, not 12.5',
      },
    ]);
    const fine = 'indicator,year,kind,value\n5,2021,actual,21.35\n4,2022,actual,13\n';
    expect(parseValuesCsv(fine, counted).values.map((v) => v.value)).toEqual([21.35, 13]);
  });

  it('refuses a file without the header', () => {
    expect(parseValuesCsv('4,2021,actual,54', indicators).problems[0]?.message).toBe(
      'the header must be indicator,year,kind,value',
    );
  });

  it('reads figures as people write them: thousands separators, full-width digits, a % where the unit is %', () => {
    const csv =
      'indicator,year,kind,value\n4,2021,actual,"1,234.5"\n4,2022,actual,１２３\n16,2023,actual,66.5%\n';
    expect(parseValuesCsv(csv, indicators).values.map((v) => v.value)).toEqual([1234.5, 123, 66.5]);
  });

  it('refuses a % sign where the unit is not %', () => {
    const { problems } = parseValuesCsv(
      'indicator,year,kind,value\n16,2023,actual,5\n4,2021,actual,5%\n',
      [
        { seq: 4, name: 'x', unit: '个' },
        { seq: 16, name: 'y', unit: '%' },
      ],
    );
    expect(problems).toEqual([
      { line: 3, column: 'value', message: '"5%" has a % sign, but the unit is 个' },
    ]);
  });

  it('reads the district, state, source and note columns of an export, in any order', () => {
    const csv =
      'indicator,year,kind,value,note,district,source,state\n4,2021,actual,54,"说明, 含逗号",130108,统计公报,approved\n';
    expect(parseValuesCsv(csv, indicators).values).toEqual([
      {
        seq: 4,
        year: 2021,
        kind: 'actual',
        value: 54,
        comparator: null,
        line: 2,
        district: '130108',
        state: 'approved',
        source: '统计公报',
        note: '说明, 含逗号',
      },
    ]);
  });

  it('looks indicators up in the plan of each row’s district', () => {
    const plans: Record<string, { seq: number; name: string }[]> = {
      '130108': [{ seq: 4, name: '市级以上创新平台' }],
      '410703': [{ seq: 9, name: '城镇调查失业率' }],
    };
    const csv =
      'indicator,year,kind,value,district\n4,2021,actual,54,130108\n9,2021,actual,3.9,410703\n4,2021,actual,1,410703\n1,2021,actual,1,999999\n1,2021,actual,1,13\n1,2021,actual,1,\n';
    const { problems } = parseValuesCsv(csv, (d) => (d ? (plans[d] ?? null) : null));
    expect(problems).toEqual([
      { line: 4, column: 'indicator', message: expect.stringContaining('"4" is neither') },
      { line: 5, column: 'district', message: 'no plan for district 999999' },
      { line: 6, column: 'district', message: '"13" is not a 6-digit district code' },
      { line: 7, column: 'district', message: 'no district given' },
    ]);
  });

  it('refuses an unknown state and an unknown extra column', () => {
    expect(
      parseValuesCsv('indicator,year,kind,value,state\n4,2021,actual,1,done\n', indicators)
        .problems,
    ).toEqual([
      {
        line: 2,
        column: 'state',
        message: '"done" must be draft, submitted, approved or returned',
      },
    ]);
    expect(
      parseValuesCsv('indicator,year,kind,value,owner\n', indicators).problems[0]?.message,
    ).toContain('not owner');
  });

  it('what writeValuesCsv writes, parseValuesCsv reads back', () => {
    const rows = [
      {
        seq: 4,
        year: 2021,
        kind: 'actual' as const,
        value: 54,
        comparator: null,
        district: '130108',
        state: 'draft' as const,
        source: '统计公报',
        note: 'a "quoted", note\non two lines',
      },
      {
        seq: 16,
        year: 2023,
        kind: 'assigned_target' as const,
        value: 70,
        comparator: 'at_most' as const,
        district: '130108',
        state: null,
        source: null,
        note: null,
      },
    ];
    const text = writeValuesCsv(rows);
    expect(text.split('\r\n')[0]).toBe(
      'indicator,year,kind,value,district,state,source,note,comparator',
    );
    expect(text.split('\r\n').at(-2)).toBe('16,2023,assigned_target,70,130108,,,,at_most');
    expect(parseValuesCsv(text, indicators).values.map(({ line: _, ...v }) => v)).toEqual(rows);
  });
});

describe('the comparator column', () => {
  const read = (rows: string[]) =>
    parseValuesCsv(['indicator,year,kind,value,comparator', ...rows].join('\n'), indicators);

  it('gives an assigned target its comparator, by key, Chinese word or symbol', () => {
    const { values, problems } = read([
      '16,2021,assigned_target,70,at_most',
      '16,2022,assigned_target,71,不低于',
      '16,2023,assigned_target,72,≤',
      '16,2024,assigned_target,73,左右',
      '16,2025,assigned_target,74,',
      '16,2025,actual,75,',
    ]);
    expect(problems).toEqual([]);
    expect(values.map((v) => v.comparator)).toEqual([
      'at_most',
      'at_least',
      'at_most',
      'about',
      null,
      null,
    ]);
  });

  it('a bad comparator and a comparator on an actual are each a problem of their line', () => {
    const { values, problems } = read([
      '16,2021,assigned_target,70,at_most',
      '16,2022,assigned_target,71,约',
      '16,2022,actual,70,不低于',
    ]);
    expect(values).toEqual([]);
    expect(problems).toEqual([
      {
        line: 3,
        column: 'comparator',
        message: expect.stringMatching(/^"约" is not a comparator; write one of about, at_least/),
      },
      {
        line: 4,
        column: 'comparator',
        message: 'an actual has no comparator ("不低于"); only an assigned_target row has one',
      },
    ]);
  });

  it('files without the column read as before: no comparator', () => {
    const { values } = parseValuesCsv(
      'indicator,year,kind,value\n16,2023,assigned_target,70\n',
      indicators,
    );
    expect(values[0]?.comparator).toBeNull();
  });
});

describe('values export and formula injection', () => {
  it('a note or source that reads as a formula is exported inert and imported as it was', () => {
    const notes = ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)'];
    const rows = notes.map((note, i) => ({
      seq: 4,
      year: 2021 + i,
      kind: 'actual' as const,
      value: -3.5,
      comparator: null,
      district: '130108',
      state: 'draft' as const,
      source: "=cmd|' /C calc'!A0",
      note,
    }));
    const text = writeValuesCsv(rows);
    expect(text.split('\r\n')[1]).toBe(
      `4,2021,actual,-3.5,130108,draft,'=cmd|' /C calc'!A0,"'=HYPERLINK(""http://x"",""y"")",`,
    );
    expect(text.split('\r\n').slice(2, 5)).toEqual([
      `4,2022,actual,-3.5,130108,draft,'=cmd|' /C calc'!A0,'+1,`,
      `4,2023,actual,-3.5,130108,draft,'=cmd|' /C calc'!A0,'-1+2,`,
      `4,2024,actual,-3.5,130108,draft,'=cmd|' /C calc'!A0,'@SUM(A1),`,
    ]);
    expect(parseValuesCsv(text, indicators).values.map(({ line: _, ...v }) => v)).toEqual(rows);
  });
});
