import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryGrid } from '@pm/core';
import { builtInPlans, type Database } from '@pm/db';
import { importWorkbook } from './import';
import { valuesTemplate } from './workbook';
import { WorkbookReader, workbookReader } from './workbook-reader';
import { withExtraRows } from './xlsx-testing';

let template: Buffer;
const readers: WorkbookReader[] = [];
function reader(options: Partial<WorkbookReader['options']> = {}) {
  const made = new WorkbookReader({ queue: 4, timeoutMs: 20_000, heapMb: 512, ...options });
  readers.push(made);
  return made;
}

/** Uploads whose problems are found before the database is asked never reach it. */
const noDatabase = {} as Database;

beforeAll(async () => {
  template = await valuesTemplate(entryGrid(builtInPlans()[0]!, [], 2023));
});
afterAll(async () => {
  await Promise.all(readers.map((r) => r.close()));
});

describe('reading an uploaded workbook', () => {
  it('refuses at once, naming the limit, a workbook whose sheet unzips to ~50 MB', async () => {
    const bomb = withExtraRows(template, 140_000, { same: true });
    expect(bomb.length).toBeLessThan(1_000_000);
    const result = await importWorkbook(noDatabase, bomb, 'official');
    expect(result.problems).toEqual([
      {
        cell: '(file)',
        key: 'values.sheet.tooLarge',
        params: { size: expect.stringMatching(/^5\d\.\d MB$/), limit: 20 },
        message: expect.stringContaining('too large unzipped'),
      },
    ]);
    // Refused from the zip's directory (the size it names is the directory's), before any unzip;
    // how fast is measured outside the tests (3 ms against ~8 s to parse, when the limit came in).
  });

  it('refuses a zip that declares a small sheet but unzips to more, without parsing it', async () => {
    const liar = withExtraRows(template, 120_000, { same: true, declare: 20_000 });
    const result = await importWorkbook(noDatabase, liar, 'official');
    expect(result.problems.map((p) => [p.key, p.message])).toEqual([
      [
        'values.sheet.notXlsx',
        'not an .xlsx workbook: xl/worksheets/sheet2.xml unzips to more than the 20000 bytes it declares',
      ],
    ]);
    // Stopped at the declared size: the message names it, so nothing past it was unzipped.
  });

  it('refuses a sheet of more than 5,000 rows, and more than 200,000 cells', async () => {
    const rows = await importWorkbook(noDatabase, withExtraRows(template, 5000), 'official');
    expect(rows.problems.map((p) => [p.key, p.params])).toEqual([
      ['values.sheet.tooManyRows', { sheet: 'xl/worksheets/sheet2.xml', rows: 5021, limit: 5000 }],
    ]);
    const wide = withExtraRows(template, 1000, { columns: 210, same: true });
    const cells = await importWorkbook(noDatabase, wide, 'official');
    expect(cells.problems.map((p) => p.key)).toEqual(['values.sheet.tooManyCells']);
  });

  it('keeps the event loop free while a large allowed workbook is read', async () => {
    const big = withExtraRows(template, 4900, { columns: 40 });
    await workbookReader.read(template);
    // The main thread keeps turning while the worker parses: count its turns rather than time
    // them (a timing bound fails on a loaded machine; a parse on the main thread gives ~no turns).
    let turns = 0;
    let reading = true;
    const turn = () => {
      turns += 1;
      if (reading) setImmediate(turn);
    };
    setImmediate(turn);
    const result = await workbookReader.read(big);
    reading = false;
    expect(result.problems[0]?.key).toBe('values.sheet.badComparator');
    expect(result.problems.length).toBe(4900);
    expect(turns).toBeGreaterThan(100);
  });

  it('a workbook needing more memory than the worker has costs only the worker', async () => {
    const small = reader({ heapMb: 32 });
    const read = await small.read(withExtraRows(template, 4900, { columns: 40 }));
    expect(read.problems.map((p) => [p.key, p.message])).toEqual([
      ['values.sheet.tooComplex', expect.stringContaining('(memory)')],
    ]);
    small.options.heapMb = 512;
    expect((await small.read(template)).problems).toEqual([]);
  });

  it('gives up on a workbook that takes too long', async () => {
    const read = await reader({ timeoutMs: 1 }).read(template);
    expect(read.problems.map((p) => [p.key, p.params])).toEqual([
      ['values.sheet.tooComplex', { seconds: 0.001, mb: 512 }],
    ]);
  });

  it('refuses more waiting uploads than the queue holds as TOO_MANY_REQUESTS', async () => {
    const busy = reader({ queue: 1 });
    const first = busy.read(template);
    const second = busy.read(template);
    await expect(busy.read(template)).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      key: 'values.uploadBusy',
    });
    expect((await first).problems).toEqual([]);
    expect((await second).problems).toEqual([]);
  });
});
