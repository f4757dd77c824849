import { readFileSync } from 'node:fs';
import type { TRPCError } from '@trpc/server';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { describeDb } from '@pm/db/testing';
import { documentReader } from '../plans';
import { callerFor, testUser } from '../testing';

afterAll(() => documentReader.close());

const district = { code: '130999', name: '某区', city: '某市', province: '某省' };

const table = [
  ['序号', '指标', '单位', '2025年', '2030年', '年均增长', '属性'],
  ['1', '地区生产总值', '亿元', '500', '700', '7左右', '预期性'],
  ['2', '研发经费投入强度', '%', '2.1', '2.6', '—', '预期性'],
  ['3', '某新指标', '个', '—', '好得很', '—', '约束性'],
  ['4', '万元GDP能耗降低', '%', '—', '—', '[完成省下达任务]', '约束性'],
];

async function docx(rows: string[][]): Promise<string> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('某区国民经济和社会发展第十五个五年规划纲要'),
          new Paragraph('表1 某区“十五五”时期经济社会发展主要指标'),
          new Table({
            rows: rows.map(
              (r) =>
                new TableRow({
                  children: r.map(
                    (c) =>
                      new TableCell({ children: [new Paragraph({ children: [new TextRun(c)] })] }),
                  ),
                }),
            ),
          }),
          new Paragraph('注：[ ]内为五年累计数。'),
        ],
      },
    ],
  });
  return (await Packer.toBuffer(doc)).toString('base64');
}

const markdown = [
  '## 表2 某县“十五五”主要指标',
  '',
  '| 序号 | 指标 | 单位 | 2025年 | 2030年 | 属性 |',
  '| --- | --- | --- | --- | --- | --- |',
  '| 1 | 常住人口城镇化率 | % | 60 | 65 | 预期性 |',
  '| 2 | 两个百分点 | % | — | 成片约110 零星约20 | 预期性 |',
].join('\n');

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const refusalOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as TRPCError & { cause: { key: string; params: Record<string, string> } },
  );

describeDb('plans.readDocument and plans.readDraft', (get) => {
  const admin = async () => callerFor(get().db, await testUser(get().db, 'root', 'admin', 'all'));

  it('a Word file: each row read beside its cells and place, the unreadable ones with the reason', async () => {
    const draft = await (
      await admin()
    ).plans.readDocument({
      district,
      filename: '规划.docx',
      base64: await docx(table),
    });
    expect(draft.format).toBe('docx');
    expect(draft.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(draft.rows.map((r) => r.indicator?.name ?? null)).toEqual([
      '地区生产总值',
      '研发经费投入强度',
      null,
      '万元GDP能耗降低',
    ]);
    const gdp = draft.rows[0]!;
    expect(gdp.cells).toMatchObject({ seq: 1, name: '地区生产总值', unit: '亿元' });
    expect(gdp.indicator?.target).toMatchObject({ value: 700 });
    expect(gdp.at.zh).toMatch(/表 1 第 2 行/);
    expect(gdp.at.en).toMatch(/table 1, row 2/);
    const bad = draft.rows[2]!;
    expect(bad.problems[0]?.message).toMatch(/row 3, target/);
    expect(bad.problems[0]?.at.zh).toMatch(/表 1 第 4 行/);
    expect(draft.rows[3]?.assignedBy).toBe('省');
    expect(draft.footnotes.map((f) => f.text)).toEqual(['注：[ ]内为五年累计数。']);
    expect(draft.file?.indicators).toHaveLength(3);
    expect(draft.problems).toEqual([]);
  });

  it('a markdown table: a two-figure cell listed, not guessed; no 属性 column said at the top', async () => {
    const draft = await (
      await admin()
    ).plans.readDocument({
      district,
      filename: 'plan.md',
      base64: base64(markdown),
    });
    expect(draft.format).toBe('markdown');
    expect(draft.rows[0]?.indicator?.name).toBe('常住人口城镇化率');
    expect(draft.rows[1]?.indicator).toBeNull();
    expect(draft.rows[1]?.problems[0]?.message).toMatch(/two figures in one cell/);
    expect(draft.rows[1]?.problems[0]?.says.zh).toMatch(
      /一格中有两个数字：已列出待核对，未作猜测$/,
    );
    expect(draft.rows[1]?.at.zh).toMatch(/^第 \d+ 行$/);
  });

  it('the edited rows are read again by the same parser, and make a plan file once all read', async () => {
    const caller = await admin();
    const draft = await caller.plans.readDocument({
      district,
      filename: '规划.docx',
      base64: await docx(table),
    });
    const plan = {
      title: '某区十五五规划',
      baselineYear: 2025,
      midtermYear: 2028,
      targetYear: 2030,
    };
    const rows = draft.rows.map((r) => r.cells);
    const first = await caller.plans.readDraft({ district, document: '规划.docx', plan, rows });
    expect(first.rows.map((r) => r.problems.length > 0)).toEqual([false, false, true, false]);
    expect(first.file).toBeNull();
    rows[2] = { ...rows[2]!, raw: { ...rows[2]!.raw, target: '30' } };
    const fixed = await caller.plans.readDraft({ district, document: '规划.docx', plan, rows });
    expect(fixed.rows.every((r) => r.problems.length === 0)).toBe(true);
    expect(fixed.file?.indicators.map((i) => [i.name, i.unit, i.target.value])).toEqual([
      ['地区生产总值', '亿元', 700],
      ['研发经费投入强度', '%', 2.6],
      ['某新指标', '个', 30],
      ['万元GDP能耗降低', '%', null],
    ]);
    expect(fixed.file?.indicators[0]?.source.quote).toBe(draft.rows[0]?.quote);
    expect(await caller.plans.import(fixed.file!)).toMatchObject({ district: '130999' });
  });

  it('a 序号 given twice is a problem of the second row', async () => {
    const plan = { title: 't', baselineYear: 2025, midtermYear: 2028, targetYear: 2030 };
    const row = {
      seq: 1,
      category: '',
      name: '指标甲',
      unit: '%',
      raw: { baseline: '1', target: '2', rate: null, attribute: '预期性' },
    };
    const read = await (
      await admin()
    ).plans.readDraft({
      district,
      document: 'd',
      plan,
      rows: [row, { ...row, name: '指标乙' }],
    });
    expect(read.rows[1]?.problems[0]?.message).toMatch(/given twice/);
    expect(read.rows[1]?.problems[0]?.says.zh).toMatch(/序号 \d+ 重复/);
    expect(read.file).toBeNull();
  });

  it('an Excel workbook, text without a table and an empty file are refused, saying what they are', async () => {
    const caller = await admin();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['指标', '目标']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const excel = await refusalOf(
      caller.plans.readDocument({ district, filename: 'a.docx', base64: xlsx }),
    );
    expect(excel.code).toBe('BAD_REQUEST');
    expect(excel.cause).toMatchObject({
      key: 'plans.document.notADocument',
      params: { name: 'a.docx', kind: 'excel' },
    });
    const none = await refusalOf(
      caller.plans.readDocument({
        district,
        filename: 'b.txt',
        base64: base64('第一章 总体要求\n没有表。'),
      }),
    );
    expect(none.cause).toMatchObject({ key: 'plans.document.noTable', params: { name: 'b.txt' } });
    const empty = await refusalOf(
      caller.plans.readDocument({ district, filename: 'c.txt', base64: '' }),
    );
    expect(empty.cause).toMatchObject({ params: { kind: 'empty' } });
  });

  it('a PDF is read in the worker thread: a plan page to its rows, a scan refused as one', async () => {
    const caller = await admin();
    // The PDFs packages/documents printed from the seeds with Chromium, committed as fixtures.
    const pdf = (name: string) =>
      readFileSync(
        new URL(`../../../documents/src/fixtures/pdf/${name}`, import.meta.url),
      ).toString('base64');
    const draft = await caller.plans.readDocument({
      district,
      filename: 'yuhua.pdf',
      base64: pdf('seed-yuhua.pdf'),
    });
    expect(draft.format).toBe('pdf');
    expect(draft.rows.length).toBeGreaterThan(10);
    expect(draft.rows.every((r) => r.indicator !== null)).toBe(true);
    expect(draft.rows[0]?.at.zh).toMatch(/^第 1 页/);
    const scan = await refusalOf(
      caller.plans.readDocument({ district, filename: 'scan.pdf', base64: pdf('scan.pdf') }),
    );
    expect(scan.cause).toMatchObject({
      key: 'plans.document.scanned',
      params: { name: 'scan.pdf' },
    });
  });

  it('only an administrator reads documents, and a bad district code is refused', async () => {
    const { db } = get();
    const official = callerFor(db, await testUser(db, 'clerk', 'official', 'all'));
    const forbidden = await refusalOf(
      official.plans.readDocument({ district, filename: 'p.md', base64: base64(markdown) }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    const bad = await refusalOf(
      (await admin()).plans.readDocument({
        district: { ...district, code: '1309' },
        filename: 'p.md',
        base64: base64(markdown),
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
  });
});
