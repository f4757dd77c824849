import { expect, it } from 'vitest';
import { assessPlan } from '@pm/core';
import { describeDb } from '../testing';
import { seedBuiltIn } from '../seed/builtin';
import { loadPlanInputs } from './scorecard';
import { importPlan } from './plans';

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

  it('see a re-imported plan at once: the cache of parsed indicators follows the plan row', async () => {
    const { db } = get();
    const before = await loadPlanInputs(db, ['130108'], undefined, { lean: true });
    const file = (await loadPlanInputs(db, ['130108']))[0]!.file;
    const changed = {
      ...file,
      indicators: file.indicators.map((i) =>
        i.seq === 4 ? { ...i, target: { ...i.target, value: 99 } } : i,
      ),
    };
    await importPlan(db, changed);
    const after = await loadPlanInputs(db, ['130108'], undefined, { lean: true });
    const t = (inputs: typeof after) =>
      inputs[0]!.file.indicators.find((i) => i.seq === 4)!.target.value;
    expect(t(before)).toBe(70);
    expect(t(after)).toBe(99);
  });
});
