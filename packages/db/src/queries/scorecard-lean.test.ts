import { expect, it } from 'vitest';
import { assessPlan } from '@pm/core';
import { describeDb } from '../testing';
import { seedBuiltIn } from '../seed/builtin';
import { loadPlanInputs } from './scorecard';

describeDb('lean plan inputs', (get) => {
  it('assess exactly as the full ones, without the plan texts', async () => {
    const { db } = get();
    await seedBuiltIn(db);
    const full = await loadPlanInputs(db, 'all');
    const lean = await loadPlanInputs(db, 'all', undefined, { lean: true });
    expect(lean.map((p) => p.file.district.code)).toEqual(full.map((p) => p.file.district.code));
    for (const [i, input] of lean.entries()) {
      const assess = (p: typeof input) =>
        assessPlan({
          plan: p.file.plan,
          indicators: p.file.indicators,
          values: p.values,
          year: 2023,
        });
      expect(assess(input)).toEqual(assess(full[i]!));
      expect(
        input.file.indicators.every((ind) => ind.source.quote === null && ind.raw.target === null),
      ).toBe(true);
    }
  });
});
