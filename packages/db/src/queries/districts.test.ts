import { expect, it } from 'vitest';
import { describeDb } from '../testing';
import { listDistricts, upsertDistrict } from './districts';
import { importPlan } from './plans';
import { builtInPlans } from '../seed/builtin';

describeDb('listDistricts', (get) => {
  it('is empty on a new database', async () => {
    expect(await listDistricts(get().db)).toEqual([]);
  });

  it('lists districts by code with zero indicators before a plan is imported', async () => {
    const { db } = get();
    await upsertDistrict(db, {
      code: '410703',
      name: '卫滨区',
      city: '新乡市',
      province: '河南省',
    });
    await upsertDistrict(db, {
      code: '130108',
      name: '裕华区',
      city: '石家庄市',
      province: '河北省',
    });
    const list = await listDistricts(db);
    expect(list.map((d) => [d.code, d.name, d.indicatorCount, d.planTitle])).toEqual([
      ['130108', '裕华区', 0, null],
      ['410703', '卫滨区', 0, null],
    ]);
  });

  it('returns only the districts in scope', async () => {
    const { db } = get();
    expect((await listDistricts(db, ['410703'])).map((d) => d.code)).toEqual(['410703']);
    expect(await listDistricts(db, [])).toEqual([]);
  });

  it('updates names of an existing code instead of adding a second row', async () => {
    const { db } = get();
    await upsertDistrict(db, {
      code: '130108',
      name: '裕华区',
      city: '石家庄市',
      province: '河北省(更正)',
    });
    const list = await listDistricts(db);
    expect(list).toHaveLength(2);
    expect(list[0]?.province).toBe('河北省(更正)');
  });
});

describeDb('listDistricts with plans of two periods', (get) => {
  it('shows one plan, the latest or the period asked for, and lists both periods', async () => {
    const { db } = get();
    const [yuhua] = builtInPlans().filter((p) => p.district.code === '130108');
    await importPlan(db, yuhua!);
    // A synthetic next plan (never shipped): three indicators, 2025 → 2030.
    await importPlan(db, {
      ...yuhua!,
      plan: {
        ...yuhua!.plan,
        title: '测试用下一期规划',
        baselineYear: 2025,
        midtermYear: 2028,
        targetYear: 2030,
      },
      indicators: yuhua!.indicators.slice(0, 3),
    });
    const [latest] = await listDistricts(db, ['130108']);
    expect(latest).toMatchObject({ indicatorCount: 3, planTitle: '测试用下一期规划' });
    expect(latest?.periods).toEqual([
      { baselineYear: 2020, targetYear: 2025 },
      { baselineYear: 2025, targetYear: 2030 },
    ]);
    const [first] = await listDistricts(db, ['130108'], { baselineYear: 2020, targetYear: 2025 });
    expect(first).toMatchObject({
      indicatorCount: yuhua!.indicators.length,
      planTitle: yuhua!.plan.title,
    });
    const [none] = await listDistricts(db, ['130108'], { baselineYear: 2030, targetYear: 2035 });
    expect(none).toMatchObject({ indicatorCount: 0, planTitle: null });
  });
});
