import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, useDataFolder } from './testing';

describe('evaluate', () => {
  const { scratch } = useDataFolder();
  const path = (name: string) => join(scratch(), name);

  it('assesses a district from the database, as JSON of the documented shape', async () => {
    const run = await cli('evaluate', '130108', '--year', '2023', '--format', 'json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out);
    expect(out.district).toMatchObject({ code: '130108', name: '裕华区' });
    expect(out.year).toBe(2023);
    expect(out.summary).toMatchObject({ total: 20 });
    expect(Object.keys(out.indicators[0]).sort()).toEqual(
      [
        'seq',
        'name',
        'attribute',
        'form',
        'status',
        'reason',
        'completion',
        'timeProgress',
        'pace',
        'latestYear',
        'projection',
        'requiredPace',
        'bindingWarning',
      ].sort(),
    );
  });

  it('prints a table with the summary line by default', async () => {
    const run = await cli('evaluate', '130108', '--year', '2023');
    expect(run.out).toContain('裕华区 (130108) · 2023 · 演示数据');
    expect(run.out).toMatch(/20 indicators, \d+ assessed, \d+% on track; binding warnings: /);
  });

  it('assesses files without a database: worked example 1 is on track', async () => {
    await cli('plan', 'export', '130108', '--out', path('plan.json'));
    writeFileSync(
      path('values.csv'),
      'indicator,year,kind,value\n市级以上创新平台,2023,actual,62\n',
    );
    const run = await cli(
      'evaluate',
      '--plan',
      path('plan.json'),
      '--values',
      path('values.csv'),
      '--year',
      '2023',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const platform = JSON.parse(run.out).indicators.find((i: { seq: number }) => i.seq === 4);
    expect(platform).toMatchObject({
      status: 'on_track',
      completion: 0.6,
      timeProgress: 0.6,
      pace: 1,
    });
  });

  it('lists every bad row of a values file with its line and column', async () => {
    writeFileSync(
      path('bad.csv'),
      'indicator,year,kind,value\n99,2023,actual,1\n4,2023,actual,x\n',
    );
    const run = await cli(
      'evaluate',
      '--plan',
      path('plan.json'),
      '--values',
      path('bad.csv'),
      '--year',
      '2023',
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain('bad.csv:2 (indicator)');
    expect(run.err).toContain('bad.csv:3 (value): "x" is not a number');
  });

  it.each([
    [['evaluate', '130108', '--year', '23'], '--year must be a four-digit year'],
    [['evaluate', '--year', '2023'], 'give a district code, or --plan and --values'],
    [['evaluate', '130108', '--plan', 'p.json', '--values', 'v.csv', '--year', '2023'], 'not both'],
    [['evaluate', '--plan', 'p.json', '--year', '2023'], '--plan and --values go together'],
    [['evaluate', '999999', '--year', '2023'], 'no plan for district 999999'],
  ])('%j is refused: %s', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(1);
    expect(run.err).toContain(message);
  });
});
