import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { planFileSchema, PLAN_FORMAT, type Indicator, type PlanFile } from '@pm/core';
import { describeDb } from '../testing';
import { indicators, valueDeletions, yearlyValues } from '../schema';
import { listDistricts } from './districts';
import { exportPlan, importPlan, PlanImportError } from './plans';
import { loadDeletions, removeValue } from './values';
import { builtInPlans } from '../seed/builtin';

function indicator(seq: number, name: string, overrides: Partial<Indicator> = {}): Indicator {
  return {
    seq,
    category: '创新驱动',
    name,
    unit: '个',
    attribute: 'expected',
    leadDepartment: null,
    raw: { baseline: '50', target: '70', rate: '6', attribute: '预期性' },
    target: {
      form: 'level',
      baseline: 50,
      value: 70,
      rate: 6,
      cumulative: null,
      sumOf: null,
      comparator: null,
      tolerance: null,
      direction: 'increase',
      linkedTo: null,
      baselineYear: null,
    },
    revisions: [],
    source: {
      document: '裕华区“十四五”规划纲要',
      line: 283,
      kind: 'table',
      quote: '4. 市级以上创新平台 (个)\t50\t70\t6\t预期性',
    },
    ...overrides,
  };
}

const plan: PlanFile = planFileSchema.parse({
  format: PLAN_FORMAT,
  district: { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' },
  plan: {
    title: '裕华区国民经济和社会发展第十四个五年规划',
    baselineYear: 2020,
    midtermYear: 2023,
    targetYear: 2025,
  },
  indicators: [
    indicator(1, '市级以上创新平台'),
    indicator(2, '每千人口执业(助理)医师数', { unit: '人' }),
  ],
});

describeDb('plan import and export', (get) => {
  it('export → import → export is identical', async () => {
    const { db } = get();
    const first = await importPlan(db, plan);
    expect(first).toMatchObject({ created: true, added: 2, updated: 0, removed: 0 });
    const exported = await exportPlan(db, '130108');
    expect(exported).toEqual(plan);
    const again = await importPlan(db, exported!);
    expect(again).toMatchObject({ created: false, added: 0, updated: 2 });
    expect(JSON.stringify(await exportPlan(db, '130108'))).toBe(JSON.stringify(exported));
    expect((await listDistricts(db))[0]).toMatchObject({ code: '130108', indicatorCount: 2 });
  });

  it('an unknown district exports nothing', async () => {
    expect(await exportPlan(get().db, '999999')).toBeNull();
  });

  it('an import never removes an indicator that has yearly values, and changes nothing', async () => {
    const { db } = get();
    const [row] = await db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.seq, 2));
    await db
      .insert(yearlyValues)
      .values({ indicatorId: row!.id, year: 2021, kind: 'actual', value: 9.8, updatedBy: 'test' });
    const shrunk = {
      ...plan,
      plan: { ...plan.plan, title: 'changed' },
      indicators: [plan.indicators[0]!],
    };
    const error = await importPlan(db, shrunk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanImportError);
    expect((error as Error).message).toContain('indicator 2 of 130108 has yearly values');
    expect(await exportPlan(db, '130108')).toEqual(plan);
  });

  it('an import never removes an indicator whose removed figures are on record', async () => {
    const { db } = get();
    const [row] = await db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.seq, 1));
    const [value] = await db
      .insert(yearlyValues)
      .values({ indicatorId: row!.id, year: 2021, kind: 'actual', value: 55, updatedBy: 'test' })
      .returning({ id: yearlyValues.id, version: yearlyValues.version });
    expect(await removeValue(db, '130108', value!, 'official')).toBe(true);
    const shrunk = { ...plan, indicators: [plan.indicators[1]!] };
    const error = await importPlan(db, shrunk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanImportError);
    expect((error as Error).message).toContain('indicator 1 of 130108 has yearly values');
    expect(await loadDeletions(db, '130108', { seq: 1 })).toHaveLength(1);
    await db.delete(valueDeletions);
  });

  it('removes an indicator without values and adds new ones', async () => {
    const { db } = get();
    const changed = {
      ...plan,
      indicators: [
        indicator(2, '每千人口执业(助理)医师数', { unit: '人' }),
        indicator(3, '新指标'),
      ],
    };
    expect(await importPlan(db, changed)).toMatchObject({ added: 1, updated: 1, removed: 1 });
    expect((await exportPlan(db, '130108'))?.indicators.map((i) => i.seq)).toEqual([2, 3]);
  });
});

describeDb('an import keeps the revisions made since', (get) => {
  it('a file without a stored revision does not undo it', async () => {
    const { db } = get();
    const [yuhua] = builtInPlans().filter((p) => p.district.code === '130108');
    await importPlan(db, yuhua!);
    const revised = {
      ...yuhua!,
      indicators: yuhua!.indicators.map((i) =>
        i.seq === 1
          ? {
              ...i,
              revisions: [
                {
                  fromYear: 2024,
                  target: i.target,
                  text: '调整',
                  document: '区政府令 2024 第 1 号',
                  reason: '中期评估',
                  revisedBy: 'admin',
                  revisedAt: '2024-05-01T00:00:00.000Z',
                },
              ],
            }
          : i,
      ),
    };
    await importPlan(db, revised);
    await importPlan(db, yuhua!);
    const again = await exportPlan(db, '130108');
    expect(again?.indicators.find((i) => i.seq === 1)?.revisions).toEqual(
      revised.indicators.find((i) => i.seq === 1)?.revisions,
    );
  });
});
