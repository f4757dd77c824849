import { readFileSync, writeFileSync } from 'node:fs';
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
    expect(out.plan).toMatchObject({ period: '2021-2025', label: '十四五（2021–2025）' });
    expect(out.kind).toBe('midterm');
    expect(out.summary).toMatchObject({ total: 20 });
    expect(Object.keys(out.indicators[0]).sort()).toEqual(
      [
        'seq',
        'name',
        'attribute',
        'form',
        'status',
        'phase',
        'statusText',
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
    expect(run.out).toMatch(
      /裕华区 \(130108\) · .+ · 十四五（2021–2025） · 2023 中期评估 · 演示数据/,
    );
    expect(run.out).toMatch(/20 indicators, \d+ assessed, \d+% on track; binding warnings: /);
  });

  it('grades the plan of the year asked for once a district has the next plan too', async () => {
    await cli('plan', 'export', '130108', '--out', path('p14.json'));
    const p14 = JSON.parse(readFileSync(path('p14.json'), 'utf8'));
    // A synthetic next plan of three indicators (never shipped as data).
    const next = {
      ...p14,
      plan: {
        ...p14.plan,
        title: '测试用下一期规划',
        baselineYear: 2025,
        midtermYear: 2028,
        targetYear: 2030,
      },
      indicators: p14.indicators.slice(0, 3),
    };
    writeFileSync(path('p15.json'), JSON.stringify(next));
    expect((await cli('plan', 'import', path('p15.json'))).code).toBe(0);
    const of = async (...args: string[]) =>
      JSON.parse((await cli('evaluate', '130108', '--format', 'json', ...args)).out);
    expect((await of('--year', '2023')).summary.total).toBe(20);
    expect((await of('--year', '2025')).kind).toBe('final');
    expect((await of('--year', '2025')).plan.period).toBe('2021-2025');
    expect((await of('--year', '2027')).plan).toMatchObject({
      period: '2026-2030',
      label: '十五五（2026–2030）',
    });
    expect((await of('--year', '2027')).summary.total).toBe(3);
    expect((await of('--year', '2028', '--period', '十五五')).kind).toBe('midterm');
    const exported = await cli('plan', 'export', '130108', '--period', '2026-2030');
    expect(JSON.parse(exported.out).plan.title).toBe('测试用下一期规划');
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

  const evaluateFiles = (values: string, ...rest: string[]) => {
    writeFileSync(path('graded.csv'), `indicator,year,kind,value\n${values}`);
    return cli('evaluate', '--plan', path('plan.json'), '--values', path('graded.csv'), ...rest);
  };
  /** The table line of one indicator. */
  const line = (out: string, name: string) => out.split('\n').find((l) => l.includes(name)) ?? '';
  const yearly = (name: string, ...values: number[]) =>
    values.map((v, k) => `${name},${2021 + k},actual,${v}\n`).join('');

  it('prints 快于预期 midway: worked example 8, 66 by 2023 on 50 → 70', async () => {
    const run = await evaluateFiles('市级以上创新平台,2023,actual,66\n', '--year', '2023');
    expect(run.code).toBe(0);
    expect(line(run.out, '市级以上创新平台')).toMatch(/预期性.*level.*快于预期/);
  });

  it('a final evaluation (E = Y = 2025) prints 完成, 基本完成 and 未完成', async () => {
    const values =
      '市级以上创新平台,2025,actual,71\n' +
      yearly('生产总值(GDP)增长率', 5.2, 5.2, 5.2, 5.2, 5.2) +
      yearly('城镇居民人均可支配收入增长率', 3, 3, 3, 3, 3);
    const run = await evaluateFiles(values, '--year', '2025');
    expect(run.code).toBe(0);
    expect(line(run.out, '市级以上创新平台')).toMatch(/level\s+完成\s/);
    expect(line(run.out, '生产总值(GDP)增长率')).toMatch(/annual_rate\s+基本完成\s/);
    expect(line(run.out, '城镇居民人均可支配收入增长率')).toMatch(/annual_rate\s+未完成\s/);
    expect(run.out).not.toContain('提前实现');

    const json = await evaluateFiles(values, '--year', '2025', '--format', 'json');
    const bySeq = (seq: number) =>
      JSON.parse(json.out).indicators.find((i: { seq: number }) => i.seq === seq);
    expect(bySeq(4)).toMatchObject({
      status: 'achieved',
      phase: 'end',
      statusText: { zh: '完成', en: 'achieved' },
    });
    expect(bySeq(1)).toMatchObject({
      status: 'basically_achieved',
      statusText: { zh: '基本完成' },
    });
    expect(bySeq(7)).toMatchObject({ status: 'not_achieved', statusText: { zh: '未完成' } });
    expect(bySeq(2)).toMatchObject({ status: 'no_data', phase: 'end' });
  });

  it('gives the share on track of the summary: 2 of the 20 at the end are 完成 or 基本完成', async () => {
    const values =
      '市级以上创新平台,2025,actual,71\n' + yearly('生产总值(GDP)增长率', 5.2, 5.2, 5.2, 5.2, 5.2);
    const run = await evaluateFiles(values, '--year', '2025');
    expect(run.out).toContain('20 indicators, 20 assessed, 10% on track');
  });

  it('--help lists the grades of both phases', async () => {
    const run = await cli('evaluate', '--help');
    expect(run.out).toContain('提前实现 · 快于预期 · 基本符合预期 · 滞后预期 · 严重滞后');
    expect(run.out).toContain('完成 · 基本完成 · 未完成');
    expect(run.out).toContain('待下达目标 · 无数据 · 仅监测');
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
    [
      ['evaluate', '130108', '--year', '2032', '--period', '2031-2035'],
      'district 130108 has no plan of 2031-2035 (it has 2021-2025 十四五（2021–2025）',
    ],
    [['evaluate', '130108', '--year', '2023', '--period', '2023'], '“2023” is not a period'],
    [
      ['evaluate', '130108', '--year', '2031'],
      '--year 2031 is outside 十四五（2021–2025） of 130108',
    ],
  ])('%j is refused: %s', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(1);
    expect(run.err).toContain(message);
  });
});
