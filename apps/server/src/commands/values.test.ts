import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, useDataFolder } from './testing';

const HEADER = 'indicator,year,kind,value,district,state,source,note';
const EXPORT_HEADER = `${HEADER},comparator`;

describe('values commands', () => {
  const { scratch } = useDataFolder();
  // The demo as reported at the mid-term (2023): the years after it are free for new figures.
  beforeAll(async () => {
    await cli('demo', 'clear');
    await cli('demo', 'seed', '--year', '2023');
  });
  const path = (name: string) => join(scratch(), name);
  const write = (name: string, lines: string[]) => {
    writeFileSync(path(name), `${lines.join('\n')}\n`);
    return path(name);
  };
  const exported = async (...args: string[]) => {
    const run = await cli('values', 'export', '130108', ...args);
    expect(run.code).toBe(0);
    return run.out.trim().split('\r\n');
  };

  it('exports a year of a district as CSV with district, state, source and note', async () => {
    const [header, ...rows] = await exported('--year', '2023');
    expect(header).toBe(EXPORT_HEADER);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toContain('4,2023,actual,66,130108,approved,demo,演示数据,');
  });

  it('an export imports back as no change', async () => {
    const run = await cli('values', 'export', '130108', '--out', path('all.csv'));
    expect(run.code).toBe(0);
    const again = await cli('values', 'import', path('all.csv'));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^Imported 0 figure\(s\) \(130108: 0\); \d+ unchanged\.$/m);
  });

  it('imports new figures as the system, submitted unless the file or --state says otherwise', async () => {
    const file = write('new.csv', [
      HEADER,
      '18,2024,actual,556.3,130108,,统计公报,',
      '市级以上创新平台,2024,actual,６８,130108,draft,,',
      '2,2024,actual,"2,700",130104,approved,,',
    ]);
    const run = await cli('values', 'import', file);
    expect(run.err).toBe('');
    expect(run.out).toContain('Imported 3 figure(s) (130108: 2, 130104: 1); 0 unchanged.');
    const rows = await exported('--year', '2024');
    expect(rows).toContain('18,2024,actual,556.3,130108,submitted,统计公报,,');
    expect(rows).toContain('4,2024,actual,68,130108,draft,,,');
    const qiaoxi = await cli('values', 'export', '130104', '--year', '2024');
    expect(qiaoxi.out).toContain('2,2024,actual,2700,130104,approved,,');
  });

  it('lists every problem of a file with its line and column, and changes nothing', async () => {
    const before = await exported();
    const file = write('bad.csv', [
      HEADER,
      '4,2024,actual,abc,130108,,,',
      '99,2024,actual,1,130108,,,',
      '4,2023,actual,70,130108,,,',
      '4,2024,actual,64,999999,,,',
      '4,2024,assigned_target,64,130108,,,',
      '1,2024,actual,6,130108,returned,,',
    ]);
    const run = await cli('values', 'import', file);
    expect(run.code).toBe(1);
    expect(run.err).toContain('nothing was imported');
    expect(run.err).toContain('bad.csv:2 (value): "abc" is not a number');
    expect(run.err).toContain('bad.csv:3 (indicator)');
    expect(run.err).toContain('bad.csv:5 (district): no plan for district 999999');
    expect(await exported()).toEqual(before);

    const figures = write('figures.csv', [
      HEADER,
      '4,2023,actual,70,130108,,,',
      '4,2024,assigned_target,64,130108,,,',
      '1,2024,actual,6,130108,returned,,',
    ]);
    const second = await cli('values', 'import', figures);
    expect(second.err).toContain('figures.csv:4 (state): returned figures cannot be imported');
    const third = await cli(
      'values',
      'import',
      write('locked.csv', [
        HEADER,
        '4,2023,actual,70,130108,,,',
        '4,2024,assigned_target,64,130108,,,',
      ]),
    );
    expect(third.err).toContain('locked.csv:2 (value): the figure is approved');
    expect(third.err).toContain('locked.csv:3 (value): only indicators the city assigns targets');
    expect(await exported()).toEqual(before);
  });

  it('an absurd figure is refused, naming the line and the range; nothing is imported', async () => {
    const before = await exported();
    const file = write('absurd.csv', [
      'indicator,year,kind,value',
      '4,2024,actual,1e308',
      `4,2025,actual,${'9'.repeat(20)}`,
      '1,2024,actual,0.0000001',
    ]);
    const refused = await cli('values', 'import', file, '--district', '130108');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `absurd.csv:3 (value): "${'9'.repeat(20)}" is out of range: a figure must be 0, or between 0.000001 and 1,000,000,000,000`,
    );
    expect(refused.err).toContain('absurd.csv:4 (value): "0.0000001" is out of range');
    expect(refused.err).toContain('absurd.csv:2 (value): "1e308" is not a number');
    expect(await exported()).toEqual(before);
  });

  it('a far-off figure needs --reason, which confirms it', async () => {
    const file = write('far.csv', ['indicator,year,kind,value', '4,2024,actual,200']);
    const refused = await cli('values', 'import', file, '--district', '130108');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/far\.csv:2 \(value\): differs from last year's 66 by \d+/);
    const confirmed = await cli(
      'values',
      'import',
      file,
      '--district',
      '130108',
      '--state',
      'approved',
      '--reason',
      '新认定平台',
    );
    expect(confirmed.out).toContain('Imported 1 figure(s) (130108: 1); 0 unchanged.');
    expect(await exported('--year', '2024')).toContain('4,2024,actual,200,130108,approved,,,');
  });

  it('the evaluate CLI’s values file imports with --district and --state, and counts in the assessment', async () => {
    const file = write('values.csv', [
      'indicator,year,kind,value',
      '城市空气质量优良天数比率,2024,assigned_target,72',
      '城市空气质量优良天数比率,2024,actual,75',
    ]);
    const run = await cli('values', 'import', file, '--district', '130108', '--state', 'approved');
    expect(run.code).toBe(0);
    const evaluated = await cli('evaluate', '130108', '--year', '2024', '--format', 'json');
    const air = JSON.parse(evaluated.out).indicators.find((i: { seq: number }) => i.seq === 16);
    expect(air).toMatchObject({ latestYear: 2024, status: 'on_track' });
    expect(await exported('--year', '2024')).toContain(
      '16,2024,assigned_target,72,130108,approved,,,at_least',
    );
  });

  it('an assigned target’s comparator imports by key, word or symbol, and exports in force', async () => {
    const demo = await exported('--year', '2023');
    const targets = demo.filter((r) => r.includes(',assigned_target,'));
    expect(targets.length).toBeGreaterThan(3);
    for (const row of targets) expect(row).toMatch(/,(at_least|at_most)$/);
    for (const row of demo.filter((r) => r.includes(',actual,'))) expect(row).toMatch(/,$/);
    const file = write('comparators.csv', [
      `${HEADER},comparator`,
      '16,2025,assigned_target,72,130108,draft,,,不高于',
      '8,2025,assigned_target,5.5,130108,draft,,,<',
      '13,2025,assigned_target,11,130108,draft,,,',
    ]);
    const run = await cli('values', 'import', file);
    expect(run.err).toBe('');
    expect(run.out).toContain('Imported 3 figure(s) (130108: 3); 0 unchanged.');
    const rows = await exported('--year', '2025');
    expect(rows).toContain('16,2025,assigned_target,72,130108,draft,,,at_most');
    expect(rows).toContain('8,2025,assigned_target,5.5,130108,draft,,,below');
    expect(rows).toContain('13,2025,assigned_target,11,130108,draft,,,at_least');
    const only = write('only.csv', [
      'indicator,year,kind,value,comparator',
      '16,2025,assigned_target,72,above',
    ]);
    const changed = await cli('values', 'import', only, '--district', '130108', '--state', 'draft');
    expect(changed.out).toContain('Imported 1 figure(s) (130108: 1); 0 unchanged.');
    expect(await exported('--year', '2025')).toContain(
      '16,2025,assigned_target,72,130108,draft,,,above',
    );
    const again = await cli('values', 'import', path('comparators.csv'));
    expect(again.out).toContain('Imported 1 figure(s) (130108: 1); 2 unchanged.');
  });

  it('a bad comparator, or one on an actual, is named by line and column, and nothing changes', async () => {
    const before = await exported();
    const file = write('bad-comparators.csv', [
      `${HEADER},comparator`,
      '16,2025,assigned_target,75,130108,,,,大约',
      '16,2025,actual,76,130108,,,,≥',
      '18,2025,actual,600,130108,,,,',
    ]);
    const run = await cli('values', 'import', file);
    expect(run.code).toBe(1);
    expect(run.err).toContain('nothing was imported');
    expect(run.err).toContain('bad-comparators.csv:2 (comparator): "大约" is not a comparator');
    expect(run.err).toContain(
      'bad-comparators.csv:3 (comparator): an actual has no comparator ("≥"); only an assigned_target row has one',
    );
    expect(run.err).not.toContain('bad-comparators.csv:4');
    expect(await exported()).toEqual(before);
  });

  it('a filled .xlsx template imports as drafts; a bad cell is named by its address', async () => {
    const run = await cli(
      'values',
      'export',
      '130108',
      '--year',
      '2024',
      '--format',
      'xlsx',
      '--out',
      path('t.xlsx'),
    );
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path('t.xlsx'));
    const sheet = wb.getWorksheet('填报 Entry')!;
    let gdp = 0;
    sheet.eachRow((row, r) => {
      if (row.getCell(1).value === 1) gdp = r;
    });
    sheet.getRow(gdp).getCell(9).value = '五点六';
    await wb.xlsx.writeFile(path('bad.xlsx'));
    const bad = await cli('values', 'import', path('bad.xlsx'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`'填报 Entry'!I${gdp}: "五点六" is not a number`);
    sheet.getRow(gdp).getCell(9).value = 5.6;
    await wb.xlsx.writeFile(path('good.xlsx'));
    const good = await cli('values', 'import', path('good.xlsx'));
    expect(good.out).toContain('Imported 1 figure(s) of 130108 2024 as drafts.');
    expect(await exported('--year', '2024')).toContain('1,2024,actual,5.6,130108,draft,,,');
  });

  it('an .xlsx import names each problem’s row and indicator, refuses a fraction of a count and reports an edited 规划目标', async () => {
    const out = path('t2025.xlsx');
    await cli('values', 'export', '130108', '--year', '2025', '--format', 'xlsx', '--out', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('填报 Entry')!;
    let r = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 4) r = n;
    });
    sheet.getRow(r).getCell(9).value = 70.5;
    sheet.getRow(r).getCell(7).value = '2025 年达到 60 个';
    await wb.xlsx.writeFile(path('fraction.xlsx'));
    const bad = await cli('values', 'import', path('fraction.xlsx'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(
      `row ${r} (indicator 4 市级以上创新平台) '填报 Entry'!I${r}: indicator 4 市级以上创新平台 is counted in "个": give a whole number, not 70.5`,
    );
    expect(bad.err).toContain('1 cell(s) of the plan were edited and not taken:');
    expect(bad.err).toContain(
      `row ${r} (indicator 4 市级以上创新平台) '填报 Entry'!G${r}: The 规划目标 target cell is read-only: the workbook has "2025 年达到 60 个"`,
    );
    sheet.getRow(r).getCell(9).value = 70;
    // Earlier tests may leave 2024 far from 70: the reason confirms it.
    sheet.getRow(r).getCell(14).value = '核实';
    await wb.xlsx.writeFile(path('whole.xlsx'));
    const good = await cli('values', 'import', path('whole.xlsx'));
    expect(good.code).toBe(0);
    expect(good.out).toContain('Imported 1 figure(s) of 130108 2025 as drafts.');
    expect(good.out).toContain(`'填报 Entry'!G${r}: The 规划目标 target cell is read-only`);
  });

  it.each([
    [['values', 'export', '1301'], 'district code must be 6 digits'],
    [
      ['values', 'export', '130108', '--format', 'xlsx', '--out', 'x.xlsx'],
      '--format xlsx needs --year',
    ],
    [['values', 'export', '130108', '--year', '24'], '--year must be a four-digit year'],
    [['values', 'export', '999999'], 'no plan for district 999999'],
    [['values', 'import', 'none.csv'], 'cannot read none.csv'],
    [['values', 'import', 'x.csv', '--district', '13'], '--district must be 6 digits'],
  ])('%j is refused: %s', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(1);
    expect(run.err).toContain(message);
  });
});
