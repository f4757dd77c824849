import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeDb } from '../testing';
import { indicators, plans, yearlyValues } from '../schema';
import { builtInPlans, seedBuiltIn } from '../seed/builtin';
import { loadAssessmentInput } from './assessment';
import { importPlan } from './plans';
import { listDistrictPlans } from './periods';
import { loadIndicatorRecord, loadPlanInput, loadPlanInputs } from './scorecard';

const key = (v: { seq: number; year: number; kind: string; value: number }) =>
  `${v.seq}/${v.year}/${v.kind}/${v.value}`;

describeDb('scorecard inputs', (get) => {
  beforeAll(async () => {
    // The demo as reported at the mid-term: figures up to M, none of the years after.
    await seedBuiltIn(get().db, builtInPlans()[0]!.plan.midtermYear);
  });

  it('reads every district in scope with its plan and approved values up to the mid-term', async () => {
    const { db } = get();
    const inputs = await loadPlanInputs(db, 'all');
    expect(inputs.map((i) => i.file.district.code)).toEqual(
      builtInPlans()
        .map((p) => p.district.code)
        .sort(),
    );
    for (const input of inputs) {
      const one = await loadAssessmentInput(db, input.file.district.code);
      expect(input.file).toEqual(one?.file);
      expect(input.demo).toBe(true);
      expect(input.values.map(key).sort()).toEqual(one?.values.map(key).sort());
    }
  });

  it('reads only the districts in scope', async () => {
    const { db } = get();
    expect((await loadPlanInputs(db, ['130108'])).map((i) => i.file.district.name)).toEqual([
      '裕华区',
    ]);
    expect(await loadPlanInputs(db, [])).toEqual([]);
  });

  it('leaves out values after the evaluation year and values not approved', async () => {
    const { db } = get();
    const [yuhua] = await loadPlanInputs(db, ['130108'], 2021);
    expect(yuhua?.values.length).toBeGreaterThan(0);
    expect(yuhua?.values.every((v) => v.year <= 2021)).toBe(true);

    const [platforms] = await db
      .select({ id: indicators.id })
      .from(indicators)
      .innerJoin(plans, eq(plans.id, indicators.planId))
      .where(and(eq(plans.districtId, '130108'), eq(indicators.seq, 4)));
    await db.insert(yearlyValues).values({
      indicatorId: platforms!.id,
      year: 2024,
      kind: 'actual',
      value: 66,
      state: 'draft',
      updatedBy: 'official',
    });
    const [later] = await loadPlanInputs(db, ['130108'], 2025);
    expect(later?.values.some((v) => v.seq === 4 && v.year === 2024)).toBe(false);
    expect(later?.planId).toBe(yuhua?.planId);
    expect((await loadPlanInput(db, yuhua!.planId, 2025))?.values).toEqual(later?.values);
  });

  it('lists one indicator’s figures in every state, with their history', async () => {
    const { db } = get();
    const [plan] = await listDistrictPlans(db, '130108');
    const record = await loadIndicatorRecord(db, plan!.id, 4);
    expect(record.values.map((v) => [v.year, v.state])).toEqual([
      [2021, 'approved'],
      [2022, 'approved'],
      [2023, 'approved'],
      [2024, 'draft'],
    ]);
    expect(record.values[0]?.source).toBe('demo');
    expect(record.history).toHaveLength(3);
    expect(record.history.every((h) => h.changedBy === 'demo')).toBe(true);
  });

  it('reads the latest plan of a district that has two', async () => {
    const { db } = get();
    const [current] = builtInPlans().filter((p) => p.district.code === '130104');
    await importPlan(db, {
      ...current!,
      plan: { ...current!.plan, baselineYear: 2025, midtermYear: 2028, targetYear: 2030 },
    });
    const [qiaoxi] = await loadPlanInputs(db, ['130104']);
    expect(qiaoxi?.file.plan.targetYear).toBe(2030);
    expect(qiaoxi?.values).toEqual([]);
  });
});
