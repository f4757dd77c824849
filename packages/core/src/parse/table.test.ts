import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planFileSchema, type District, type PlanFile } from '../plan';
import { readTable, readTableRows, type TableRow } from './table';

/** Snippets copied verbatim from the seed plans; `offset` maps a snippet line to the seed's line. */
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8');
const yuhua = { text: fixture('yuhua'), offset: 271 };
const weibin = { text: fixture('weibin'), offset: 216 };
const xinhua = { text: fixture('xinhua'), offset: 87 };
const district: District = { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' };

function fileOf(result: { file: PlanFile | null }): PlanFile {
  if (!result.file) throw new Error('no plan file');
  return result.file;
}

function rows(text: string): TableRow[] {
  const table = readTableRows(text);
  if (!table) throw new Error('no table');
  return table.rows;
}
const byLabel = (rs: TableRow[], label: string) => rs.find((r) => r.label === label) as TableRow;
const categoryRuns = (rs: TableRow[]) =>
  rs.reduce<string[]>(
    (runs, r) =>
      runs.at(-1)?.startsWith(`${r.category}:`) ? runs : [...runs, `${r.category}:${r.label}`],
    [],
  );

describe('readTable on tab-separated rows with top-aligned category cells (Yuhua 表1)', () => {
  const result = readTable(yuhua.text, { district, document: 'yuhua' });

  it('reads all 17 rows, with no problem, into a valid plan file', () => {
    expect(result.problems).toEqual([]);
    expect(fileOf(result).indicators.map((i) => i.seq)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    expect(planFileSchema.parse(result.file)).toEqual(fileOf(result));
  });

  it('takes the years from the header and the categories from the first row of each group', () => {
    expect(fileOf(result).plan).toMatchObject({
      baselineYear: 2020,
      midtermYear: 2023,
      targetYear: 2025,
    });
    expect(categoryRuns(result.rows)).toEqual([
      '经济发展:1',
      '创新驱动:3',
      '民生福祉:7',
      '绿色转型:14',
    ]);
  });

  it('carries the merged 达到 市要求 cell to rows 15–17 and records it', () => {
    for (const label of ['15', '16', '17']) {
      expect(byLabel(result.rows, label).raw).toMatchObject({
        rate: '达到 市要求',
        merged: ['rate'],
      });
    }
    expect(byLabel(result.rows, '14').raw.merged).toBeUndefined();
    expect(
      fileOf(result)
        .indicators.slice(13)
        .map((i) => [i.target.form, i.attribute]),
    ).toEqual(Array.from({ length: 4 }, () => ['assigned', 'binding']));
  });

  it('points each indicator at its printed line and quotes it verbatim', () => {
    const lines = yuhua.text.split('\n');
    for (const ind of fileOf(result).indicators) {
      expect(ind.source.kind).toBe('table');
      expect(ind.source.quote).toBe(lines[(ind.source.line ?? 0) - 1]);
    }
    expect(fileOf(result).indicators[3]?.source.line).toBe(282 - yuhua.offset);
  });

  it('strips the printed number and the unit from the name', () => {
    expect(fileOf(result).indicators[0]).toMatchObject({ name: '生产总值(GDP)增长率', unit: '%' });
    expect(fileOf(result).indicators[11]).toMatchObject({
      name: '每千人口拥有3岁以下婴幼儿托位数',
      unit: '个',
    });
  });
});

describe('readTableRows on tab rows with garbage headers, split rows and centred categories (Weibin 专栏1-1)', () => {
  const table = readTableRows(weibin.text);
  const rs = table?.rows ?? [];

  it('reads the 19 numbered rows and the sub-row printed under row 8 as 8a, numbered after them', () => {
    expect(rs.map((r) => r.label)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '8a',
      ...Array.from({ length: 11 }, (_, i) => `${i + 9}`),
    ]);
    expect(byLabel(rs, '8a')).toMatchObject({
      seq: 20,
      name: '城镇就业(万人)',
      raw: { target: '[2.5]', attribute: '预期性' },
    });
    expect(table?.problems).toEqual([]);
  });

  it('joins a row split over two lines and quotes both lines', () => {
    const seven = byLabel(rs, '7');
    expect(seven.raw).toMatchObject({
      rate: '与经济增长\n基本同步',
      attribute: '预期性\n7次列 正',
    });
    expect(seven.line).toBe(231 - weibin.offset);
    expect(seven.quote.split('\n')).toHaveLength(2);
  });

  it('places the centred category fragments over their groups across the page break', () => {
    expect(categoryRuns(rs)).toEqual(['经济发展:1', '民生福祉:7', '绿色生态:16', '安全保障:19']);
  });

  it('keeps the cells verbatim, split words included', () => {
    expect(byLabel(rs, '16').raw.rate).toBe('按市下达目 标');
    expect(byLabel(rs, '17').raw).toMatchObject({
      baseline: '65.3',
      target: '按市下 达目标',
      rate: '_',
    });
    expect(byLabel(rs, '1').raw).toMatchObject({ baseline: null, target: null, rate: '7左右' });
  });

  it('does not carry cells down in a table that leaves its blanks empty', () => {
    expect(rs.some((r) => r.raw.merged)).toBe(false);
  });

  it('lists the rows it cannot read with their document lines, and links 7 to GDP growth', () => {
    const result = readTable(weibin.text, { district, document: 'weibin' });
    expect(result.problems.map((p) => [p.line + weibin.offset, p.text])).toEqual([
      [231, '预期性\n7次列 正'],
      [233, ''],
      [235, ''],
    ]);
    expect(fileOf(result).indicators.find((i) => i.seq === 3)?.target.baseline).toBeNull();
    expect(result.notes).toEqual([expect.objectContaining({ text: '3.01 亿' })]);
  });
});

describe('readTable on one cell per line with category rows (Xinhua 专栏2-1)', () => {
  const result = readTable(xinhua.text, { district, document: 'xinhua' });

  it('reads all 18 rows; only row 6, with an empty attribute cell, is a problem', () => {
    expect(result.rows.map((r) => r.seq)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 144 - xinhua.offset,
        message: expect.stringContaining('row 6, attribute'),
      }),
    ]);
  });

  it('joins a cell the PDF split over lines and takes categories from the category rows', () => {
    expect(byLabel(result.rows, '13').raw.target).toBe('按市定\n目标确定');
    expect(categoryRuns(result.rows)).toEqual([
      '经济发展:1',
      '创新驱动:5',
      '民生福祉:8',
      '绿色生态:13',
      '安全保障:18',
    ]);
  });

  it('reads the GDP level with its rate and links income growth to it', () => {
    const gdp = fileOf(result).indicators[0];
    expect(gdp).toMatchObject({
      seq: 1,
      name: 'GDP',
      unit: '亿元',
      target: { form: 'level', baseline: 272, value: 391.9, rate: 7, comparator: 'at_least' },
    });
    expect(fileOf(result).indicators.find((i) => i.seq === 8)?.target).toMatchObject({
      form: 'linked',
      linkedTo: 1,
    });
  });

  it('quotes every printed line of a row', () => {
    const lines = xinhua.text.split('\n');
    const row = byLabel(result.rows, '13');
    expect(row.quote).toBe(lines.slice(row.line - 1, row.line - 1 + 8).join('\n'));
    expect(row.quote.endsWith('约束性')).toBe(true);
  });
});

describe('readTable on synthetic tables', () => {
  const head = [
    '正文。',
    '',
    '表 2 某区主要指标',
    '类别\t指标\t2020年基数\t2025年目标\t年均增长\t属性',
  ];

  it('reads a top-aligned table and stops at the note', () => {
    const text = [
      ...head,
      '经济\t1. 地区生产总值（亿元）\t100\t150\t8\t预期性',
      '\t2. 城镇化率(%)\t60\t65\t-\t约束性',
      '注：说明',
      '3\t不是表格',
    ].join('\n');
    const result = readTable(text, { district, document: 'synthetic' });
    expect(result.problems).toEqual([]);
    expect(
      fileOf(result).indicators.map((i) => [i.seq, i.category, i.name, i.target.form, i.attribute]),
    ).toEqual([
      [1, '经济', '地区生产总值', 'level', 'expected'],
      [2, '经济', '城镇化率', 'level', 'binding'],
    ]);
  });

  it('lists a row with more cells than the header and a row it cannot parse, by line', () => {
    const text = [
      ...head,
      '经济\t1. 甲(%)\t1\t2\t-\t预期性',
      '\t2. 乙(%)\t1\t2\t-\t预期性\t多余',
      '\t3. 丙(%)\t-\t很多\t-\t预期性',
    ].join('\n');
    const result = readTable(text, { district, document: 'synthetic' });
    expect(result.problems.map((p) => p.line)).toEqual([6, 7]);
    expect(fileOf(result).indicators.map((i) => i.seq)).toEqual([1]);
  });

  it('centres category labels printed between rows', () => {
    const body = [
      '1\t\t甲(%)\t1\t2\t\t预期性',
      '2\t经济\t乙(%)\t1\t2\t\t预期性',
      '3\t\t丙(%)\t1\t2\t\t预期性',
      '4\t\t丁(%)\t1\t2\t\t预期性',
      '5\t民生\t戊(%)\t1\t2\t\t预期性',
      '6\t\t己(%)\t1\t2\t\t预期性',
    ];
    const text = [
      '专栏 1 主要指标',
      '序号\t类别\t指标名称\t2020年\t2025年\t年均增长\t属性',
      ...body,
    ].join('\n');
    expect(categoryRuns(rows(text))).toEqual(['经济:1', '民生:4']);
  });

  it('reads a merged target cell only in a table that marks its blanks with dashes', () => {
    const dashed = [
      ...head,
      '绿色\t1. 甲降幅(%)\t-\t-\t按市下达目标\t约束性',
      '\t2. 乙降幅(%)\t-\t-\t\t约束性',
    ].join('\n');
    expect(byLabel(rows(dashed), '2').raw).toMatchObject({
      rate: '按市下达目标',
      merged: ['rate'],
    });
  });

  it('reports a one-cell-per-line row with too few cells and goes on with the next', () => {
    const cell = (t: string) => `\t${t}`;
    const text = [
      cell('专栏 主要指标'),
      ...['序号', '指标名称', '2020年', '2025年', '年均增速', '属性'].map(cell),
      cell('一、经济'),
      ...['1', '甲（%）', '1', '2', '', '预期性'].map(cell),
      cell('二、民生'),
      ...['2', '乙（%）', '3'].map(cell),
      cell('三、绿色'),
      ...['3', '丙（%）', '1', '1', '', '约束性'].map(cell),
      '第二章 正文',
      '正文',
    ].join('\n');
    const result = readTable(text, { district, document: 'synthetic' });
    expect(result.rows.map((r) => [r.seq, r.category])).toEqual([
      [1, '经济'],
      [3, '绿色'],
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 16, message: '3 cells where the header has 6' }),
    ]);
  });

  it('says so when there is no table', () => {
    const result = readTable('第一章\n没有表格。', { district, document: 'none' });
    expect(result.file).toBeNull();
    expect(result.problems[0]?.message).toMatch(/no main-indicator table/);
  });

  it('looks from startLine on', () => {
    const text = [
      ...head,
      '经济\t1. 甲(%)\t1\t2\t-\t预期性',
      '',
      ...head,
      '经济\t1. 乙(%)\t1\t2\t-\t预期性',
    ].join('\n');
    expect(rows(text)[0]?.name).toBe('甲(%)');
    expect(readTableRows(text, 8)?.rows[0]).toMatchObject({ name: '乙(%)', line: 11 });
  });
});
