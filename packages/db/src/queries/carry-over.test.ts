import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../client';
import { carryOverFigures, carryOverPlans, CARRY_OVER_DISTRICT } from '../carry-over-fixture';
import { describeDb } from '../testing';
import {
  applyCarryOver,
  CarryOverError,
  carryOverSource,
  loadCarryOver,
  previousPlanOf,
} from './carry-over';
import { importPlan } from './plans';
import { loadHistory, saveValues, transitionValues, type PlanRef } from './values';

const CODE = CARRY_OVER_DISTRICT.code;

async function refusal(promise: Promise<unknown>): Promise<CarryOverError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CarryOverError);
  return error as CarryOverError;
}

describe('the plan a plan carries over from', () => {
  const plan = (id: number, baselineYear: number, targetYear: number) => ({
    id,
    baselineYear,
    targetYear,
  });
  it('is the one whose target year is the baseline year, else the latest ending before it', () => {
    const p14 = plan(1, 2020, 2025);
    const p13 = plan(2, 2015, 2020);
    const p15 = plan(3, 2025, 2030);
    expect(previousPlanOf([p13, p14, p15], p15)).toBe(p14);
    expect(previousPlanOf([p13, p15], p15)).toBe(p13);
    expect(previousPlanOf([p14, p15], p14)).toBeNull();
    expect(previousPlanOf([plan(4, 2020, 2035), p15], p15)).toBeNull();
  });
});

describeDb('carry-over into the next plan', (get) => {
  const { previous, next } = carryOverPlans();
  let nextRef: PlanRef;
  let previousRef: PlanRef;

  const counts = async (planId: number) =>
    (
      await queryRows<{ values: number; history: number; events: number }>(
        get().db,
        sql`select
          (select count(*) from yearly_values v join indicators i on i.id = v.indicator_id where i.plan_id = ${planId})::int as values,
          (select count(*) from value_history h join yearly_values v on v.id = h.value_id join indicators i on i.id = v.indicator_id where i.plan_id = ${planId})::int as history,
          (select count(*) from plan_events where plan_id = ${planId} and kind = 'baseline_carried_over')::int as events`,
      )
    )[0]!;

  beforeAll(async () => {
    const { db } = get();
    previousRef = { code: CODE, planId: (await importPlan(db, previous)).planId };
    await saveValues(db, previousRef, carryOverFigures(), 'statistician');
    nextRef = { code: CODE, planId: (await importPlan(db, next)).planId };
  });

  it('a plan with no plan before it has nothing to carry over', async () => {
    const state = await loadCarryOver(get().db, previousRef);
    expect(state).toMatchObject({ previous: null, proposals: { year: 2020, rows: [] } });
  });

  it("proposes the previous plan's approved baseline-year figures, matched by name and unit", async () => {
    const state = (await loadCarryOver(get().db, nextRef))!;
    expect(state.previous).toMatchObject({ id: previousRef.planId, targetYear: 2025 });
    expect(state.previousIndicators.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(
      state.proposals.rows.map((r) => [r.seq, r.match?.seq ?? null, r.previousFigure, r.action]),
    ).toEqual([
      [1, 1, 412.5, 'apply'],
      [2, 2, 36.2, 'keep_printed'],
      [3, 3, 2.14, 'disagree'],
      [4, 4, 5.1, 'nothing'],
      [5, null, null, 'nothing'],
      [6, 6, 80.3, 'apply'],
      [7, null, null, 'nothing'],
      [8, null, null, 'nothing'],
    ]);
  });

  it('a figure not approved is not proposed', async () => {
    const state = (await loadCarryOver(get().db, nextRef, [{ seq: 7, previousSeq: 7 }]))!;
    expect(state.proposals.rows[6]).toMatchObject({
      how: 'manual',
      previousFigure: null,
      why: 'no_figure',
    });
  });

  it('refuses a manual match naming an indicator the plans do not have, saying where', async () => {
    const error = await refusal(loadCarryOver(get().db, nextRef, [{ seq: 7, previousSeq: 70 }]));
    expect(error).toMatchObject({
      reason: 'unknown_previous',
      params: { at: 'matches.0', seq: 70 },
    });
  });

  it('refuses an item that applies nothing, and writes nothing', async () => {
    const before = await counts(nextRef.planId);
    const error = await refusal(
      applyCarryOver(
        get().db,
        nextRef,
        [
          { seq: 1, previousSeq: 1 },
          { seq: 3, previousSeq: 3 },
        ],
        'admin',
      ),
    );
    expect(error).toMatchObject({
      reason: 'not_applicable',
      params: { indicators: '3 研发经费投入强度' },
    });
    expect(await counts(nextRef.planId)).toEqual(before);
  });

  it('stores the chosen figures as approved year-B actuals, with history and a plan event', async () => {
    const { db } = get();
    const result = (await applyCarryOver(
      db,
      nextRef,
      [
        { seq: 1, previousSeq: 1 },
        { seq: 6, previousSeq: 6 },
      ],
      'admin',
    ))!;
    expect(result.year).toBe(2025);
    expect(result.values.map((v) => [v.seq, v.year, v.value, v.state, v.source])).toEqual([
      [1, 2025, 412.5, 'approved', carryOverSource(2025)],
      [6, 2025, 80.3, 'approved', '承接上期规划 2025 年审定值'],
    ]);
    expect(result.values[0]!.note).toBe('十四五（2021–2025）规划第 1 项“地区生产总值”');
    const history = (await loadHistory(db, CODE, result.values[0]!.id))!;
    expect(history.entries).toMatchObject([
      { version: 1, oldValue: null, newValue: 412.5, newState: 'approved', changedBy: 'admin' },
    ]);
    const events = await queryRows<{ seq: number; by: string; detail: Record<string, unknown> }>(
      db,
      sql`select seq, "by", detail from plan_events where plan_id = ${nextRef.planId} and kind = 'baseline_carried_over' order by seq`,
    );
    expect(events).toEqual([
      {
        seq: 1,
        by: 'admin',
        detail: expect.objectContaining({
          year: 2025,
          value: 412.5,
          previousPeriod: '2021-2025',
          previousSeq: 1,
          how: 'name_unit',
          replaced: null,
        }),
      },
      expect.objectContaining({ seq: 6 }),
    ]);
    const after = (await loadCarryOver(db, nextRef))!;
    expect(after.proposals.rows[0]).toMatchObject({ action: 'nothing', why: 'already_stored' });
  });

  it('a figure the plan has is replaced only when asked, and an approved one not at all', async () => {
    const { db } = get();
    const manual = [{ seq: 8, previousSeq: 3 }];
    const [draft] = (await saveValues(
      db,
      nextRef,
      [{ seq: 8, year: 2025, kind: 'actual', value: 9, version: null }],
      'official',
    ))!;
    const before = await counts(nextRef.planId);
    const exists = await refusal(applyCarryOver(db, nextRef, manual, 'admin'));
    expect(exists).toMatchObject({ reason: 'figure_exists', params: { year: 2025 } });
    expect(await counts(nextRef.planId)).toEqual(before);

    const replaced = (await applyCarryOver(db, nextRef, manual, 'admin', { overwrite: true }))!;
    expect(replaced.values[0]).toMatchObject({ id: draft!.id, value: 2.14, state: 'approved' });
    const history = (await loadHistory(db, CODE, draft!.id))!;
    expect(history.entries[0]).toMatchObject({ oldValue: 9, newValue: 2.14, oldState: 'draft' });
    const [event] = await queryRows<{ detail: { how: string; replaced: unknown } }>(
      db,
      sql`select detail from plan_events where plan_id = ${nextRef.planId} and seq = 8`,
    );
    expect(event!.detail).toMatchObject({ how: 'manual', replaced: { value: 9, state: 'draft' } });

    await transitionValues(db, previousRef, 'reopen', { year: 2025 }, 'reviewer', '更正');
    const corrected = carryOverFigures().filter((c) => c.seq === 3 && c.year === 2025);
    await saveValues(db, previousRef, [{ ...corrected[0]!, value: 2.2 }], 'statistician');
    const approved = await refusal(
      applyCarryOver(db, nextRef, manual, 'admin', { overwrite: true }),
    );
    expect(approved).toMatchObject({ reason: 'figure_approved' });
  });

  it('the year follows the plans: a plan from 2024 carries over the figures of 2024', async () => {
    const { db } = get();
    const other = carryOverPlans(2024);
    const code = '999002';
    const district = { ...other.previous.district, code, name: '测试二区' };
    const before = await importPlan(db, { ...other.previous, district });
    await saveValues(db, { code, planId: before.planId }, carryOverFigures(2024), 'statistician');
    const after = await importPlan(db, { ...other.next, district });
    const state = (await loadCarryOver(db, { code, planId: after.planId }))!;
    expect(state.proposals.year).toBe(2024);
    expect(state.proposals.rows[0]).toMatchObject({ previousFigure: 412.5, action: 'apply' });
  });

  it('nothing for a plan of another district', async () => {
    expect(await loadCarryOver(get().db, { code: '130108', planId: nextRef.planId })).toBeNull();
    expect(
      await applyCarryOver(
        get().db,
        { code: '130108', planId: nextRef.planId },
        [{ seq: 1, previousSeq: 1 }],
        'admin',
      ),
    ).toBeNull();
  });
});
