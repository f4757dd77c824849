import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import type { ZodError } from 'zod';
import { builtInPlans, importPlan, loadAssessmentInput, type SessionUser } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { callerFor, testUser } from '../testing';

const YUHUA = '130108';
const QIAOXI = '130104';

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const platforms = (value: string | number, version: number | null, rest = {}) => ({
  district: YUHUA,
  seq: 4,
  year: 2021,
  kind: 'actual' as const,
  value,
  version,
  ...rest,
});

describeDb('values router', (get) => {
  const users = {} as Record<'official' | 'reviewer' | 'leader' | 'qiaoxi', SessionUser>;
  const as = (who: keyof typeof users) => callerFor(get().db, users[who]);
  /** The submitted figures of a year as the reviewer's grid shows them: ids and versions. */
  const submittedCells = async (year: number) =>
    (await as('reviewer').values.grid({ district: YUHUA, year })).groups
      .flatMap((g) => g.rows.flatMap((r) => [r.actual, r.assigned]))
      .flatMap((c) => (c?.stored?.state === 'submitted' ? [c.stored] : []))
      .map(({ id, version }) => ({ id, version }));

  /** The stored version of 市级以上创新平台 (seq 4) of a year, null when none is stored. */
  const storedVersion = async (year: number) =>
    (await as('official').values.grid({ district: YUHUA, year })).groups
      .flatMap((g) => g.rows)
      .find((r) => r.indicator.seq === 4)?.actual?.stored?.version ?? null;

  beforeAll(async () => {
    const { db } = get();
    for (const file of builtInPlans().filter((p) => [YUHUA, QIAOXI].includes(p.district.code)))
      await importPlan(db, file);
    users.official = await testUser(db, 'official', 'official', [YUHUA]);
    users.reviewer = await testUser(db, 'reviewer', 'reviewer', [YUHUA]);
    users.leader = await testUser(db, 'leader', 'leader', 'all');
    users.qiaoxi = await testUser(db, 'qiaoxi', 'official', [QIAOXI]);
  });

  it('the grid groups the plan’s indicators by category for a year', async () => {
    const grid = await as('leader').values.grid({ district: YUHUA, year: 2021 });
    expect(grid.groups.map((g) => g.category)).toEqual([
      '经济发展',
      '创新驱动',
      '民生福祉',
      '绿色转型',
    ]);
    expect(grid.groups[0]!.rows.map((r) => r.indicator.seq)).toEqual([1, 2, 18]);
    const row = grid.groups[1]!.rows.find((r) => r.indicator.seq === 4)!;
    expect(row).toMatchObject({
      targetText: '2025 年达到 70 个以上，年均增长 6%',
      baseline: { value: 50, printed: true },
    });
  });

  it('an official saves a figure typed with a thousands separator as a draft', async () => {
    const { value } = await as('official').values.save(
      platforms('62', null, { source: '统计公报' }),
    );
    expect(value).toMatchObject({ value: 62, state: 'draft', version: 1, updatedBy: 'official' });
    const big = await as('official').values.save({
      ...platforms('1,234.5', null),
      seq: 18,
      year: 2020,
    });
    expect(big.value?.value).toBe(1234.5);
  });

  it('a bad number is BAD_REQUEST with a catalog key', async () => {
    const error = await failure(as('official').values.save(platforms('六十二', 1)));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause).toMatchObject({ key: 'values.badNumber', params: { text: '六十二' } });
  });

  it('a fraction of a count (个) is BAD_REQUEST naming the indicator and unit; 件 per 10,000 people is stored', async () => {
    const error = await failure(
      as('official').values.save(platforms('12.5', null, { year: 2024 })),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause).toMatchObject({
      key: 'values.notWhole',
      params: { seq: 4, name: '市级以上创新平台', unit: '个', text: '12.5' },
    });
    expect(error.message).toBe(
      'indicator 4 市级以上创新平台 is counted in "个": give a whole number, not 12.5',
    );
    const schools = await failure(
      as('official').values.save({
        ...platforms(3.5, null),
        seq: 20,
        year: 2024,
      }),
    );
    expect(schools.cause).toMatchObject({ key: 'values.notWhole', params: { unit: '所' } });
    const patents = await as('official').values.save({
      ...platforms('21.35', null),
      seq: 5,
      year: 2024,
      reason: '核实',
    });
    expect(patents.value?.value).toBe(21.35);
    await as('official').values.remove({
      district: YUHUA,
      id: patents.value!.id,
      version: patents.value!.version,
    });
  });

  it('a figure far from last year’s needs a reason', async () => {
    const error = await failure(as('official').values.save(platforms('200', 1)));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause).toMatchObject({ key: 'values.concern.change', params: { previous: 50 } });
    const saved = await as('official').values.save(platforms('200', 1, { reason: '新认定平台' }));
    expect(saved.value).toMatchObject({ value: 200, version: 2 });
    await as('official').values.save(platforms('64', 2, { reason: '更正' }));
  });

  it('a stale version is a CONFLICT carrying the other person’s figure', async () => {
    const error = await failure(as('official').values.save(platforms('65', 1)));
    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toMatchObject({
      key: 'values.conflict',
      params: { value: 64, version: 3, by: 'official', state: 'draft' },
    });
  });

  it('only officials save and submit, only in their districts', async () => {
    for (const who of ['reviewer', 'leader'] as const)
      expect((await failure(as(who).values.save(platforms('1', 3)))).code).toBe('FORBIDDEN');
    const other = await failure(as('qiaoxi').values.save(platforms('1', 3)));
    expect(other.code).toBe('FORBIDDEN');
    expect(other.cause).toMatchObject({ key: 'error.forbidden.district' });
    expect(
      (await failure(as('reviewer').values.submit({ district: YUHUA, year: 2021 }))).code,
    ).toBe('FORBIDDEN');
  });

  it('submit, return one with a comment, fix, submit, approve the year', async () => {
    const official = as('official');
    const reviewer = as('reviewer');
    expect(await official.values.submit({ district: YUHUA, year: 2021 })).toEqual({ count: 1 });
    const [cell] = (
      await reviewer.values.grid({ district: YUHUA, year: 2021 })
    ).groups[1]!.rows.filter((r) => r.indicator.seq === 4).map((r) => r.actual!.stored!);
    expect(cell).toMatchObject({ state: 'submitted', version: 4 });
    expect(
      (
        await failure(
          reviewer.values.return({
            district: YUHUA,
            cells: [{ id: cell!.id, version: 4 }],
            comment: ' ',
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    expect(
      await reviewer.values.return({
        district: YUHUA,
        cells: [{ id: cell!.id, version: 4 }],
        comment: '与统计公报不一致',
      }),
    ).toEqual({ count: 1 });
    const fixed = await official.values.save(platforms('63', 5));
    expect(fixed.value).toMatchObject({ state: 'draft', reviewComment: '与统计公报不一致' });
    await official.values.submit({ district: YUHUA, year: 2021 });
    expect(
      await reviewer.values.approve({ district: YUHUA, cells: await submittedCells(2021) }),
    ).toEqual({ count: 1 });
    const input = await loadAssessmentInput(get().db, YUHUA);
    expect(input?.values).toContainEqual({
      seq: 4,
      year: 2021,
      kind: 'actual',
      value: 63,
      comparator: null,
    });
  });

  it('leaders and officials cannot approve, return or reopen', async () => {
    for (const who of ['leader', 'official'] as const) {
      const c = as(who);
      const cells = [{ id: 1, version: 1 }];
      expect((await failure(c.values.approve({ district: YUHUA, cells }))).code).toBe('FORBIDDEN');
      expect((await failure(c.values.return({ district: YUHUA, cells, comment: 'x' }))).code).toBe(
        'FORBIDDEN',
      );
      expect(
        (await failure(c.values.reopen({ district: YUHUA, id: 1, version: 1, reason: 'x' }))).code,
      ).toBe('FORBIDDEN');
    }
  });

  it('an approved figure is locked; a reviewer reopens it with a reason', async () => {
    const locked = await failure(as('official').values.save(platforms('66', 8)));
    expect(locked.code).toBe('CONFLICT');
    expect(locked.cause).toMatchObject({ key: 'values.locked' });
    const grid = await as('reviewer').values.grid({ district: YUHUA, year: 2021 });
    const cell = grid.groups[1]!.rows.find((r) => r.indicator.seq === 4)!.actual!.stored!;
    expect(
      (
        await failure(
          as('reviewer').values.reopen({
            district: YUHUA,
            id: cell.id,
            version: cell.version,
            reason: '',
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    const stale = await failure(
      as('reviewer').values.reopen({ district: YUHUA, id: cell.id, version: 1, reason: '更正' }),
    );
    expect(stale.code).toBe('CONFLICT');
    const { value } = await as('reviewer').values.reopen({
      district: YUHUA,
      id: cell.id,
      version: cell.version,
      reason: '统计局修订',
    });
    expect(value).toMatchObject({ state: 'returned', reviewComment: '统计局修订' });
    expect((await as('official').values.save(platforms('66', value!.version))).value).toMatchObject(
      {
        value: 66,
        state: 'draft',
      },
    );
  });

  it('the history lists every change of a figure, to any reader of the district', async () => {
    const grid = await as('official').values.grid({ district: YUHUA, year: 2021 });
    const cell = grid.groups[1]!.rows.find((r) => r.indicator.seq === 4)!.actual!.stored!;
    const { entries } = await as('leader').values.history({ district: YUHUA, id: cell.id });
    expect(entries.map((e) => e.newState)).toEqual([
      'draft',
      'returned',
      'approved',
      'submitted',
      'draft',
      'returned',
      'submitted',
      'draft',
      'draft',
      'draft',
    ]);
    expect(entries.at(-2)).toMatchObject({ oldValue: 62, newValue: 200, reason: '新认定平台' });
    expect(
      (await failure(as('qiaoxi').values.history({ district: YUHUA, id: cell.id }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(as('qiaoxi').values.history({ district: QIAOXI, id: cell.id }))).code,
    ).toBe('NOT_FOUND');
  });

  it('a draft never submitted can be removed; a submitted one cannot', async () => {
    const { value } = await as('official').values.save({ ...platforms('60', null), year: 2025 });
    await as('official').values.remove({ district: YUHUA, id: value!.id, version: value!.version });
    const grid = await as('official').values.grid({ district: YUHUA, year: 2025 });
    expect(grid.groups[1]!.rows.find((r) => r.indicator.seq === 4)!.actual!.stored).toBeNull();
    const deletions = await as('reviewer').values.deletions({
      district: YUHUA,
      seq: 4,
      year: 2025,
    });
    expect(deletions).toEqual([
      expect.objectContaining({
        seq: 4,
        year: 2025,
        kind: 'actual',
        value: 60,
        state: 'draft',
        deletedBy: 'official',
        history: [expect.objectContaining({ newValue: 60, changedBy: 'official' })],
      }),
    ]);
    expect((await failure(as('qiaoxi').values.deletions({ district: YUHUA, seq: 4 }))).code).toBe(
      'FORBIDDEN',
    );
    const cell = (
      await as('official').values.grid({ district: YUHUA, year: 2021 })
    ).groups[1]!.rows.find((r) => r.indicator.seq === 4)!.actual!.stored!;
    const error = await failure(
      as('official').values.remove({ district: YUHUA, id: cell.id, version: cell.version }),
    );
    expect(error.cause).toMatchObject({ key: 'values.notRemovable' });
  });

  it('completeness counts each indicator of a year by state', async () => {
    const [year] = await as('leader').values.completeness({ district: YUHUA, year: 2021 });
    expect(year).toMatchObject({ year: 2021, total: 20 });
    expect(year!.counts).toMatchObject({ draft: 1, missing: 19 });
    const all = await as('leader').values.completeness({ district: YUHUA });
    expect(all.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(all[0]).toMatchObject({ total: 2, counts: { draft: 1, missing: 1 } });
  });

  it('a template filled in Excel uploads as drafts, all or nothing, naming each bad cell', async () => {
    const official = as('official');
    const { base64, filename } = await official.values.template({ district: YUHUA, year: 2023 });
    expect(filename).toBe('130108-裕华区-十四五-2023-填报.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('填报 Entry')!;
    const rowOf = (seq: number) => {
      let found = 0;
      sheet.eachRow((row, r) => {
        if (row.getCell(1).value === seq) found = r;
      });
      return sheet.getRow(found);
    };
    expect(rowOf(4).getCell(8).value).toBe(null);
    rowOf(4).getCell(9).value = '58';
    rowOf(16).getCell(9).value = 66;
    rowOf(16).getCell(10).value = '７０';
    rowOf(1).getCell(9).value = 'abc';
    rowOf(11).getCell(9).value = 180;
    const bad = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const refused = await official.values.upload({ district: YUHUA, year: 2023, base64: bad });
    expect(refused.changed).toBe(0);
    expect(refused.problems.map((p) => [p.cell, p.key])).toEqual([
      [`'填报 Entry'!I${rowOf(1).number}`, 'values.badNumber'],
      [`'填报 Entry'!I${rowOf(11).number}`, 'values.concern.over_100'],
    ]);
    expect(
      (await official.values.completeness({ district: YUHUA, year: 2023 }))[0]!.counts.missing,
    ).toBe(20);

    rowOf(1).getCell(9).value = '5.6';
    rowOf(11).getCell(14).value = '口径为全部参保人';
    const good = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    expect(
      await official.values.upload({ district: YUHUA, year: 2023, base64: good }),
    ).toMatchObject({ changed: 5, problems: [], plan: { period: '2021-2025' } });
    const elsewhere = await official.values.upload({ district: YUHUA, year: 2024, base64: good });
    expect(elsewhere.problems).toEqual([
      expect.objectContaining({
        cell: "'说明 About'!B5",
        key: 'values.sheet.otherYear',
        params: { found: 2023, expected: 2024 },
      }),
    ]);
    expect(
      (await failure(as('reviewer').values.upload({ district: YUHUA, year: 2023, base64: good })))
        .code,
    ).toBe('FORBIDDEN');
  });

  it('an unaltered template uploads as no change; a stale one is a conflict on its cell', async () => {
    const official = as('official');
    const { base64 } = await official.values.template({ district: YUHUA, year: 2023 });
    expect(await official.values.upload({ district: YUHUA, year: 2023, base64 })).toMatchObject({
      changed: 0,
      problems: [],
      plan: { period: '2021-2025' },
    });
    await official.values.save({ ...platforms('59', 1), year: 2023 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('填报 Entry')!;
    let r = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 4) r = n;
    });
    sheet.getRow(r).getCell(9).value = 57;
    const stale = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const result = await official.values.upload({ district: YUHUA, year: 2023, base64: stale });
    expect(result.problems).toEqual([
      expect.objectContaining({ cell: `'填报 Entry'!I${r}`, key: 'values.conflict' }),
    ]);
  });

  it('something that is not a workbook is one problem', async () => {
    const result = await as('official').values.upload({
      district: YUHUA,
      year: 2023,
      base64: 'bm90IGEgemlw',
    });
    expect(result).toMatchObject({
      changed: 0,
      problems: [{ cell: '(file)', key: 'values.sheet.notXlsx' }],
    });
  });

  it('an assigned target saves with its own comparator; changing only it is a new version', async () => {
    const official = as('official');
    const air = (rest: object) => ({
      district: YUHUA,
      seq: 16,
      year: 2022,
      kind: 'assigned_target' as const,
      value: '70',
      version: null as number | null,
      ...rest,
    });
    const first = await official.values.save(air({ comparator: 'at_most' }));
    expect(first.value).toMatchObject({ value: 70, comparator: 'at_most', version: 1 });
    const second = await official.values.save(air({ version: 1, comparator: '低于' }));
    expect(second.value).toMatchObject({ value: 70, comparator: 'below', version: 2 });
    const same = await official.values.save(air({ version: 2 }));
    expect(same.value).toBeNull();
    const grid = await official.values.grid({ district: YUHUA, year: 2022 });
    const row = grid.groups.flatMap((g) => g.rows).find((r) => r.indicator.seq === 16)!;
    expect(row.assigned?.stored).toMatchObject({ comparator: 'below', version: 2 });
    const { entries } = await as('leader').values.history({
      district: YUHUA,
      id: first.value!.id,
    });
    expect(entries.map((e) => [e.version, e.oldComparator, e.newComparator])).toEqual([
      [2, 'at_most', 'below'],
      [1, null, 'at_most'],
    ]);
  });

  it('a comparator on an actual, or one that is no comparator, is BAD_REQUEST naming the field', async () => {
    const onActual = await failure(
      as('official').values.save({ ...platforms('64', null), year: 2022, comparator: 'at_most' }),
    );
    expect(onActual.code).toBe('BAD_REQUEST');
    expect(onActual.cause).toMatchObject({
      key: 'values.comparatorOnActual',
      params: { field: 'comparator' },
    });
    const unknown = await failure(
      as('official').values.save({
        ...platforms('70', null),
        seq: 16,
        year: 2022,
        kind: 'assigned_target',
        comparator: '约',
      }),
    );
    expect(unknown.code).toBe('BAD_REQUEST');
    expect((unknown.cause as ZodError).issues).toEqual([
      expect.objectContaining({
        path: ['comparator'],
        message: expect.stringMatching(/^"约" is not a comparator; write one of about/),
      }),
    ]);
  });

  it('the template offers each assigned target’s comparator; a changed one uploads, a bad one is named by its cell', async () => {
    const official = as('official');
    const { base64 } = await official.values.template({ district: YUHUA, year: 2024 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('填报 Entry')!;
    expect(sheet.getRow(1).getCell(11).value).toBe('比较方式 comparator');
    const rowOf = (seq: number) => {
      let found = 0;
      sheet.eachRow((row, r) => {
        if (row.getCell(1).value === seq) found = r;
      });
      return sheet.getRow(found);
    };
    expect(rowOf(16).getCell(11).value).toBe('不低于');
    expect(rowOf(8).getCell(11).value).toBe('不高于');
    expect(rowOf(4).getCell(11).value).toBe(null);
    expect(rowOf(16).getCell(11).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"左右,不低于,不高于,低于,高于"'],
    });
    const upload = async () =>
      official.values.upload({
        district: YUHUA,
        year: 2024,
        base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
      });

    rowOf(16).getCell(11).value = '大约';
    rowOf(8).getCell(11).value = '低于';
    rowOf(13).getCell(10).value = 11;
    rowOf(13).getCell(11).value = '≥';
    const bad = await upload();
    expect(bad.changed).toBe(0);
    expect(bad.problems).toEqual([
      expect.objectContaining({
        cell: `'填报 Entry'!K${rowOf(8).number}`,
        key: 'values.sheet.comparatorWithoutTarget',
      }),
      expect.objectContaining({
        cell: `'填报 Entry'!K${rowOf(16).number}`,
        key: 'values.sheet.badComparator',
        params: { text: '大约' },
        message: expect.stringContaining('"大约" is not a comparator'),
      }),
    ]);

    rowOf(16).getCell(10).value = 75;
    rowOf(16).getCell(11).value = 'at_most';
    rowOf(8).getCell(10).value = 5.5;
    expect(await upload()).toMatchObject({
      changed: 3,
      problems: [],
      plan: { period: '2021-2025' },
    });
    const grid = await official.values.grid({ district: YUHUA, year: 2024 });
    const stored = (seq: number) =>
      grid.groups.flatMap((g) => g.rows).find((r) => r.indicator.seq === seq)!.assigned!.stored;
    expect(stored(16)).toMatchObject({ value: 75, comparator: 'at_most' });
    expect(stored(8)).toMatchObject({ value: 5.5, comparator: 'below' });
    expect(stored(13)).toMatchObject({ value: 11, comparator: null });

    const again = await official.values.template({ district: YUHUA, year: 2024 });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(again.base64, 'base64') as unknown as ArrayBuffer);
    const sheet2 = wb2.getWorksheet('填报 Entry')!;
    let r16 = 0;
    sheet2.eachRow((row, r) => {
      if (row.getCell(1).value === 16) r16 = r;
    });
    expect(sheet2.getRow(r16).getCell(11).value).toBe('不高于');
    expect(
      await official.values.upload({ district: YUHUA, year: 2024, base64: again.base64 }),
    ).toMatchObject({ changed: 0, problems: [], plan: { period: '2021-2025' } });
    sheet2.getRow(r16).getCell(11).value = null;
    const reset = await official.values.upload({
      district: YUHUA,
      year: 2024,
      base64: Buffer.from(await wb2.xlsx.writeBuffer()).toString('base64'),
    });
    expect(reset).toMatchObject({ changed: 1, problems: [], plan: { period: '2021-2025' } });
    const after = await official.values.grid({ district: YUHUA, year: 2024 });
    expect(
      after.groups.flatMap((g) => g.rows).find((r) => r.indicator.seq === 16)!.assigned!.stored,
    ).toMatchObject({ value: 75, comparator: null, version: 2 });
  });

  it('a template made before comparators (values@1) still uploads', async () => {
    const official = as('official');
    const { base64 } = await official.values.template({ district: YUHUA, year: 2025 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const about = wb.getWorksheet('说明 About')!;
    about.getCell('B2').value = 'plan-monitor/values@1';
    const sheet = wb.getWorksheet('填报 Entry')!;
    sheet.spliceColumns(22, 1);
    sheet.spliceColumns(11, 1);
    let r16 = 0;
    sheet.eachRow((row, r) => {
      if (row.getCell(1).value === 16) r16 = r;
    });
    sheet.getRow(r16).getCell(10).value = 80;
    const result = await official.values.upload({
      district: YUHUA,
      year: 2025,
      base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    });
    expect(result).toMatchObject({ changed: 1, problems: [], plan: { period: '2021-2025' } });
  });

  it('approve-all approves the versions shown: a figure changed since refuses the whole call, naming it', async () => {
    const official = as('official');
    const reviewer = as('reviewer');
    const figure = (seq: number, value: string, version: number | null) => ({
      district: YUHUA,
      seq,
      year: 2025,
      kind: 'actual' as const,
      value,
      version,
      reason: '核实',
    });
    const platforms2025 = (await official.values.save(figure(4, '70', null))).value!;
    await official.values.save(figure(18, '1500', null));
    await official.values.submit({ district: YUHUA, year: 2025 });
    const shown = await submittedCells(2025);
    expect(shown).toContainEqual({ id: platforms2025.id, version: platforms2025.version + 1 });

    // After the reviewer loaded the grid, the official withdraws one figure, changes it and
    // submits it again.
    const seen = { id: platforms2025.id, version: platforms2025.version + 1 };
    await official.values.withdraw({ district: YUHUA, year: 2025, cells: [seen] });
    const edited = await official.values.save(figure(4, '75', platforms2025.version + 2));
    await official.values.submit({ district: YUHUA, year: 2025 });
    const refused = await failure(reviewer.values.approve({ district: YUHUA, cells: shown }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.cause).toMatchObject({
      key: 'values.changedSince',
      params: { count: 1, ids: String(platforms2025.id), figures: '4' },
    });
    expect(refused.message).toContain('indicator 4 2025 actual is now 75, submitted, by official');
    const states = async () => {
      const cells = (await reviewer.values.grid({ district: YUHUA, year: 2025 })).groups
        .flatMap((g) => g.rows.flatMap((r) => [r.actual, r.assigned]))
        .flatMap((c) => (c?.stored ? [c.stored.state] : []));
      const count = (state: string) => cells.filter((s) => s === state).length;
      return { submitted: count('submitted'), approved: count('approved') };
    };
    expect(await states()).toEqual({ submitted: shown.length, approved: 0 });

    const returned = await failure(
      reviewer.values.return({ district: YUHUA, cells: shown, comment: '请核对' }),
    );
    expect(returned.cause).toMatchObject({ key: 'values.changedSince' });
    expect(await states()).toEqual({ submitted: shown.length, approved: 0 });

    const now = await submittedCells(2025);
    expect(now).toContainEqual({ id: edited.value!.id, version: edited.value!.version + 1 });
    expect(await reviewer.values.approve({ district: YUHUA, cells: now })).toEqual({
      count: shown.length,
    });
    expect(await states()).toEqual({ submitted: 0, approved: shown.length });
  });

  it('a submitted figure is locked: an edit is refused with a clear message and changes nothing', async () => {
    const official = as('official');
    const version = await storedVersion(2023);
    const saved = (await official.values.save(platforms('40', version, { year: 2023 }))).value!;
    await official.values.submit({ district: YUHUA, year: 2023 });
    const refused = await failure(
      official.values.save(platforms('41', saved.version + 1, { year: 2023 })),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.cause).toMatchObject({ key: 'values.submittedLocked' });
    expect(refused.message).toContain('withdraw it');
    const history = await official.values.history({ district: YUHUA, id: saved.id });
    expect(history.value).toMatchObject({ value: 40, state: 'submitted' });
  });

  it('withdrawing returns submitted figures to draft, in their history, off the reviewer’s list', async () => {
    const official = as('official');
    const reviewer = as('reviewer');
    const version = await storedVersion(2024);
    const saved = (await official.values.save(platforms('44', version, { year: 2024 }))).value!;
    await official.values.submit({ district: YUHUA, year: 2024 });
    const shown = await submittedCells(2024);
    expect(shown).toContainEqual({ id: saved.id, version: saved.version + 1 });

    expect((await failure(reviewer.values.withdraw({ district: YUHUA, year: 2024 }))).code).toBe(
      'FORBIDDEN',
    );
    const stale = await failure(
      official.values.withdraw({
        district: YUHUA,
        year: 2024,
        cells: [{ id: saved.id, version: saved.version }],
      }),
    );
    expect(stale.cause).toMatchObject({ key: 'values.changedSince' });

    expect(await official.values.withdraw({ district: YUHUA, year: 2024 })).toEqual({
      count: shown.length,
    });
    expect(await submittedCells(2024)).toEqual([]);
    const { value, entries } = await reviewer.values.history({ district: YUHUA, id: saved.id });
    expect(value).toMatchObject({ state: 'draft', value: 44 });
    expect(entries[0]).toMatchObject({
      oldState: 'submitted',
      newState: 'draft',
      changedBy: 'official',
    });
    const again = await official.values.save(platforms('45', value.version, { year: 2024 }));
    expect(again.value).toMatchObject({ value: 45, state: 'draft' });
    expect(
      await reviewer.values.approve({ district: YUHUA, cells: shown }).catch((e: unknown) => e),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('the grid shows a reviewer each figure’s change, its concerns and the official’s reason', async () => {
    const official = as('official');
    const version = await storedVersion(2022);
    await official.values.save(
      platforms('500', version, { year: 2022, reason: '新认定平台集中入库' }),
    );
    const row = (await as('reviewer').values.grid({ district: YUHUA, year: 2022 })).groups
      .flatMap((g) => g.rows)
      .find((r) => r.indicator.seq === 4)!;
    expect(row.actual).toMatchObject({
      reason: '新认定平台集中入库',
      concerns: [{ code: 'change' }],
      change: { delta: expect.any(Number) as number },
    });
  });

  it('a whole year cannot be approved or returned without naming the figures', async () => {
    const reviewer = as('reviewer');
    const byYear = { district: YUHUA, year: 2021 } as unknown as Parameters<
      typeof reviewer.values.approve
    >[0];
    expect((await failure(reviewer.values.approve(byYear))).code).toBe('BAD_REQUEST');
    expect((await failure(reviewer.values.return({ ...byYear, comment: '请核对' }))).code).toBe(
      'BAD_REQUEST',
    );
  });

  it.each([1e308, -1e308, 5e-324, '0.0000001', '1' + '0'.repeat(13)])(
    'an absurd figure (%s) is refused with the range',
    async (value) => {
      const error = await failure(
        as('official').values.save({ ...platforms(value, null), seq: 10, year: 2024 }),
      );
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.cause).toMatchObject({
        key: 'values.outOfRange',
        params: { text: String(value), min: '0.000001', max: '1,000,000,000,000' },
      });
      expect(error.message).toContain('between 0.000001 and 1,000,000,000,000');
    },
  );

  it('an absurd assigned target is refused too', async () => {
    const error = await failure(
      as('official').values.save({
        ...platforms(1e308, null),
        seq: 16,
        year: 2024,
        kind: 'assigned_target',
      }),
    );
    expect(error.cause).toMatchObject({ key: 'values.outOfRange' });
  });

  it.each([0, -3.5, 12345678.9, 0.001])('an ordinary figure (%s) is stored', async (value) => {
    const saved = await as('official').values.save({
      ...platforms(value, null),
      seq: 10,
      year: 2024,
      reason: '核实',
    });
    expect(saved.value?.value).toBe(value);
    await as('official').values.remove({
      district: YUHUA,
      id: saved.value!.id,
      version: saved.value!.version,
    });
  });

  it('an absurd figure in an uploaded template is named by its cell, with the range', async () => {
    const official = as('official');
    const { base64 } = await official.values.template({ district: YUHUA, year: 2022 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('填报 Entry')!;
    const rows: Record<number, number> = {};
    sheet.eachRow((row, r) => {
      if (typeof row.getCell(1).value === 'number') rows[row.getCell(1).value as number] = r;
    });
    sheet.getRow(rows[1]!).getCell(9).value = 1e308;
    sheet.getRow(rows[2]!).getCell(9).value = 5e-324;
    const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const result = await official.values.upload({ district: YUHUA, year: 2022, base64: data });
    expect(result.changed).toBe(0);
    expect(result.problems.map((p) => [p.cell, p.key])).toEqual([
      [`'填报 Entry'!I${rows[1]}`, 'values.outOfRange'],
      [`'填报 Entry'!I${rows[2]}`, 'values.outOfRange'],
    ]);
  });

  it('an upload names each problem’s row and indicator, the district code by its cell, and warns of an edited 规划目标', async () => {
    const official = as('official');
    const { base64 } = await official.values.template({ district: YUHUA, year: 2022 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const about = wb.getWorksheet('说明 About')!;
    const sheet = wb.getWorksheet('填报 Entry')!;
    let r = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 4) r = n;
    });
    const upload = async () =>
      official.values.upload({
        district: YUHUA,
        year: 2022,
        base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
      });
    const platforms = { seq: 4, name: '市级以上创新平台' };

    sheet.getRow(r).getCell(9).value = '63.5';
    sheet.getRow(r).getCell(7).value = '2025 年达到 90 个以上';
    const fraction = await upload();
    expect(fraction.changed).toBe(0);
    expect(fraction.problems).toEqual([
      {
        cell: `'填报 Entry'!I${r}`,
        key: 'values.notWhole',
        params: { seq: 4, name: '市级以上创新平台', unit: '个', text: '63.5' },
        message: 'indicator 4 市级以上创新平台 is counted in "个": give a whole number, not 63.5',
        row: r,
        indicator: platforms,
      },
    ]);
    expect(fraction.warnings).toEqual([
      expect.objectContaining({
        cell: `'填报 Entry'!G${r}`,
        key: 'values.sheet.targetEdited',
        params: expect.objectContaining({ found: '2025 年达到 90 个以上' }),
        row: r,
        indicator: platforms,
      }),
    ]);

    about.getCell('B3').value = null;
    expect((await upload()).problems).toEqual([
      expect.objectContaining({
        cell: "'说明 About'!B3",
        key: 'values.sheet.districtMissing',
        params: { expected: YUHUA },
      }),
    ]);
    about.getCell('B3').value = '130104';
    expect((await upload()).problems).toEqual([
      expect.objectContaining({
        cell: "'说明 About'!B3",
        key: 'values.sheet.otherDistrict',
        params: { found: '130104', expected: YUHUA },
        message: expect.stringContaining('the district code is "130104", expected 130108'),
      }),
    ]);

    about.getCell('B3').value = YUHUA;
    sheet.getRow(r).getCell(9).value = 64;
    sheet.getRow(r).getCell(14).value = '核实';
    const saved = await upload();
    expect(saved).toMatchObject({ changed: 1, problems: [] });
    expect(saved.warnings.map((w) => w.cell)).toEqual([`'填报 Entry'!G${r}`]);
    const grid = await official.values.grid({ district: YUHUA, year: 2022 });
    const row = grid.groups.flatMap((g) => g.rows).find((x) => x.indicator.seq === 4)!;
    expect(row.targetText).not.toContain('90');
  });
});
