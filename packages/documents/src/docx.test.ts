import { placeText, readDocumentTable, type SourceCell } from '@pm/core';
import {
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  InsertedTextRun,
  Packer,
  Paragraph,
  SymbolRun,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx';
import { toDocx } from './testing/make-files';
import { brief, countyBody, countyIndicators, district } from './testing/tables';

/** A grid cell as a test reads it: "^a:" merged from above, "^l:" from the left. */
const shown = (c: SourceCell) => `${c.mergedFrom ? `^${c.mergedFrom[0]}:` : ''}${c.text}`;

describe('a Word table with merged cells', async () => {
  const doc = readDocx(await toDocx(countyBody), 'county.docx');
  const table = doc.tables[0];

  it('lays w:gridSpan and w:vMerge out on one grid, a merged cell repeated where it reaches', () => {
    expect(doc.tables).toHaveLength(1);
    expect(table?.caption).toEqual({
      text: '专栏2 “十五五”社会事业发展主要指标',
      place: { line: 3 },
    });
    expect(table?.rows.map((r) => r.map(shown))).toEqual([
      [
        '序号',
        '领域',
        '指标',
        '^l:指标',
        '单位',
        '2025年',
        '“十五五”目标',
        '^l:“十五五”目标',
        '属性',
      ],
      [
        '^a:序号',
        '^a:领域',
        '^a:指标',
        '^l:指标',
        '^a:单位',
        '^a:2025年',
        '2030年',
        '年均[累计]',
        '^a:属性',
      ],
      ['一、民生福祉', ...Array.from({ length: 8 }, () => '^l:一、民生福祉')],
      ['1', '教育', '义务教育巩固率', '小学', '%', '99', '99.5', '—', '约束性'],
      ['^a:1', '^a:教育', '^a:义务教育巩固率', '初中', '%', '97', '98', '—', '约束性'],
      ['2', '^a:教育', '新增学位', '^l:新增学位', '个', '—', '—', '[3000]', '预期性'],
      [
        '3',
        '卫生',
        '每千人口执业\n（助理）医师数',
        '^l:每千人口执业\n（助理）医师数',
        '人',
        '3.1',
        '3.6',
        '—',
        '预期性',
      ],
    ]);
  });

  it('gives a merged cell its spans and its place, and every covered position the same place', () => {
    const rows = table?.rows ?? [];
    expect(rows[3]?.[1]).toMatchObject({ rowSpan: 3, place: { table: 1, row: 4, col: 2 } });
    expect(rows[5]?.[1]?.place).toEqual({ table: 1, row: 4, col: 2 });
    expect(rows[0]?.[2]).toMatchObject({ colSpan: 2, rowSpan: 2 });
    expect(rows[4]?.[3]?.place).toEqual({ table: 1, row: 5, col: 4 });
  });

  it('keeps the paragraphs as lines, the table cells out of them', () => {
    expect(doc.lines.map((l) => l.text)).toEqual([
      '某县国民经济和社会发展第十五个五年规划纲要',
      '第三章 社会事业',
      '专栏2 “十五五”社会事业发展主要指标',
      '注：[ ]内为五年累计数。',
      '第四章 保障措施',
    ]);
  });

  it('is read by the core reader: sub-rows named with their parent, each row at its own place', () => {
    const r = readDocumentTable(doc, { district, document: 'county.docx' });
    expect(r.problems).toEqual([]);
    expect(r.file?.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(brief(doc)).toEqual(countyIndicators);
    expect(r.footnotes).toEqual([{ place: { line: 4 }, text: '注：[ ]内为五年累计数。' }]);
    expect(r.rows.map((row) => placeText(row.place))).toEqual([
      '表 1 第 4 行',
      '表 1 第 5 行',
      '表 1 第 6 行',
      '表 1 第 7 行',
    ]);
  });
});

const cell = (...paragraphs: (string | Paragraph)[]) =>
  new TableCell({
    children: paragraphs.map((p) => (typeof p === 'string' ? new Paragraph(p) : p)),
  });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });
const word = async (children: (Paragraph | Table)[]) =>
  readDocx(
    new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] }))),
    'plan.docx',
  );

const revision = (id: number) => ({ id, author: '审校', date: '2026-01-05T00:00:00Z' });

describe('Word documents as plans write them', () => {
  it('takes a caption printed in a first row across the table, not the sentence above it', async () => {
    const doc = await word([
      new Paragraph('到2030年，主要指标如下表所示。'),
      new Table({
        rows: [
          row(new TableCell({ children: [new Paragraph('表3 主要发展指标')], columnSpan: 3 })),
          row(cell('指标'), cell('2025年'), cell('2030年')),
          row(cell('森林覆盖率（%）'), cell('30'), cell('32')),
        ],
      }),
    ]);
    expect(doc.tables[0]?.caption).toEqual({
      text: '表3 主要发展指标',
      place: { table: 1, row: 1, col: 1 },
    });
    expect(doc.tables[0]?.rows.map((r) => r.map(shown))).toEqual([
      ['指标', '2025年', '2030年'],
      ['森林覆盖率（%）', '30', '32'],
    ]);
  });

  it('reads a boxed 专栏 (one cell) and a table holding a table as running text, the inner table as a table', async () => {
    const inner = new Table({
      rows: [row(cell('指标', ''), cell('2030年')), row(cell('城镇化率（%）'), cell('70'))],
    });
    const doc = await word([
      new Table({ rows: [row(cell('专栏1 重点工程', '1. 建设智慧城市。'))] }),
      new Table({
        rows: [row(new TableCell({ children: [new Paragraph('表2 主要指标'), inner] }))],
      }),
    ]);
    expect(doc.lines.map((l) => l.text)).toEqual([
      '专栏1 重点工程',
      '1. 建设智慧城市。',
      '表2 主要指标',
    ]);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]?.caption?.text).toBe('表2 主要指标');
    expect(doc.tables[0]?.rows.map((r) => r.map(shown))).toEqual([
      ['指标', '2030年'],
      ['城镇化率（%）', '70'],
    ]);
  });

  it('prints what the reader sees: a line break inside a cell, a tracked change as it now stands', async () => {
    const doc = await word([
      new Table({
        rows: [
          row(cell('指标'), cell('目标')),
          row(
            cell(
              new Paragraph({
                children: [new TextRun('人均'), new TextRun({ text: '预期寿命', break: 1 })],
              }),
            ),
            cell(
              new Paragraph({
                children: [
                  new TextRun('≥'),
                  new DeletedTextRun({ text: '79', ...revision(1) }),
                  new InsertedTextRun({ text: '80', ...revision(2) }),
                ],
              }),
            ),
          ),
        ],
      }),
    ]);
    expect(doc.tables[0]?.rows[1]?.map((c) => c.text)).toEqual(['人均\n预期寿命', '≥80']);
  });

  it('prints a Symbol-font ≥ (w:sym), never one it does not know, and skips hidden text', async () => {
    const target = (...children: (TextRun | SymbolRun)[]) => cell(new Paragraph({ children }));
    const doc = await word([
      new Table({
        rows: [
          row(cell('序号'), cell('指标'), cell('2025年'), cell('2030年')),
          row(
            cell('1'),
            cell('人均预期寿命（岁）'),
            cell('78'),
            target(new SymbolRun({ char: 'F0B3', symbolfont: 'Symbol' }), new TextRun('80')),
          ),
          row(
            cell('2'),
            cell('森林覆盖率（%）'),
            cell('30'),
            target(new SymbolRun({ char: 'F0E0', symbolfont: 'Wingdings' }), new TextRun('32')),
          ),
          row(
            cell('3'),
            cell('城镇化率（%）'),
            cell('60'),
            target(new TextRun({ text: '65', vanish: true }), new TextRun('70')),
          ),
        ],
      }),
    ]);
    expect(doc.tables[0]?.rows.slice(1).map((r) => r[3]?.text)).toEqual(['≥80', '\uFFFD32', '70']);
    const read = readDocumentTable(doc, { district, document: 'plan.docx' });
    expect(read.rows.map((r) => [r.name, r.indicator?.target.value ?? null])).toEqual([
      ['人均预期寿命（岁）', 80],
      ['森林覆盖率（%）', null],
      ['城镇化率（%）', 70],
    ]);
    expect(read.rows[1]?.problems.length).toBeGreaterThan(0);
  });

  it('prints a footnote reference as its mark and the footnote as a line the core reader keeps', async () => {
    const name = (text: string, note?: number) =>
      cell(
        new Paragraph({
          children: [new TextRun(text), ...(note ? [new FootnoteReferenceRun(note)] : [])],
        }),
      );
    const doc = new Document({
      footnotes: { 7: { children: [new Paragraph('学前三年。')] } },
      sections: [
        {
          children: [
            new Paragraph('表1 主要指标'),
            new Table({
              rows: [
                row(cell('序号'), cell('指标'), cell('2025年'), cell('2030年')),
                row(cell('1'), name('学前教育毛入园率（%）', 7), cell('92'), cell('95')),
              ],
            }),
          ],
        },
      ],
    });
    const read = readDocx(new Uint8Array(await Packer.toBuffer(doc)), 'notes.docx');
    expect(read.tables[0]?.rows[1]?.[1]?.text).toBe('学前教育毛入园率（%）[1]');
    expect(read.lines.at(-1)?.text).toBe('[1] 学前三年。');
    const r = readDocumentTable(read, { district, document: 'notes.docx' });
    expect(r.rows.map((x) => [x.name, x.marks])).toEqual([['学前教育毛入园率（%）', ['[1]']]]);
    expect(r.footnotes.map((f) => f.text)).toEqual(['[1] 学前三年。']);
  });
});
