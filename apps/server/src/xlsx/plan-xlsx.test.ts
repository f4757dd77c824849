import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtInPlans } from '@pm/db';
import { unzipFiles, zipFiles } from '@pm/api/xlsx-testing';
import { planFileSchema, type PlanFile } from '@pm/core';
import { planFromXlsx, planToXlsx } from './plan-xlsx';

const yuhua = builtInPlans().find((p) => p.district.code === '130108')!;

/** Yuhua's plan with a revised target (动态调整) and a baseline printed for 2019. */
const revised: PlanFile = {
  ...yuhua,
  indicators: yuhua.indicators.map((ind, i) =>
    i === 3
      ? {
          ...ind,
          target: { ...ind.target, baselineYear: 2019 },
          revisions: [
            {
              fromYear: 2024,
              target: { ...ind.target, value: 65 },
              text: '65',
              document: '裕华区人民政府关于调整“十四五”规划部分指标的通知',
              reason: '中期评估后调整',
              revisedBy: 'admin',
              revisedAt: '2024-06-01T00:00:00.000Z',
            },
          ],
        }
      : ind,
  ),
};

async function edit(data: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Another district's plan with 牵头单位 named for two indicators. */
const other = builtInPlans().find((p) => p.district.code !== '130108')!;
const led: PlanFile = {
  ...other,
  indicators: other.indicators.map((ind) =>
    ind.seq === 1
      ? { ...ind, leadDepartment: '区发展和改革局' }
      : ind.seq === 17
        ? { ...ind, leadDepartment: '区生态环境分局、区住房和城乡建设局' }
        : ind,
  ),
};

describe('the plan workbook', () => {
  it('carries 牵头单位 there and back, in the workbook and in the JSON', async () => {
    const { file, problems } = await planFromXlsx(await planToXlsx(led));
    expect(problems).toEqual([]);
    expect(file).toEqual(led);
    expect(planFileSchema.parse(JSON.parse(JSON.stringify(led)))).toEqual(led);
  });

  it('reads a department typed with spaces trimmed, a blank one as none, and points at one too long', async () => {
    const typed = await edit(await planToXlsx(led), (wb) => {
      const sheet = wb.getWorksheet('指标 Indicators')!;
      const col = (sheet.getRow(1).values as unknown[]).indexOf('leadDepartment');
      sheet.getRow(2).getCell(col).value = ' 区统计局 ';
      sheet.getRow(3).getCell(col).value = '  ';
    });
    const read = await planFromXlsx(typed);
    expect(read.file?.indicators[0]?.leadDepartment).toBe('区统计局');
    expect(read.file?.indicators[1]?.leadDepartment).toBeNull();
    const long = await edit(await planToXlsx(led), (wb) => {
      const sheet = wb.getWorksheet('指标 Indicators')!;
      const col = (sheet.getRow(1).values as unknown[]).indexOf('leadDepartment');
      sheet.getRow(4).getCell(col).value = '局'.repeat(101);
    });
    const refused = await planFromXlsx(long);
    expect(refused.file).toBeNull();
    expect(refused.problems).toEqual([
      {
        cell: "'指标 Indicators'!F4",
        message: 'a lead department (牵头单位) is at most 100 characters',
      },
    ]);
  });

  it('carries baseline years and revisions there and back', async () => {
    const { file, problems } = await planFromXlsx(await planToXlsx(revised));
    expect(problems).toEqual([]);
    expect(file).toEqual(revised);
  });

  it('reads a workbook written before v2: no baseline-year column, no revisions sheet', async () => {
    const old = await edit(await planToXlsx(yuhua), (wb) => {
      wb.removeWorksheet(wb.getWorksheet('调整 Revisions')!.id);
      const sheet = wb.getWorksheet('指标 Indicators')!;
      const col = (sheet.getRow(1).values as unknown[]).indexOf('target.baselineYear');
      sheet.spliceColumns(col, 1);
    });
    const { file, problems } = await planFromXlsx(old);
    expect(problems).toEqual([]);
    expect(file?.indicators.every((i) => i.target.baselineYear === null)).toBe(true);
    expect(file?.indicators.every((i) => i.revisions.length === 0)).toBe(true);
  });

  it('points at the revision’s own cell when it is wrong', async () => {
    const bad = await edit(await planToXlsx(revised), (wb) => {
      const sheet = wb.getWorksheet('调整 Revisions')!;
      const col = (sheet.getRow(1).values as unknown[]).indexOf('fromYear');
      sheet.getRow(2).getCell(col).value = 2031;
    });
    const { file, problems } = await planFromXlsx(bad);
    expect(file).toBeNull();
    expect(problems).toEqual([
      { cell: "'调整 Revisions'!B2", message: 'a revision takes effect in 2021–2025' },
    ]);
  });

  it('refuses a revision of an indicator the plan does not have', async () => {
    const stray = await edit(await planToXlsx(revised), (wb) => {
      wb.getWorksheet('调整 Revisions')!.getRow(2).getCell(1).value = 99;
    });
    const { file, problems } = await planFromXlsx(stray);
    expect(file).toBeNull();
    expect(problems).toEqual([
      { cell: "'调整 Revisions'!A2", message: 'seq 99 is no indicator of the plan' },
    ]);
  });

  it('keeps a revision’s text as text when a person typed it as a number', async () => {
    const typed = await edit(await planToXlsx(revised), (wb) => {
      const sheet = wb.getWorksheet('调整 Revisions')!;
      const col = (sheet.getRow(1).values as unknown[]).indexOf('text');
      sheet.getRow(2).getCell(col).value = 65;
    });
    const { file } = await planFromXlsx(typed);
    expect(file?.indicators[3]?.revisions[0]?.text).toBe('65');
  });
});

describe('the plan workbook and formula injection', () => {
  const risky = ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\tx'];
  const tricky: PlanFile = {
    ...yuhua,
    plan: { ...yuhua.plan, title: '=1+1' },
    indicators: yuhua.indicators.map((ind, i) =>
      i < risky.length ? { ...ind, name: risky[i]!, raw: { ...ind.raw, target: '-' } } : ind,
    ),
  };

  it('writes text that reads as a formula inert, numbers as numbers, and reads it back as it was', async () => {
    const xlsx = await planToXlsx(tricky);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('指标 Indicators')!;
    const header = Array.from(sheet.getRow(1).values as unknown[], String);
    const names = risky.map((_, i) => sheet.getRow(i + 2).getCell(header.indexOf('name')).value);
    expect(names).toEqual(risky.map((t) => `'${t}`));
    expect(sheet.getRow(2).getCell(header.indexOf('raw.target')).value).toBe("'-");
    const plan = wb.getWorksheet('规划 Plan')!;
    const titles: unknown[] = [];
    plan.eachRow((r) => r.getCell(1).value === 'plan.title' && titles.push(r.getCell(2).value));
    expect(titles).toEqual(["'=1+1"]);
    const { file, problems } = await planFromXlsx(xlsx);
    expect(problems).toEqual([]);
    expect(file).toEqual(tricky);
  });
});

describe('the plan workbook and its size', () => {
  it('is refused before parsing when its sheets unzip to more than 20 MB', async () => {
    const files = unzipFiles(await planToXlsx(yuhua));
    const sheet = files.get('xl/worksheets/sheet2.xml')!.toString('utf8');
    const row = `<row>${'<c><v>1</v></c>'.repeat(20)}</row>`;
    files.set(
      'xl/worksheets/sheet2.xml',
      Buffer.from(sheet.replace('</sheetData>', `${row.repeat(80_000)}</sheetData>`)),
    );
    // The refusal is the size check's, made on the zip's entries before any sheet is parsed (a
    // time limit here failed on a loaded machine; speed is for the benchmarks).
    const { file, problems } = await planFromXlsx(zipFiles(files));
    expect(file).toBeNull();
    expect(problems).toEqual([
      {
        cell: '(file)',
        message: expect.stringMatching(/too large unzipped: 2\d\.\d MB, at most 20 MB/),
      },
    ]);
  });
});
