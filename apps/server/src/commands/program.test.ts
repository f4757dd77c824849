import { describe, expect, it } from 'vitest';
import { cli, useDataFolder } from './testing';

describe('CLI', () => {
  useDataFolder();

  it('db migrate brings a new data folder up to date', async () => {
    const run = await cli('db', 'migrate');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Database is up to date \(pglite .*data\)/);
  });

  it('a new data folder lists the five built-in districts with their indicator counts', async () => {
    const run = await cli('districts', '--format', 'json');
    expect(run.code).toBe(0);
    const list = JSON.parse(run.out) as { code: string; indicatorCount: number }[];
    expect(list.map((d) => d.code)).toEqual(['120105', '130104', '130108', '410402', '410703']);
    expect(list.every((d) => d.indicatorCount > 0)).toBe(true);
  });

  it('districts prints a table by default', async () => {
    const run = await cli('districts');
    expect(run.out.split('\n')[0]).toMatch(/^code\s+name\s+city\s+province\s+plans\s+indicators$/);
    expect(run.out).toMatch(/130108\s+裕华区\s+石家庄市\s+河北省\s+2021-2025\s+20/);
  });

  it('districts shows the plan of --period, and refuses what is not a period', async () => {
    const none = JSON.parse((await cli('districts', '--period', '十五五', '--format', 'json')).out);
    expect(none.every((d: { indicatorCount: number }) => d.indicatorCount === 0)).toBe(true);
    const bad = await cli('districts', '--period', 'soon');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--period: “soon” is not a period');
  });

  it('an unknown format is refused with the allowed choices', async () => {
    const run = await cli('districts', '--format', 'xml');
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('Allowed choices are table, json');
  });

  it('demo clear removes the demo figures once', async () => {
    const first = await cli('demo', 'clear');
    expect(first.out).toMatch(/^Removed \d+ demo figures\.$/m);
    expect((await cli('demo', 'clear')).out).toContain('No demo figures to remove.');
  });

  it.each([
    [['--help']],
    [['districts', '--help']],
    [['db', 'migrate', '--help']],
    [['plan', 'import', '--help']],
    [['plan', 'export', '--help']],
    [['plan', 'read-table', '--help']],
    [['evaluate', '--help']],
    [['demo', 'clear', '--help']],
  ])('%j prints help and succeeds', async (argv) => {
    const run = await cli(...argv);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Usage: plan-monitor');
  });
});
