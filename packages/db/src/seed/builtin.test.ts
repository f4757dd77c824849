import { expect, it } from 'vitest';
import { assessPlan, GRADES, NOT_GRADED, type Status } from '@pm/core';
import { describeDb } from '../testing';
import { listDistricts } from '../queries/districts';
import { loadAssessmentInput } from '../queries/assessment';
import { clearDemoValues } from '../demo/store';
import { builtInPlans, seedBuiltIn } from './builtin';

describeDb('seeding the built-in plans', (get) => {
  it('fills an empty database with the five districts and their indicators', async () => {
    const { db } = get();
    const result = await seedBuiltIn(db);
    expect(result?.plans).toBe(5);
    expect(result?.demoValues).toBeGreaterThan(100);
    const list = await listDistricts(db);
    expect(list.map((d) => d.code)).toEqual(['120105', '130104', '130108', '410402', '410703']);
    for (const file of builtInPlans()) {
      expect(list.find((d) => d.code === file.district.code)?.indicatorCount).toBe(
        file.indicators.length,
      );
    }
  });

  it('leaves a database that has districts alone', async () => {
    expect(await seedBuiltIn(get().db)).toBeNull();
  });

  it('the demo figures show every mid-period grade and ungraded status at the mid-term year', async () => {
    const { db } = get();
    const seen = new Set<Status>();
    for (const file of builtInPlans()) {
      const input = await loadAssessmentInput(db, file.district.code);
      expect(input?.demo).toBe(true);
      const result = assessPlan({
        plan: file.plan,
        indicators: file.indicators,
        values: input!.values,
        year: 2023,
      });
      for (const a of result.indicators) seen.add(a.status);
    }
    expect([...seen].sort()).toEqual([...GRADES.progress, ...NOT_GRADED].sort());
  });

  it('demo clear removes only the illustrative figures', async () => {
    const { db } = get();
    const removed = await clearDemoValues(db);
    expect(removed).toBeGreaterThan(100);
    const input = await loadAssessmentInput(db, '130108');
    expect(input?.values).toEqual([]);
    expect(input?.demo).toBe(false);
    expect((await listDistricts(db)).length).toBe(5);
  });
});
