import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listDistrictPlans, loadValues, saveValues } from '@pm/db';
import { carryOverFigures, carryOverPlans } from '@pm/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from './context';
import { cli, useDataFolder } from './testing';

const CODE = '999001';

describe('plan carry-over', () => {
  const { scratch } = useDataFolder();

  beforeAll(async () => {
    const { previous, next } = carryOverPlans();
    for (const [name, file] of [
      ['previous.json', previous],
      ['next.json', next],
    ] as const) {
      writeFileSync(join(scratch(), name), JSON.stringify(file));
    }
    expect((await cli('plan', 'import', join(scratch(), 'previous.json'))).code).toBe(0);
    await withDatabase(async (h) => {
      const [plan] = await listDistrictPlans(h.db, CODE);
      await saveValues(h.db, { code: CODE, planId: plan!.id }, carryOverFigures(), 'statistician');
    });
    expect((await cli('plan', 'import', join(scratch(), 'next.json'))).code).toBe(0);
  }, 60_000);

  it('prints the proposals with both numbers of a disagreement, and changes nothing', async () => {
    const run = await cli('plan', 'carry-over', CODE, '--period', '2026-2030');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      '承接上期基数 999001: 十四五（2021–2025） → 十五五（2026–2030）, 2025 年',
    );
    expect(run.out).toMatch(
      /1 +地区生产总值★ +亿 元 +1 地区生产总值 +412\.5 +承接 2025 年审定值 412\.5 为基数/,
    );
    expect(run.out).toMatch(
      /2\.4 +2\.14 +\+12\.1% +⚠ 保留规划基数 2\.4；比上期 2025 年审定值 2\.14 高 12\.1%/,
    );
    expect(run.out).toContain('2 figure(s) to carry over; run again with --apply to store them.');
    const stored = await withDatabase(async (h) => {
      const plans = await listDistrictPlans(h.db, CODE);
      return loadValues(h.db, { code: CODE, planId: plans[1]!.id });
    });
    expect(stored!.values).toEqual([]);
  });

  it('takes matches by hand and refuses one it cannot read', async () => {
    const run = await cli('plan', 'carry-over', CODE, '--period', '十五五', '--match', '8=3');
    expect(run.out).toMatch(/8 +数字经济核心产业增加值占比 +% +3 研发经费投入强度（手动）/);
    const bad = await cli('plan', 'carry-over', CODE, '--period', '2026-2030', '--match', '8:3');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--match: “8:3” is not a match');
    const unknown = await cli(
      'plan',
      'carry-over',
      CODE,
      '--period',
      '2026-2030',
      '--match',
      '8=30',
    );
    expect(unknown.err).toContain('matches.0: the previous plan (2021-2025) has no indicator 30');
  });

  it('--apply stores every figure marked to carry over', async () => {
    const run = await cli('plan', 'carry-over', CODE, '--period', '2026-2030', '--apply');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'Carried over 2 figure(s) of 2025 into 十五五（2026–2030）: 1 地区生产总值★ 412.5, 6 常住人口（万人） 80.3',
    );
    const again = await cli('plan', 'carry-over', CODE, '--period', '2026-2030');
    expect(again.out).toContain('Nothing to carry over.');
  });

  it('a plan with none before it says so', async () => {
    const run = await cli('plan', 'carry-over', CODE, '--period', '2021-2025');
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      '999001 has no plan before 十四五（2021–2025） to carry figures over from',
    );
  });
});
