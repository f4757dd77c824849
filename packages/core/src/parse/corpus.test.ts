import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planFileSchema, type District } from '../plan';
import { placeText, type PlanDocument } from './document';
import { readDocumentTable, readTable, type DocumentTable } from './table';

/**
 * Tables the seeds never had, written as plans print them (fixtures/corpus): other column orders
 * and subsets, captions (表, 专栏 …一览表, 主要发展目标, none), a two-row grouped header, a 15th
 * plan's 2025年 / 2030年, units only in a column, sub-rows, footnotes, assigned targets and a
 * two-figure cell. Every row is read right or listed.
 */
const district: District = { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' };
const read = (file: string): DocumentTable =>
  readTable(readFileSync(new URL(`./fixtures/corpus/${file}`, import.meta.url), 'utf8'), {
    district,
    document: file,
  });

/** seq, name, unit, attribute, form, baseline, value, rate, cumulative, comparator. */
const brief = (r: DocumentTable) =>
  r.rows.map((row) => {
    const i = row.indicator;
    if (!i) return [row.seq, row.name, null];
    const t = i.target;
    const attr = i.attribute === 'binding' ? '约束' : '预期';
    return [
      i.seq,
      i.name,
      i.unit,
      attr,
      t.form,
      t.baseline,
      t.value,
      t.rate,
      t.cumulative,
      t.comparator,
    ];
  });

describe('a provincial 15th-plan outline in markdown: no 序号, a 单位 column, 2025年 → 2030年', () => {
  const r = read('province-15th.md');

  it('takes the period from the header and reads all 14 rows into a valid plan', () => {
    expect(r.file?.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(r.problems).toEqual([]);
    expect(planFileSchema.parse(r.file)).toEqual(r.file);
    expect(brief(r)).toEqual([
      [1, '地区生产总值增长', '%', '预期', 'annual_rate', 5.8, null, 5, null, 'about'],
      [2, '全员劳动生产率增长', '%', '预期', 'linked', 6, null, null, null, 'above'],
      [3, '常住人口城镇化率', '%', '预期', 'level', 68.5, 72, null, null, null],
      [4, '研究与试验发展经费投入增长', '%', '预期', 'annual_rate', 8.1, null, 7, null, 'at_least'],
      [5, '每万人口高价值发明专利拥有量', '件', '预期', 'level', 8.2, 16, null, null, null],
      [6, '居民人均可支配收入增长', '%', '预期', 'linked', 5.1, null, null, null, 'at_least'],
      [
        14,
        '居民人均可支配收入增长：农村居民',
        '%',
        '预期',
        'annual_rate',
        6.5,
        null,
        6,
        null,
        'at_least',
      ],
      [7, '城镇调查失业率', '%', '预期', 'bound', 5, 5.5, null, null, 'below'],
      [8, '人均预期寿命', '岁', '预期', 'level', 79.1, 80, null, null, null],
      [9, '每千人口拥有3岁以下婴幼儿托位数', '个', '预期', 'level', 3.5, 4.5, null, null, null],
      [
        10,
        '单位地区生产总值能源消耗降低',
        '%',
        '约束',
        'assigned',
        null,
        null,
        null,
        null,
        'at_least',
      ],
      [
        11,
        '细颗粒物（PM2.5）浓度',
        '微克/立方米',
        '约束',
        'assigned',
        32,
        null,
        null,
        null,
        'at_most',
      ],
      [12, '森林覆盖率', '%', '约束', 'level', 34.5, 35.5, null, null, null],
      [13, '粮食综合生产能力', '万吨', '约束', 'assigned', 560, null, null, null, 'at_least'],
    ]);
  });

  it('carries the merged category cell down, names the assigning level, keeps the footnote', () => {
    expect(r.rows.map((row) => row.category)).toEqual([
      ...Array(3).fill('经济发展'),
      ...Array(2).fill('创新驱动'),
      ...Array(5).fill('民生福祉'),
      ...Array(3).fill('绿色生态'),
      '安全保障',
    ]);
    expect(r.rows.filter((row) => row.assignedBy).map((row) => [row.seq, row.assignedBy])).toEqual([
      [10, '国家'],
      [11, '省'],
      [13, '市'],
    ]);
    expect(r.rows.find((row) => row.seq === 3)?.marks).toEqual(['①']);
    expect(r.footnotes).toEqual([{ place: { line: 26 }, text: '注：①常住人口城镇化率为年末数。' }]);
  });

  it('points each row at its line and keeps its source cells', () => {
    const row = r.rows.find((x) => x.seq === 12);
    expect(row?.place).toEqual({ line: 23 });
    expect(row?.cells.unit?.[0]).toEqual({ text: '%', place: { line: 23, col: 3 } });
    expect(row?.quote).toBe('| | 森林覆盖率 | % | 34.5 | 35.5 | — | 约束性 |');
  });
});

describe('a county 专栏 …一览表 in tabs: 属性 before 单位, 现状 / 目标 without years, 小学 / 初中', () => {
  const r = read('county-education.txt');

  it('takes the years from the period the caption names and says so', () => {
    expect(r.file?.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(r.notes.map((n) => n.message)).toEqual([
      'no baseline year in the header: 2025 from the period the caption names',
      'no target year in the header: 2030 from the period the caption names',
    ]);
  });

  it('reads the 9 rows, the two school levels as indicators named with their parent', () => {
    expect(r.problems).toEqual([]);
    expect(brief(r)).toEqual([
      [1, '学前教育毛入园率', '%', '预期', 'level', 92, 95, null, null, 'at_least'],
      [2, '义务教育巩固率（小学）', '%', '约束', 'level', 99.5, 100, null, null, null],
      [9, '义务教育巩固率（初中）', '%', '约束', 'level', 98.6, 99, null, null, null],
      [3, '高中阶段教育毛入学率', '%', '预期', 'level', 93, 96, null, null, null],
      [4, '普惠性幼儿园覆盖率', '%', '约束', 'level', 88, 90, null, null, null],
      [5, '新增学位数', '个', '预期', 'cumulative', null, null, null, 12000, null],
      [6, '专任教师本科以上学历比例', '%', '预期', 'bound', 78, 85, null, null, 'at_least'],
      [7, '中小学智慧校园达标率', '%', '预期', 'assigned', 60, null, null, null, 'at_least'],
      [8, '劳动年龄人口平均受教育年限', '年', '预期', 'level', 11.2, 11.8, null, null, null],
    ]);
  });

  it('takes the marks [1] and * off the names and keeps both footnotes', () => {
    expect(r.rows.flatMap((row) => row.marks)).toEqual(['[1]', '*']);
    expect(r.footnotes.map((f) => f.text)).toEqual(['注：[1]学前三年。', '*含公办园。']);
  });
});

describe('a table with no caption under a two-row header ("十四五"目标 over 2025年 and 年均[累计])', () => {
  const r = read('county-grouped-header.txt');

  it('finds it by its header, places the short second header row under its group', () => {
    expect(r.caption).toBeNull();
    expect(r.file?.plan).toMatchObject({ baselineYear: 2020, targetYear: 2025 });
  });

  it('reads 9 rows and lists the two-figure cell with its line, not guessed', () => {
    expect(brief(r)).toEqual([
      [1, '县域生产总值', '亿元', '预期', 'level', 320, 450, 7, null, 'at_least'],
      [2, '一般公共预算收入', '亿元', '预期', 'level', 18.5, 25, 6, null, 'at_least'],
      [3, '城镇新增就业', '万人', '预期', 'cumulative', null, null, null, 1.5, null],
      [4, '农村居民人均可支配收入', '元', '预期', 'level', 17800, 25000, 7, null, 'at_least'],
      [5, '高标准农田面积', '万亩', '约束', 'level', 42, 55, null, null, null],
      [6, '新增建设用地规模', null],
      [7, '单位GDP二氧化碳排放降低', '%', '约束', 'assigned', null, null, null, null, 'at_least'],
      [8, '空气质量优良天数比例', '%', '约束', 'assigned', 78.4, null, null, null, 'at_least'],
      [9, '农村自来水普及率', '%', '约束', 'level', 95, 98, null, null, null],
      [10, '规模以上工业增加值增长', '%', '预期', 'annual_rate', null, null, 8, null, 'about'],
    ]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        line: 10,
        text: '成片开发约110 零星用地约20',
        message: 'row 6, target: two figures in one cell: listed for review, not guessed',
      }),
    ]);
    expect(r.rows.find((row) => row.seq === 6)?.problems).toHaveLength(1);
    expect(r.footnotes.map((f) => f.text)).toEqual(['注1：含集中供水。']);
  });
});

describe('主要发展目标 with cells ending in " |", category rows and no year anywhere', () => {
  const r = read('district-bars.txt');

  it('reads the rows but makes no plan file, saying the years are missing', () => {
    expect(brief(r)).toEqual([
      [1, '服务业增加值占比', '%', '预期', 'level', 62, 65, null, null, null],
      [2, '数字经济核心产业增加值', '亿元', '预期', 'level', 120, 200, null, null, null],
      [3, '污水集中收集率', '%', '约束', 'bound', 70, 75, null, null, 'at_least'],
      [4, '建成区绿地率', '%', '约束', 'level', 38, 40, null, null, null],
    ]);
    expect(r.rows.map((row) => row.category)).toEqual(['经济', '经济', '生态', '生态']);
    expect(r.file).toBeNull();
    expect(r.problems.map((p) => p.message)).toEqual([
      "no baseline year in the header, the caption or the title: give the plan's period",
      "no target year in the header, the caption or the title: give the plan's period",
    ]);
  });
});

describe('a PDF-viewer copy, one cell a line between blank lines, a wrapped name', () => {
  const r = read('city-pdf-copy.txt');

  it('joins the wrapped name, takes 2025年 → 2030年 and stops at the running text', () => {
    expect(r.problems).toEqual([]);
    expect(r.file?.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(brief(r)).toEqual([
      [1, '全社会研发投入强度', '%', '预期', 'level', 2.1, 2.6, null, null, null],
      [2, '规模以上工业企业研发机构覆盖率', '%', '预期', 'level', 40, 55, null, null, null],
      [3, '数字经济核心产业增加值占比', '%', '预期', 'level', 10, 15, null, null, null],
      [4, '技术合同成交额', '亿元', '预期', 'annual_rate', 80, null, 10, null, 'at_least'],
      [5, '城市生活垃圾资源化利用率', '%', '约束', 'level', 70, 80, null, null, 'at_least'],
      [6, '每千人口执业（助理）医师数', '人', '预期', 'level', 3.2, 3.6, null, null, null],
    ]);
  });
});

describe('a Word or HTML table as the format readers give it: merged cells expanded, no lines', () => {
  const grid = [
    ['序号', '领域', '指标', '指标', '单位', '2025年', '“十五五”目标', '“十五五”目标', '属性'],
    ['序号', '领域', '指标', '指标', '单位', '2025年', '2030年', '年均[累计]', '属性'],
    [
      '一、民生',
      '一、民生',
      '一、民生',
      '一、民生',
      '一、民生',
      '一、民生',
      '一、民生',
      '一、民生',
      '一、民生',
    ],
    ['1', '教育', '义务教育巩固率', '小学', '%', '99', '99.5', '—', '约束性'],
    ['1', '教育', '义务教育巩固率', '初中', '%', '97', '98', '—', '约束性'],
    ['2', '教育', '新增学位', '新增学位', '个', '—', '—', '[3000]', '预期性'],
  ];
  const merged = (r: number, c: number): 'above' | 'left' | undefined => {
    const text = grid[r]?.[c];
    if (c > 0 && grid[r]?.[c - 1] === text) return 'left';
    if (r > 0 && grid[r - 1]?.[c] === text && r !== 2) return 'above';
    return undefined;
  };
  const doc: PlanDocument = {
    name: 'plan.docx',
    format: 'docx',
    lines: [{ text: '某区国民经济和社会发展第十五个五年规划纲要', place: {} }],
    tables: [
      {
        caption: { text: '表1 主要指标', place: { table: 1 } },
        place: { table: 1 },
        rows: grid.map((row, r) =>
          row.map((text, c) => ({
            text,
            place: { table: 1, row: r + 1, col: c + 1 },
            ...(merged(r, c) ? { mergedFrom: merged(r, c) } : {}),
          })),
        ),
      },
    ],
    problems: [],
  };
  const r = readDocumentTable(doc, { district, document: 'plan.docx' });

  it('reads the grouped header, the merged 序号 and 指标 over 小学 / 初中, and the spanning category row', () => {
    expect(r.problems).toEqual([]);
    expect(r.file?.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(brief(r)).toEqual([
      [1, '义务教育巩固率（小学）', '%', '约束', 'level', 99, 99.5, null, null, null],
      [3, '义务教育巩固率（初中）', '%', '约束', 'level', 97, 98, null, null, null],
      [2, '新增学位', '个', '预期', 'cumulative', null, null, null, 3000, null],
    ]);
    expect(r.rows.map((row) => [row.label, row.category, placeText(row.place)])).toEqual([
      ['1', '教育', '表 1 第 4 行'],
      ['1a', '教育', '表 1 第 5 行'],
      ['2', '教育', '表 1 第 6 行'],
    ]);
    expect(r.rows[0]?.indicator?.source).toMatchObject({ line: null, kind: 'table' });
  });
});

describe('a sector plan whose table has only 指标 | 2025年 | 2030年, units in the names', () => {
  const r = read('sector-years-only.txt');

  it('finds the table by its caption and bare-year header, and lists that every row was taken as 预期性', () => {
    expect(r.file?.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(r.problems.map((n) => n.message)).toEqual([
      'no 属性 column: every indicator taken as 预期性 (expected); mark the binding ones',
    ]);
    expect(brief(r)).toEqual([
      [1, '细颗粒物（PM2.5）平均浓度', '微克/立方米', '预期', 'level', 35, 30, null, null, null],
      [2, '空气质量优良天数比率', '%', '预期', 'level', 80, 85, null, null, null],
      [3, '地表水达到或好于Ⅲ类水体比例', '%', '预期', 'level', 70, 75, null, null, null],
      [4, '森林覆盖率', '%', '预期', 'level', 35, 38, null, null, null],
    ]);
    expect(r.file?.indicators[0]?.target.direction).toBe('decrease');
  });
});

describe('a markdown table with alignment marks and 现状值 / 目标值 headers', () => {
  const r = read('aligned-markdown.md');

  it('reads every row; 完成省下达目标 is a target assigned by the province', () => {
    expect(r.problems).toEqual([]);
    expect(r.file?.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(brief(r)).toEqual([
      [1, '常住人口', '万人', '预期', 'level', 120, 125, null, null, null],
      [
        2,
        '单位地区生产总值二氧化碳排放降低',
        '%',
        '约束',
        'assigned',
        null,
        null,
        null,
        null,
        'at_least',
      ],
      [3, '人均预期寿命', '岁', '预期', 'level', 78, 79, null, null, 'about'],
    ]);
    expect(r.rows[1]?.assignedBy).toBe('省');
  });
});

describe('a sector plan without GDP whose income grows 与经济增长同步', () => {
  const r = read('sector-no-gdp.txt');

  it('reads the rows and lists the link it cannot make, with the indicator named', () => {
    expect(r.problems).toEqual([
      expect.objectContaining({
        text: '居民人均可支配收入',
        message: 'linked to economic growth, but the plan has no GDP indicator',
      }),
    ]);
    expect(r.file).not.toBeNull();
    expect(r.rows.map((row) => [row.seq, row.category])).toEqual([
      [1, '民生福祉'],
      [2, '民生福祉'],
      [3, '民生福祉'],
      [4, '安全保障'],
      [5, '安全保障'],
    ]);
    expect(brief(r).slice(3)).toEqual([
      [4, '粮食综合生产能力', '万吨', '约束', 'bound', 50, 50, null, null, 'above'],
      [5, '能源综合生产能力', '万吨标准煤', '约束', 'assigned', null, null, null, null, 'at_least'],
    ]);
  });
});

describe('a Word copy whose merged category rows are lines of their own, names numbered 1. 2.', () => {
  const r = read('word-copy-category-lines.txt');

  it('keeps the table whole over 一、 二、, takes the categories and reads ≥7% on 亿元 as yearly growth', () => {
    expect(r.problems).toEqual([]);
    expect(r.file?.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(r.rows.map((row) => [row.seq, row.category])).toEqual([
      [1, '经济发展'],
      [2, '经济发展'],
      [3, '绿色生态'],
      [4, '绿色生态'],
      [5, '绿色生态'],
    ]);
    expect(brief(r)).toEqual([
      [1, '地区生产总值', '亿元', '预期', 'level', 856, 1150, 6, null, 'at_least'],
      [2, '固定资产投资', '亿元', '预期', 'annual_rate', null, null, 7, null, 'at_least'],
      [3, '单位GDP能耗降低', '%', '约束', 'cumulative', null, null, null, 15, 'at_least'],
      [4, '城市生活垃圾无害化处理率', '%', '约束', 'maintain', 100, 100, null, null, null],
      [5, '新增造林面积', '万亩', '约束', 'cumulative', null, null, null, 3, null],
    ]);
  });
});

describe('the plan title of a draft', () => {
  it('is the title line the document prints near its top, else the caption', () => {
    expect(read('county-education.txt').file?.plan.title).toBe('某县教育事业发展规划');
    expect(read('sector-years-only.txt').file?.plan.title).toBe('某市“十五五”生态环境保护规划');
    expect(read('word-copy-category-lines.txt').file?.plan.title).toBe(
      '表1  某区“十五五”规划主要指标',
    );
  });

  it('never a chapter heading or a sentence that mentions the plan', () => {
    const text = (first: string) =>
      `${first}\n\n表1 主要指标\n序号\t指标\t2025年\t2030年\t属性\n1\t城镇化率（%）\t60\t65\t预期性\n2\t森林覆盖率（%）\t30\t32\t约束性\n`;
    const titleOf = (first: string) =>
      readTable(text(first), { district, document: 'd.txt' }).file?.plan.title;
    expect(titleOf('第一章 编制规划')).toBe('表1 主要指标');
    expect(titleOf('本区认真实施“十四五”规划。')).toBe('表1 主要指标');
    expect(titleOf('# 某区国民经济和社会发展第十五个五年规划纲要（草案）')).toBe(
      '某区国民经济和社会发展第十五个五年规划纲要（草案）',
    );
  });
});
