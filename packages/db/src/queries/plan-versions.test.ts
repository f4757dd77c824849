import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../client';
import { builtInPlans } from '../seed/builtin';
import { describeDb } from '../testing';
import { upsertDistrict } from './districts';
import { importPlan } from './plans';
import { listPlanVersions, loadPlanInputs, loadPlanInputsById } from './scorecard';
import { saveValues, transitionValues } from './values';

const YUHUA = '130108';
const QIAOXI = '130104';

describeDb('plan versions: what a cached summary of a plan depends on', (get) => {
  const versionOf = async (code: string) =>
    (await listPlanVersions(get().db, [code]))[0]?.version ?? null;
  const revisions = async () =>
    Object.fromEntries(
      (
        await queryRows<{ code: string; revision: number }>(
          get().db,
          sql`select p.district_id as code, r.revision::int as revision
            from plan_revisions r join plans p on p.id = r.plan_id`,
        )
      ).map((r) => [r.code, r.revision]),
    );

  beforeAll(async () => {
    for (const file of builtInPlans().slice(0, 2)) await importPlan(get().db, file);
    await upsertDistrict(get().db, {
      code: '130102',
      name: '长安区',
      city: '石家庄市',
      province: '河北省',
    });
  });

  it('lists every district in scope by code, with its latest plan or none', async () => {
    const all = await listPlanVersions(get().db, 'all');
    expect(all.map((d) => [d.code, d.planId !== null, d.version !== null])).toEqual([
      ['130102', false, false],
      [QIAOXI, true, true],
      [YUHUA, true, true],
    ]);
    expect(all.find((d) => d.code === YUHUA)).toMatchObject({ name: '裕华区', city: '石家庄市' });
    expect((await listPlanVersions(get().db, [YUHUA])).map((d) => d.code)).toEqual([YUHUA]);
    expect(await listPlanVersions(get().db, [])).toEqual([]);
    expect(await listPlanVersions(get().db, ['999999'])).toEqual([]);
  });

  it('stays the same while drafts are saved and submitted, and changes when values are approved', async () => {
    const db = get().db;
    const start = await versionOf(YUHUA);
    await saveValues(
      db,
      YUHUA,
      [{ seq: 4, year: 2021, kind: 'actual', value: 54, version: null }],
      'o',
    );
    await transitionValues(db, YUHUA, 'submit', { year: 2021 }, 'o');
    expect(await versionOf(YUHUA)).toBe(start);
    await transitionValues(db, YUHUA, 'approve', { year: 2021 }, 'r');
    const approved = await versionOf(YUHUA);
    expect(approved).not.toBe(start);
    expect(await versionOf(QIAOXI)).not.toBeNull();
    expect((await revisions())[QIAOXI]).toBeUndefined();

    // Reopening an approved figure takes it out of the evaluation: a change too.
    await transitionValues(db, YUHUA, 'reopen', { year: 2021 }, 'r', '数据有误');
    expect(await versionOf(YUHUA)).not.toBe(approved);
  });

  it('bumps each plan once per statement, whatever writes the values, and on deletion', async () => {
    const db = get().db;
    const before = await revisions();
    await db.execute(sql`insert into yearly_values (indicator_id, year, kind, value, state, updated_by)
      select id, 2022, 'actual', 1, 'approved', 'psql' from indicators
      where plan_id in (select id from plans where district_id in (${YUHUA}, ${QIAOXI}))
        and seq in (1, 2, 3)`);
    const after = await revisions();
    expect(after[YUHUA]).toBe((before[YUHUA] ?? 0) + 1);
    expect(after[QIAOXI]).toBe((before[QIAOXI] ?? 0) + 1);

    const qiaoxi = await versionOf(QIAOXI);
    await db.execute(sql`delete from yearly_values where year = 2022 and updated_by = 'psql'
      and indicator_id in (select i.id from indicators i join plans p on p.id = i.plan_id
        where p.district_id = ${QIAOXI})`);
    expect(await versionOf(QIAOXI)).not.toBe(qiaoxi);
    expect((await revisions())[YUHUA]).toBe(after[YUHUA]);

    // A statement that touches no approved figure leaves the revisions alone.
    await db.execute(sql`update yearly_values set note = 'n' where state = 'draft'`);
    expect(await revisions()).toEqual({ ...after, [QIAOXI]: after[QIAOXI]! + 1 });
  });

  it('changes when the plan is imported again', async () => {
    const before = await versionOf(QIAOXI);
    await importPlan(get().db, builtInPlans()[1]!);
    expect(builtInPlans()[1]!.district.code).toBe(QIAOXI);
    expect(await versionOf(QIAOXI)).not.toBe(before);
  });

  it('loads plans by id exactly as by district', async () => {
    const db = get().db;
    const byCode = await loadPlanInputs(db, [YUHUA, QIAOXI], 2023, { lean: true });
    const byId = await loadPlanInputsById(db, byCode.map((p) => p.planId).reverse(), 2023, {
      lean: true,
    });
    expect(byId).toEqual(byCode);
    expect(byId.some((p) => p.values.length > 0)).toBe(true);
    expect(await loadPlanInputsById(db, [])).toEqual([]);
  });
});
