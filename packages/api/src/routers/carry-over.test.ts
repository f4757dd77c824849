import type { TRPCError } from '@trpc/server';
import { importPlan, loadValues, saveValues } from '@pm/db';
import { carryOverFigures, carryOverPlans, describeDb } from '@pm/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { callerFor, testUser } from '../testing';

const CODE = '999001';
const NEXT = '2026-2030';

async function refusal(promise: Promise<unknown>): Promise<{ code: string; key: string }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as TRPCError | null;
  expect(error?.cause).toBeInstanceOf(DomainError);
  return { code: error!.code, key: (error!.cause as DomainError).key };
}

describeDb('carryOver router', (get) => {
  const admin = async () => callerFor(get().db, await testUser(get().db, 'root', 'admin', 'all'));

  beforeAll(async () => {
    const { db } = get();
    const { previous, next } = carryOverPlans();
    const { planId } = await importPlan(db, previous);
    await saveValues(db, { code: CODE, planId }, carryOverFigures(), 'statistician');
    await importPlan(db, next);
  });

  it('proposes, for the plan of the period asked, the figures of the plan before it', async () => {
    const answer = await (await admin()).carryOver.proposals({ district: CODE, period: NEXT });
    expect(answer.plan).toMatchObject({ period: NEXT, name: '十五五' });
    expect(answer.previous).toMatchObject({ period: '2021-2025', label: '十四五（2021–2025）' });
    expect(answer.year).toBe(2025);
    expect(answer.previousIndicators).toHaveLength(7);
    expect(answer.rows.map((r) => [r.seq, r.action])).toEqual([
      [1, 'apply'],
      [2, 'keep_printed'],
      [3, 'disagree'],
      [4, 'nothing'],
      [5, 'nothing'],
      [6, 'apply'],
      [7, 'nothing'],
      [8, 'nothing'],
    ]);
    expect(answer.rows[0]!.words).toEqual({
      zh: '承接 2025 年审定值 412.5 为基数',
      en: 'carry over 412.5 of 2025 as the baseline',
    });
  });

  it('takes matches by hand, and refuses one naming no indicator with the place it is at', async () => {
    const caller = await admin();
    const matched = await caller.carryOver.proposals({
      district: CODE,
      period: '十五五',
      matches: [{ seq: 8, previousSeq: 3 }],
    });
    expect(matched.rows[7]).toMatchObject({ how: 'manual', previousFigure: 2.14, action: 'apply' });
    const bad = caller.carryOver.proposals({
      district: CODE,
      period: NEXT,
      matches: [{ seq: 8, previousSeq: 99 }],
    });
    expect(await refusal(bad)).toEqual({ code: 'BAD_REQUEST', key: 'carryOver.unknownPrevious' });
  });

  it('only an administrator carries figures over', async () => {
    const { db } = get();
    const official = callerFor(db, await testUser(db, 'clerk', 'official', [CODE]));
    const asked = official.carryOver.proposals({ district: CODE, period: NEXT });
    expect((await refusal(asked)).code).toBe('FORBIDDEN');
    const applied = official.carryOver.accept({
      district: CODE,
      period: NEXT,
      items: [{ seq: 1, previousSeq: 1 }],
    });
    expect((await refusal(applied)).code).toBe('FORBIDDEN');
  });

  it('applies the chosen proposals, and refuses one that applies nothing', async () => {
    const caller = await admin();
    const refused = caller.carryOver.accept({
      district: CODE,
      period: NEXT,
      items: [{ seq: 2, previousSeq: 2 }],
    });
    expect(await refusal(refused)).toEqual({ code: 'BAD_REQUEST', key: 'carryOver.notApplicable' });
    const done = await caller.carryOver.accept({
      district: CODE,
      period: NEXT,
      items: [{ seq: 1, previousSeq: 1 }],
    });
    expect(done).toMatchObject({ year: 2025, applied: [{ seq: 1, value: 412.5 }] });
    const stored = await loadValues(get().db, { code: CODE, planId: done.plan.planId }, [2025]);
    expect(stored!.values).toMatchObject([
      { seq: 1, value: 412.5, state: 'approved', source: '承接上期规划 2025 年审定值' },
    ]);
    const again = await caller.carryOver.proposals({ district: CODE, period: NEXT });
    expect(again.rows[0]).toMatchObject({ action: 'nothing', why: 'already_stored' });
  });

  it('a stored figure is replaced only when asked', async () => {
    const { db } = get();
    const caller = await admin();
    const { planId } = (await caller.carryOver.proposals({ district: CODE, period: NEXT })).plan;
    await saveValues(
      db,
      { code: CODE, planId },
      [{ seq: 6, year: 2025, kind: 'actual', value: 79, version: null }],
      'clerk',
    );
    const items = [{ seq: 6, previousSeq: 6 }];
    const refused = caller.carryOver.accept({ district: CODE, period: NEXT, items });
    expect(await refusal(refused)).toEqual({ code: 'CONFLICT', key: 'carryOver.figureExists' });
    const done = await caller.carryOver.accept({
      district: CODE,
      period: NEXT,
      items,
      overwrite: true,
    });
    expect(done.applied).toEqual([{ seq: 6, name: '常住人口（万人）', value: 80.3 }]);
  });

  it('a plan with none before it has no proposals and nothing to apply', async () => {
    const caller = await admin();
    const first = await caller.carryOver.proposals({ district: CODE, period: '2021-2025' });
    expect(first).toMatchObject({ previous: null, rows: [] });
    const applied = caller.carryOver.accept({
      district: CODE,
      period: '2021-2025',
      items: [{ seq: 1, previousSeq: 1 }],
    });
    expect(await refusal(applied)).toEqual({ code: 'NOT_FOUND', key: 'carryOver.noPrevious' });
    const missing = caller.carryOver.proposals({ district: CODE, period: '2031-2035' });
    expect(await refusal(missing)).toEqual({ code: 'NOT_FOUND', key: 'plan.noPeriod' });
  });
});
