import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { entryGrid, type StoredValue } from '@pm/core';
import { builtInPlans } from '@pm/db';
import { readOnlyWarnings, readValuesWorkbook, valuesTemplate } from './workbook';

const plan = builtInPlans()[0]!;
const SEQ = 4;

function actual(note: string | null, source: string | null): StoredValue {
  // Not a literal in the return, so it type-checks with and without the demo marker field.
  const value = {
    id: 1,
    seq: SEQ,
    year: 2023,
    kind: 'actual' as const,
    value: -3.5,
    comparator: null,
    state: 'draft' as const,
    note,
    source,
    reviewComment: null,
    version: 1,
    updatedBy: 'official',
    updatedAt: '2024-03-01T00:00:00.000Z',
    demo: false,
  };
  return value;
}

async function entrySheet(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('填报 Entry')!;
  const header = Array.from(sheet.getRow(1).values as unknown[], String);
  const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === SEQ)!;
  const cell = (prefix: string) => row.getCell(header.findIndex((h) => h.startsWith(prefix)));
  return { wb, sheet, cell };
}

describe('the entry template and formula injection', () => {
  const risky = ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'];

  it.each(risky)(
    'a note %j is written as inert text, the figure -3.5 as a number',
    async (note) => {
      const grid = entryGrid(plan, [actual(note, '=cmd')], 2023);
      const { sheet, cell } = await entrySheet(await valuesTemplate(grid));
      // XML reads a CR back as a line feed.
      const inert = `'${note.replace('\r', '\n')}`;
      expect(cell('备注').value).toBe(inert);
      expect(cell('was:note').value).toBe(inert);
      expect(cell('来源').value).toBe(`'=cmd`);
      expect(cell('本年实际值').value).toBe(-3.5);
      expect(cell('本年实际值').type).toBe(ExcelJS.ValueType.Number);
      sheet.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    },
  );

  it('reads its own escaping back: an untouched note is no change, an edited one keeps its text', async () => {
    const grid = entryGrid(plan, [actual('=HYPERLINK("http://x","y")', '+1')], 2023);
    const template = await valuesTemplate(grid);
    expect((await readValuesWorkbook(template)).changes).toEqual([]);

    const { wb, cell } = await entrySheet(template);
    cell('备注').value = `'-1+2`;
    cell('来源').value = '@typed by hand';
    const read = await readValuesWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.problems).toEqual([]);
    expect(read.changes.map((c) => [c.change.note, c.change.source, c.change.value])).toEqual([
      ['-1+2', '@typed by hand', -3.5],
    ]);
  });
});

describe('the entry template’s protection', () => {
  const locked = (cell: ExcelJS.Cell) => cell.protection?.locked !== false;
  const rowOf = (sheet: ExcelJS.Worksheet, seq: number) =>
    sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === seq)!;

  it('protects both sheets without a password, leaving columns and rows resizable', async () => {
    const { wb, sheet } = await entrySheet(await valuesTemplate(entryGrid(plan, [], 2023)));
    for (const protectedSheet of [sheet, wb.getWorksheet('说明 About')!]) {
      // exceljs reads the protection back but does not declare it.
      const { sheetProtection } = protectedSheet as unknown as {
        sheetProtection: Record<string, unknown>;
      };
      expect(sheetProtection).toMatchObject({
        sheet: true,
        formatColumns: true,
        formatRows: true,
      });
      expect(sheetProtection.hashValue).toBeUndefined();
    }
    const about = wb.getWorksheet('说明 About')!;
    expect(about.getCell('A3').value).toBe('district');
    expect(locked(about.getCell('B3'))).toBe(true);
  });

  it('locks the plan’s cells, the header and the hidden record; unlocks only the open input cells', async () => {
    const grid = entryGrid(plan, [actual(null, null)], 2023);
    const { sheet, cell } = await entrySheet(await valuesTemplate(grid));
    const readOnly = ['序号', '类别', '指标', '单位', '属性', '基数', '规划目标', '上年值', '状态'];
    for (const h of [...readOnly, 'version:actual', 'was:actual', '市下达目标', '比较方式'])
      expect(locked(cell(h)), h).toBe(true);
    for (const h of ['本年实际值', '来源', '备注', '确认理由'])
      expect(locked(cell(h)), h).toBe(false);
    sheet.getRow(1).eachCell((c) => expect(locked(c)).toBe(true));
    // Seq 16 takes an assigned target: its target and comparator are open too.
    const air = rowOf(sheet, 16);
    expect([10, 11].map((c) => locked(air.getCell(c)))).toEqual([false, false]);
  });

  it('locks the inputs of an approved figure', async () => {
    const approved = { ...actual(null, null), state: 'approved' as const };
    const { cell } = await entrySheet(await valuesTemplate(entryGrid(plan, [approved], 2023)));
    for (const h of ['本年实际值', '来源', '备注', '确认理由'])
      expect(locked(cell(h)), h).toBe(true);
  });
});

describe('reading a filled template back', () => {
  it('names the row and indicator of a problem beside its cell', async () => {
    const { wb, sheet } = await entrySheet(await valuesTemplate(entryGrid(plan, [], 2023)));
    const air = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 16)!;
    air.getCell(11).value = '大约';
    const read = await readValuesWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.problems).toEqual([
      expect.objectContaining({
        cell: `'填报 Entry'!K${air.number}`,
        key: 'values.sheet.badComparator',
        row: air.number,
        indicator: { seq: 16, name: '城市空气质量优良天数比率' },
      }),
    ]);
    expect(read.about).toEqual({
      district: "'说明 About'!B3",
      year: "'说明 About'!B5",
      period: "'说明 About'!B6",
    });
  });

  it('an edited 规划目标, 单位 or printed 基数 is a warning naming its cell; an untouched template has none', async () => {
    const grid = entryGrid(plan, [], 2023);
    const template = await valuesTemplate(grid);
    expect(readOnlyWarnings(grid, (await readValuesWorkbook(template)).rows)).toEqual([]);
    const { wb, cell } = await entrySheet(template);
    const targetWas = cell('规划目标').value;
    cell('规划目标').value = '2025 年达到 90 个以上';
    cell('单位').value = '家';
    cell('基数').value = 55;
    cell('指标').value = ' 市级以上创新平台 ';
    const read = await readValuesWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const r = cell('序号').row;
    const indicator = { seq: SEQ, name: '市级以上创新平台' };
    expect(readOnlyWarnings(grid, read.rows)).toEqual([
      {
        cell: `'填报 Entry'!D${r}`,
        key: 'values.sheet.planCellEdited',
        params: { column: '单位 unit', found: '家', expected: '个' },
        message:
          'The 单位 unit cell is read-only: the workbook has "家", the plan "个"; not taken — the plan is changed only by an administrator',
        row: Number(r),
        indicator,
      },
      expect.objectContaining({
        cell: `'填报 Entry'!F${r}`,
        key: 'values.sheet.targetEdited',
        params: { column: '基数 baseline', found: '55', expected: '50' },
      }),
      expect.objectContaining({
        cell: `'填报 Entry'!G${r}`,
        key: 'values.sheet.targetEdited',
        params: { column: '规划目标 target', found: '2025 年达到 90 个以上', expected: targetWas },
        message: expect.stringContaining('targets are changed only by an administrator (目标调整)'),
      }),
    ]);
  });
});
