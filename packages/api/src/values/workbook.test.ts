import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { entryGrid, type StoredValue } from '@pm/core';
import { builtInPlans } from '@pm/db';
import { readValuesWorkbook, valuesTemplate } from './workbook';

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
