import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, useDataFolder } from './testing';

describe('plan commands', () => {
  const { scratch } = useDataFolder();
  const path = (name: string) => join(scratch(), name);

  it('export → import → export is identical, in JSON', async () => {
    expect((await cli('plan', 'export', '130108', '--out', path('a.json'))).code).toBe(0);
    const imported = await cli('plan', 'import', path('a.json'));
    expect(imported.out).toContain(
      'Updated the plan of 130108: 0 indicators added, 20 updated, 0 removed.',
    );
    const again = await cli('plan', 'export', '130108');
    expect(again.out).toBe(readFileSync(path('a.json'), 'utf8'));
  });

  it('reads and writes a relative path from the folder it was typed in (npm runs the CLI elsewhere)', async () => {
    const typedIn = process.env.INIT_CWD;
    process.env.INIT_CWD = scratch();
    try {
      expect((await cli('plan', 'export', '130108', '--out', 'relative.json')).code).toBe(0);
      expect(readFileSync(path('relative.json'), 'utf8')).toContain('"code": "130108"');
      const imported = await cli('plan', 'import', 'relative.json');
      expect(imported.out).toContain('Updated the plan of 130108');
      expect((await cli('plan', 'import', 'missing.json')).err).toContain(
        'cannot read missing.json',
      );
    } finally {
      if (typedIn === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = typedIn;
    }
  });

  it('export → import → export is identical, through .xlsx', async () => {
    const before = (await cli('plan', 'export', '410402')).out;
    expect(
      (await cli('plan', 'export', '410402', '--format', 'xlsx', '--out', path('p.xlsx'))).code,
    ).toBe(0);
    expect((await cli('plan', 'import', path('p.xlsx'))).code).toBe(0);
    expect((await cli('plan', 'export', '410402')).out).toBe(before);
  });

  it('a bad plan file is reported problem by problem with its path, and changes nothing', async () => {
    const before = (await cli('plan', 'export', '130108')).out;
    const file = JSON.parse(before);
    file.plan.title = 'changed';
    file.indicators[4].target.value = 'seventy';
    file.indicators[6].attribute = '约束';
    writeFileSync(path('bad.json'), JSON.stringify(file));
    const run = await cli('plan', 'import', path('bad.json'));
    expect(run.code).toBe(1);
    expect(run.err).toContain('nothing was imported');
    expect(run.err).toMatch(/indicators\[4\]\.target\.value: .*number/);
    expect(run.err).toMatch(/indicators\[6\]\.attribute: /);
    expect((await cli('plan', 'export', '130108')).out).toBe(before);
  });

  it('a bad workbook names the sheet cell of each problem', async () => {
    await cli('plan', 'export', '130108', '--format', 'xlsx', '--out', path('b.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path('b.xlsx'));
    const sheet = wb.getWorksheet('指标 Indicators')!;
    const col = (sheet.getRow(1).values as string[]).indexOf('target.value');
    sheet.getRow(5).getCell(col).value = '七十';
    await wb.xlsx.writeFile(path('b.xlsx'));
    const run = await cli('plan', 'import', path('b.xlsx'));
    expect(run.code).toBe(1);
    expect(run.err).toContain(`'指标 Indicators'!${sheet.getColumn(col).letter}5:`);
  });

  it('text that is not JSON, and a missing file, get one clear line', async () => {
    writeFileSync(path('x.json'), '{ not json');
    expect((await cli('plan', 'import', path('x.json'))).err).toContain('is not valid JSON');
    expect((await cli('plan', 'import', path('none.json'))).err).toContain('cannot read');
  });

  it('xlsx export needs --out, and the code must be 6 digits', async () => {
    expect((await cli('plan', 'export', '130108', '--format', 'xlsx')).err).toContain(
      '--format xlsx needs --out',
    );
    expect((await cli('plan', 'export', '1301')).err).toContain('district code must be 6 digits');
    expect((await cli('plan', 'export', '999999')).err).toContain('no plan for district 999999');
  });

  it('read-table writes a draft and lists the rows it could not read with their lines', async () => {
    const doc = [
      '第一章 总体要求',
      '表 1：某区“十四五”时期经济社会发展主要指标',
      '类别\t指 标\t2020 年 基数\t2025 年 目标\t年均增长 [累计]\t指标 属性',
      '经济 发展\t1. 生产总值(GDP) 增长率(%)\t-\t-\t6 左右\t预期性',
      '\t2. 市级以上创新平台 (个)\t50\t70\t6\t预期性',
      '\t3. 某指标(%)\t-\t-\t好得很\t预期性',
      '注：①示例。',
    ].join('\n');
    writeFileSync(path('doc.txt'), doc);
    const run = await cli(
      'plan',
      'read-table',
      path('doc.txt'),
      '--district',
      '130999',
      '--name',
      '某区',
      '--city',
      '某市',
      '--province',
      '某省',
      '--out',
      path('draft.json'),
    );
    expect(run.code).toBe(0);
    const draft = JSON.parse(readFileSync(path('draft.json'), 'utf8'));
    expect(draft.indicators.map((i: { name: string }) => i.name)).toEqual([
      '生产总值(GDP)增长率',
      '市级以上创新平台',
    ]);
    expect(run.err).toMatch(/doc\.txt: line 6: row 3, /);
    expect(run.err).toMatch(/ {2}第 6 行：序号 3 的/);
  });

  it('read-table needs the names of a district that is not built in', async () => {
    writeFileSync(path('doc2.txt'), 'x');
    const run = await cli('plan', 'read-table', path('doc2.txt'), '--district', '130999');
    expect(run.code).toBe(1);
    expect(run.err).toContain('--name is required');
  });

  const someDistrict = [
    '--district',
    '130999',
    '--name',
    '某区',
    '--city',
    '某市',
    '--province',
    '某省',
  ];
  const rows = [
    ['序号', '指标', '单位', '2025年', '2030年', '属性'],
    ['1', '常住人口城镇化率', '%', '60', '65', '预期性'],
    ['2', '某指标', '个', '—', '好得很', '约束性'],
  ];

  it('read-table reads a Word table, its problems placed by table row', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('表1 某区“十五五”时期主要指标'),
            new Table({
              rows: rows.map(
                (r) =>
                  new TableRow({
                    children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })),
                  }),
              ),
            }),
          ],
        },
      ],
    });
    // A Word file recognised by its content, whatever its name says.
    writeFileSync(path('plan.bin'), await Packer.toBuffer(doc));
    const run = await cli('plan', 'read-table', path('plan.bin'), ...someDistrict);
    expect(run.code).toBe(0);
    const draft = JSON.parse(run.out);
    expect(draft.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(draft.indicators.map((i: { name: string; unit: string }) => [i.name, i.unit])).toEqual([
      ['常住人口城镇化率', '%'],
    ]);
    expect(run.err).toMatch(/plan\.bin: table 1, row 3: row 2, target: /);
    expect(run.err).toContain('1 indicators read from docx');
  });

  it('read-table reads a web page and a PDF with a text layer', async () => {
    const html = `<html><body><p>表2 某县主要指标</p><table>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
      .join('')}</table></body></html>`;
    writeFileSync(path('plan.html'), html);
    const web = await cli('plan', 'read-table', path('plan.html'), ...someDistrict);
    expect(JSON.parse(web.out).indicators).toHaveLength(1);
    // A seed plan's table printed to PDF by Chromium (packages/documents' fixture).
    const pdf = new URL(
      '../../../../packages/documents/src/fixtures/pdf/seed-yuhua.pdf',
      import.meta.url,
    );
    const run = await cli('plan', 'read-table', pdf.pathname, '--district', '130108');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).indicators.length).toBeGreaterThan(10);
    expect(run.err).toMatch(/indicators read from pdf/);
  });

  it('read-table says what a file is when it is no plan document', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['指标']);
    await wb.xlsx.writeFile(path('plan.docx'));
    const run = await cli('plan', 'read-table', path('plan.docx'), '--district', '130108');
    expect(run.code).toBe(1);
    expect(run.err).toContain('plan.docx is an Excel workbook, not a plan document');
    expect(run.err).toContain('Excel 工作簿');
  });
});
