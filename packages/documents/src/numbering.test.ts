import { readDocumentTable } from '@pm/core';
import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx';
import { chineseCount } from './numbering';
import { district } from './testing/tables';

const numbered = (reference: string, text = '') =>
  new Paragraph({ text, numbering: { reference, level: 0 } });
const cell = (p: Paragraph | string) =>
  new TableCell({ children: [typeof p === 'string' ? new Paragraph(p) : p] });

describe("Word's automatic numbering", async () => {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'chapter',
          levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }],
        },
        { reference: 'seq', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1' }] },
      ],
    },
    sections: [
      {
        children: [
          numbered('chapter', '发展目标'),
          new Paragraph('表1 主要指标'),
          new Table({
            rows: [
              new TableRow({ children: ['序号', '指标', '2025年', '2030年'].map(cell) }),
              ...[
                ['森林覆盖率（%）', '30', '32'],
                ['城镇化率（%）', '60', '65'],
                ['人均预期寿命（岁）', '78', '80'],
              ].map((r) => new TableRow({ children: [cell(numbered('seq')), ...r.map(cell)] })),
            ],
          }),
          numbered('chapter', '主要任务'),
        ],
      },
    ],
  });
  const read = readDocx(new Uint8Array(await Packer.toBuffer(doc)), 'numbered.docx');

  it('prints the numbers Word puts before numbered paragraphs and 序号 cells', () => {
    expect(read.lines.map((l) => l.text)).toEqual([
      '一、 发展目标',
      '表1 主要指标',
      '二、 主要任务',
    ]);
    expect(read.tables[0]?.rows.map((r) => r[0]?.text)).toEqual(['序号', '1', '2', '3']);
  });

  it('so the core reader reads the rows by their numbers', () => {
    const r = readDocumentTable(read, { district, document: 'numbered.docx' });
    expect(r.file?.indicators.map((i) => [i.seq, i.name, i.target.value])).toEqual([
      [1, '森林覆盖率', 32],
      [2, '城镇化率', 65],
      [3, '人均预期寿命', 80],
    ]);
  });
});

it('counts in Chinese as Word does', () => {
  expect([1, 10, 11, 20, 21, 99, 100, 105, 110].map(chineseCount)).toEqual([
    '一',
    '十',
    '十一',
    '二十',
    '二十一',
    '九十九',
    '一百',
    '一百零五',
    '一百一十',
  ]);
});
