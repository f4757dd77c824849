import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeDb } from '../testing';
import { builtInPlans } from '../seed/builtin';
import { importPlan, loadPlan, loadPlanById } from '../queries/plans';
import {
  loadHistory,
  loadValues,
  saveValues,
  transitionValues,
  ValueError,
} from '../queries/values';
import type { PlanFile } from '@pm/core';
import { demoValues } from './generate';
import { clearDemoValues, insertDemoValues, seedDemoValues } from './store';

const YUHUA = '130108';

const planOf = async (db: Parameters<typeof loadPlan>[0], code: string) =>
  (await loadPlanById(db, (await loadPlan(db, code))!.id))!;

describeDb('demo figures: the flag, not the source text, marks them', (get) => {
  const figure = async (seq: number, year: number) =>
    (await loadValues(get().db, YUHUA))!.values.find((v) => v.seq === seq && v.year === year);

  beforeAll(async () => {
    const yuhua = builtInPlans().find((f) => f.district.code === YUHUA)!;
    await importPlan(get().db, yuhua);
  });

  it('a person cannot give the source "demo", however spelled', async () => {
    for (const source of [' demo ', 'DEMO', 'ｄｅｍｏ']) {
      const error = await saveValues(
        get().db,
        YUHUA,
        [{ seq: 18, year: 2021, kind: 'actual', value: 1500, version: null, source }],
        'official',
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValueError);
      expect((error as ValueError).problems).toEqual([{ index: 0, code: 'reserved_source' }]);
    }
    expect(await figure(18, 2021)).toBeUndefined();
  });

  it('demo clear leaves an approved real figure whose source reads "demo", with its history', async () => {
    const { db } = get();
    const [saved] = (await saveValues(
      db,
      YUHUA,
      [{ seq: 18, year: 2021, kind: 'actual', value: 1500, version: null, source: '统计公报' }],
      'official',
    ))!;
    const [submitted] = (await transitionValues(
      db,
      YUHUA,
      'submit',
      { cells: [{ id: saved!.id, version: saved!.version }] },
      'official',
    ))!;
    await transitionValues(
      db,
      YUHUA,
      'approve',
      { cells: [{ id: submitted!.id, version: submitted!.version }] },
      'reviewer',
    );
    // How a source of " demo " was stored before it was refused.
    await db.execute(sql`update yearly_values set source = 'demo' where id = ${saved!.id}`);
    await insertDemoValues(db, await planOf(db, YUHUA), [
      { seq: 4, year: 2021, kind: 'actual', value: 50 },
      { seq: 4, year: 2022, kind: 'actual', value: 55 },
    ]);
    expect((await figure(4, 2021))?.demo).toBe(true);
    expect((await figure(18, 2021))?.demo).toBe(false);

    expect(await clearDemoValues(db)).toBe(2);
    expect(await figure(4, 2021)).toBeUndefined();
    expect(await figure(18, 2021)).toMatchObject({
      source: 'demo',
      state: 'approved',
      demo: false,
    });
    expect((await loadHistory(db, YUHUA, saved!.id))?.entries).toHaveLength(3);
  });

  it('a person’s figure over an illustrative one is theirs: demo clear leaves it', async () => {
    const { db } = get();
    await insertDemoValues(db, await planOf(db, YUHUA), [
      { seq: 4, year: 2023, kind: 'actual', value: 60 },
    ]);
    const demo = (await figure(4, 2023))!;
    expect(demo).toMatchObject({ demo: true, source: 'demo', note: '演示数据' });
    const [reopened] = (await transitionValues(
      db,
      YUHUA,
      'reopen',
      { cells: [{ id: demo.id, version: demo.version }] },
      'reviewer',
      '换成统计公报数据',
    ))!;
    expect(reopened?.demo).toBe(true);
    const [saved] = (await saveValues(
      db,
      YUHUA,
      [{ seq: 4, year: 2023, kind: 'actual', value: 61, version: reopened!.version }],
      'official',
    ))!;
    expect(saved).toMatchObject({ demo: false, source: null, note: null });
    expect(await clearDemoValues(db)).toBe(0);
    expect(await figure(4, 2023)).toMatchObject({ value: 61, demo: false });
  });
});

/** A synthetic district holding a 14th plan and a 15th one (no real 15th plan is shipped). */
const TEST_DISTRICT = { code: '999001', name: '测试区', city: '测试市', province: '测试省' };

function testPlans(): [PlanFile, PlanFile] {
  const yuhua = builtInPlans().find((f) => f.district.code === YUHUA)!;
  const { baselineYear: B, midtermYear: M, targetYear: Y } = yuhua.plan;
  const span = Y - B;
  const fourteenth = { ...yuhua, district: TEST_DISTRICT };
  const fifteenth: PlanFile = {
    ...fourteenth,
    plan: {
      ...yuhua.plan,
      title: '测试区第十五个五年规划（测试用）',
      baselineYear: B + span,
      midtermYear: M + span,
      targetYear: Y + span,
    },
  };
  return [fourteenth, fifteenth];
}

describeDb(
  'demo seed: every plan of the district that has started, up to the reporting year',
  (get) => {
    const [fourteenth, fifteenth] = testPlans();
    const ids: number[] = [];
    const stored = async (planId: number) =>
      (await loadValues(get().db, { code: TEST_DISTRICT.code, planId }))!.values
        .map((v) => ({ seq: v.seq, year: v.year, kind: v.kind, value: v.value, demo: v.demo }))
        .sort((a, b) => a.seq - b.seq || a.year - b.year || a.kind.localeCompare(b.kind));
    const expected = (file: PlanFile, upTo: number) =>
      demoValues(file, upTo)
        .map((v) => ({ seq: v.seq, year: v.year, kind: v.kind, value: v.value, demo: true }))
        .sort((a, b) => a.seq - b.seq || a.year - b.year || a.kind.localeCompare(b.kind));

    beforeAll(async () => {
      for (const file of [fourteenth, fifteenth])
        ids.push((await importPlan(get().db, file)).planId);
    });

    it('a plan whose first year is not reported yet gets no figures', async () => {
      const Y = fourteenth.plan.targetYear;
      const count = await seedDemoValues(get().db, TEST_DISTRICT.code, Y);
      expect(count).toBe(expected(fourteenth, Y).length);
      expect(await stored(ids[0]!)).toEqual(expected(fourteenth, Y));
      expect(await stored(ids[1]!)).toEqual([]);
    });

    it('the next plan gets the figures of its reported years, never of a later one', async () => {
      const first = fifteenth.plan.baselineYear + 1;
      const count = await seedDemoValues(get().db, TEST_DISTRICT.code, first);
      expect(count).toBe(expected(fifteenth, first).length);
      const figures = await stored(ids[1]!);
      expect(figures).toEqual(expected(fifteenth, first));
      expect(Math.max(...figures.map((v) => v.year))).toBe(first);
      expect(await stored(ids[0]!)).toEqual(expected(fourteenth, fourteenth.plan.targetYear));
    });

    it('seeding again stores only what is missing and keeps a person’s figure', async () => {
      const { db } = get();
      const year = fifteenth.plan.baselineYear + 2;
      const [figure] = demoValues(fifteenth, year).filter(
        (v) => v.year === year && v.kind === 'actual',
      );
      await saveValues(
        db,
        { code: TEST_DISTRICT.code, planId: ids[1]! },
        [{ seq: figure!.seq, year, kind: 'actual', value: figure!.value, version: null }],
        'official',
      );
      const added = await seedDemoValues(db, TEST_DISTRICT.code, year);
      expect(added).toBe(demoValues(fifteenth, year).filter((v) => v.year === year).length - 1);
      const mine = (await stored(ids[1]!)).find((v) => v.seq === figure!.seq && v.year === year);
      expect(mine).toMatchObject({ value: figure!.value, demo: false });
      expect(await seedDemoValues(db, TEST_DISTRICT.code, year)).toBe(0);
    });
  },
);
