import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeDb } from '../testing';
import { builtInPlans } from '../seed/builtin';
import { importPlan } from '../queries/plans';
import {
  loadHistory,
  loadValues,
  saveValues,
  transitionValues,
  ValueError,
} from '../queries/values';
import { clearDemoValues, insertDemoValues } from './store';

const YUHUA = '130108';

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
    await insertDemoValues(db, YUHUA, [
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
    await insertDemoValues(db, YUHUA, [{ seq: 4, year: 2023, kind: 'actual', value: 60 }]);
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
