import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { District } from '../plan';
import { readerMessage, readerMessages } from './reader-messages';
import { readTable, type DocumentTable } from './table';

const district: District = { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' };
const fixture = (path: string) =>
  readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8');

/** Every message a reading holds: top-level problems and notes, and each row's. */
const messagesOf = (r: DocumentTable): string[] => [
  ...r.problems.map((p) => p.message),
  ...r.notes.map((p) => p.message),
  ...r.rows.flatMap((row) => row.problems.map((p) => p.message)),
];

/** English words left in a Chinese message, quoted source text (“…”) and units like GDP aside. */
const untranslated = (zh: string): string[] =>
  zh.replace(/“[^”]*”/g, '').match(/\b(?!GDP\b|PM\b)[A-Za-z]{3,}\b/g) ?? [];

/** A made-up table whose rows break every rule a row can break. */
const BROKEN = `表1 主要指标
序号	指标	单位	2020年	2025年	年均增长	属性
1	地区生产总值（亿元）	万元	500	600		预期性
2	城镇化率	%	60	成片约110 零星约20		预期性
3	研发投入强度	%	2.1	3		重要
4	森林覆盖率	%	30	35		
5	新增就业	万人			亿元	预期性
6	绿地率	%	40	不低于45	5	约束性
7	常住人口	万人	甲	乙		预期性
8	居民收入增长	%	6	与经济增长同步		预期性
9	规上工业增加值	亿元	[100]	[200]	8	预期性
`;

describe('the reader in Chinese', () => {
  const readings: [string, DocumentTable][] = [
    ...readdirSync(new URL('./fixtures/corpus/', import.meta.url)).map(
      (f) =>
        [f, readTable(fixture(`corpus/${f}`), { district, document: f })] as [
          string,
          DocumentTable,
        ],
    ),
    ...['yuhua', 'weibin', 'xinhua'].map(
      (f) =>
        [f, readTable(fixture(`${f}.txt`), { district, document: f })] as [string, DocumentTable],
    ),
    ['broken', readTable(BROKEN, { district, document: 'broken.txt' })],
    ['no table', readTable('第一章 总体要求\n坚持稳中求进。\n', { district, document: 'x.txt' })],
    [
      'no years',
      readTable('表1 主要指标\n序号\t指标\t基数\t目标\t属性\n1\t城镇化率（%）\t60\t65\t预期性\n', {
        district,
        document: 'y.txt',
      }),
    ],
  ];
  const all = readings.flatMap(([file, r]) => messagesOf(r).map((m) => [file, m] as const));

  it('meets many kinds of message in the corpus and the broken table', () => {
    const kinds = new Set(
      all.map(([, m]) => m.replace(/^row \S+, \w+: /, '').replace(/\d+|"[^"]*"/g, '#')),
    );
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    expect(messagesOf(readings.find(([f]) => f === 'broken')![1]).length).toBeGreaterThanOrEqual(7);
  });

  it('says every one of them in Chinese, no English left', () => {
    const left = all
      .map(([file, m]) => [file, m, readerMessage(m, 'zh')] as const)
      .filter(([, m, zh]) => zh === m || untranslated(zh).length > 0);
    expect(left).toEqual([]);
  });

  it('keeps English as the reader wrote it', () => {
    for (const [, m] of all) expect(readerMessage(m, 'en')).toBe(m);
  });
});

describe('readerMessage', () => {
  it.each([
    [
      'row 3, attribute: attribute is neither 预期性 nor 约束性',
      '序号 3 的属性：属性既不是预期性也不是约束性',
    ],
    [
      'row 2, target: two figures in one cell: listed for review, not guessed',
      '序号 2 的目标：一格中有两个数字：已列出待核对，未作猜测',
    ],
    [
      'row 8a, unit: the 单位 column says 万元, the name 亿元',
      '序号 8a 的单位：单位列为 万元，指标名称中为 亿元',
    ],
    ['row 5: 序号 5 is given twice (first in draft row 2)', '序号 5 重复（草稿第 2 行已用）'],
    ['9 cells where the header has 7', '本行有 9 格，表头有 7 列'],
    [
      'one cell over the target and rate columns and the one before: listed, not guessed',
      '一个单元格跨目标、年均增长列及其前一列：已列出，未作猜测',
    ],
    [
      'no target year in the header: 2030 from the period the caption names',
      '表头中没有目标年：按表题所示规划期取 2030 年',
    ],
    [
      'row 4, target: unknown unit or words "左右吧" after the number',
      '序号 4 的目标：数字后面的“左右吧”不是可识别的单位或表述',
    ],
    [
      '3 byte sequence(s) are not GB18030 text and show as �: check those cells',
      '有 3 处字节不是 GB18030 文本，显示为 �：请核对这些单元格',
    ],
  ])('%s', (en, zh) => {
    expect(readerMessage(en, 'zh')).toBe(zh);
    expect(readerMessages(en)).toEqual({ zh, en });
  });

  it('leaves a message it does not know as written rather than dropping it', () => {
    expect(readerMessage('something new', 'zh')).toBe('something new');
  });
});
