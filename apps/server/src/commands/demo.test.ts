import { describe, expect, it } from 'vitest';
import { builtInPlans, demoValues } from '@pm/db';
import { cli, useDataFolder } from './testing';

const YUHUA = '130108';

describe('demo commands', () => {
  useDataFolder();
  const yuhua = builtInPlans().find((f) => f.district.code === YUHUA)!;
  const { midtermYear: M, targetYear: Y } = yuhua.plan;

  it('demo seed stores the figures up to the reporting year, then only the years missing', async () => {
    expect((await cli('demo', 'clear')).code).toBe(0);
    const midway = await cli('demo', 'seed', YUHUA, '--year', String(M));
    expect(midway.out.trim()).toBe(
      `Stored ${demoValues(yuhua, M).length} demo figures up to ${M}.`,
    );
    const end = await cli('demo', 'seed', YUHUA, '--year', String(Y));
    const rest = demoValues(yuhua).length - demoValues(yuhua, M).length;
    expect(end.out.trim()).toBe(`Stored ${rest} demo figures up to ${Y}.`);
    expect((await cli('demo', 'seed', YUHUA, '--year', String(Y))).out.trim()).toBe(
      `No demo figures to add up to ${Y}.`,
    );
    const exported = await cli('values', 'export', YUHUA, '--year', String(Y));
    expect(exported.out).toContain(',demo,演示数据,');
  });

  it('demo seed without districts seeds every district', async () => {
    expect((await cli('demo', 'clear')).code).toBe(0);
    const all = builtInPlans().reduce((n, f) => n + demoValues(f, Y).length, 0);
    expect((await cli('demo', 'seed', '--year', String(Y))).out.trim()).toBe(
      `Stored ${all} demo figures up to ${Y}.`,
    );
  });

  it('demo seed refuses an unknown district and a year that is not one, storing nothing', async () => {
    const unknown = await cli('demo', 'seed', YUHUA, '999999');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no district 999999');
    const badYear = await cli('demo', 'seed', '--year', '25');
    expect(badYear.code).toBe(1);
    expect(badYear.err).toContain('--year must be a four-digit year, got "25"');
  });
});
