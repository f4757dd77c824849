import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { EVALUATION_FORMAT, type EvaluationSnapshot, type ReviewedPlan } from '@pm/core';
import { describeDb } from '../testing';
import { evaluationRounds, indicators, plans, yearlyValues } from '../schema';
import { seedBuiltIn } from '../seed/builtin';
import {
  EvaluationError,
  finalizeRound,
  latestFinalized,
  listRounds,
  loadRound,
  openRound,
  saveNarrative,
  saveReviews,
  type FinalizeInput,
} from './evaluations';
import { listDistrictPlans } from './periods';
import type { Database } from '../client';

const YUHUA = '130108';

/** A stand-in for the API's snapshot: what the round read, frozen as it was. */
function freeze({ round, input, reviews, narrative }: FinalizeInput): EvaluationSnapshot {
  return {
    ...(narrative ? { narrative: narrative.sections } : {}),
    format: EVALUATION_FORMAT,
    district: input.file.district,
    plan: input.file.plan,
    indicators: input.file.indicators,
    values: input.values,
    demo: input.demo,
    openedBy: round.openedBy,
    openedAt: round.openedAt.toISOString(),
    finalizedBy: 'reviewer',
    finalizedAt: '2024-03-01T08:00:00.000Z',
    result: { year: round.year, reviewed: reviews.length } as unknown as ReviewedPlan,
  };
}

/** The district's plan id (0 when it has none: no plan has that id). */
async function planIdOf(db: Database, code: string): Promise<number> {
  return (await listDistrictPlans(db, code)).at(-1)?.id ?? 0;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describeDb('evaluation rounds', (get) => {
  beforeAll(async () => {
    await seedBuiltIn(get().db);
  });

  it('opens one round per plan and year at a time', async () => {
    const { db } = get();
    const round = await openRound(db, YUHUA, await planIdOf(db, YUHUA), 2023, 'reviewer');
    expect(round).toMatchObject({ year: 2023, status: 'open', openedBy: 'reviewer', reviews: 0 });
    const again = await failure(openRound(db, YUHUA, await planIdOf(db, YUHUA), 2023, 'reviewer'));
    expect(again).toBeInstanceOf(EvaluationError);
    expect((again as EvaluationError).reason).toBe('already_open');
    await openRound(db, YUHUA, await planIdOf(db, YUHUA), 2022, 'reviewer');
    expect((await listRounds(db, YUHUA)).map((r) => r.year)).toEqual([2022, 2023]);
    expect(await listRounds(db, '410402')).toEqual([]);
  });

  it('a district without a plan cannot open a round', async () => {
    const error = await failure(
      openRound(get().db, '999999', await planIdOf(get().db, '999999'), 2023, 'reviewer'),
    );
    expect((error as EvaluationError).reason).toBe('no_plan');
  });

  it('a later review of an indicator replaces the earlier one', async () => {
    const { db } = get();
    const [round] = (await listRounds(db, YUHUA)).filter((r) => r.year === 2023);
    const review = {
      seq: 4,
      decision: 'confirmed' as const,
      computedStatus: 'on_track' as const,
      finalStatus: 'on_track' as const,
      reason: null,
      comment: null,
      reviewedBy: 'reviewer',
    };
    await saveReviews(db, YUHUA, round!.id, [review, { ...review, seq: 5 }]);
    await saveReviews(db, YUHUA, round!.id, [
      {
        ...review,
        decision: 'overridden',
        finalStatus: 'lagging',
        reason: '统计口径变化',
        comment: '下半年复核',
      },
    ]);
    const { reviews, round: stored } = await loadRound(db, YUHUA, round!.id);
    expect(stored.reviews).toBe(2);
    expect(reviews.map((r) => [r.seq, r.decision, r.finalStatus, r.reason])).toEqual([
      [4, 'overridden', 'lagging', '统计口径变化'],
      [5, 'confirmed', 'on_track', null],
    ]);
  });

  it('a round of another district is not found', async () => {
    const { db } = get();
    const [round] = await listRounds(db, YUHUA);
    const error = await failure(loadRound(db, '410402', round!.id));
    expect((error as EvaluationError).reason).toBe('not_found');
  });

  it('a round keeps the narrative a reviewer saved, the latest save replacing the earlier', async () => {
    const { db } = get();
    const [round] = (await listRounds(db, YUHUA)).filter((r) => r.year === 2023);
    expect((await loadRound(db, YUHUA, round!.id)).narrative).toBeNull();
    const sections = { achievements: '成效', problems: '问题', causes: '原因', nextSteps: '举措' };
    await saveNarrative(db, YUHUA, round!.id, sections, 'zhao');
    const saved = await saveNarrative(
      db,
      YUHUA,
      round!.id,
      { ...sections, causes: '新原因' },
      'qian',
    );
    expect(saved).toMatchObject({ sections: { ...sections, causes: '新原因' }, by: 'qian' });
    const { narrative } = await loadRound(db, YUHUA, round!.id);
    expect(narrative).toEqual(saved);
    expect(narrative?.at).toBeInstanceOf(Date);
    const other = await failure(saveNarrative(db, '410402', round!.id, sections, 'qian'));
    expect((other as EvaluationError).reason).toBe('not_found');
  });

  it('a failing snapshot leaves the round open', async () => {
    const { db } = get();
    const [round] = (await listRounds(db, YUHUA)).filter((r) => r.year === 2023);
    const error = await failure(
      finalizeRound(db, YUHUA, round!.id, () => {
        throw new Error('two indicators are not reviewed');
      }),
    );
    expect((error as Error).message).toBe('two indicators are not reviewed');
    expect((await loadRound(db, YUHUA, round!.id)).round.status).toBe('open');
  });

  it('a finalized snapshot does not change when the data changes later', async () => {
    const { db } = get();
    const [round] = (await listRounds(db, YUHUA)).filter((r) => r.year === 2023);
    const snapshot = await finalizeRound(db, YUHUA, round!.id, freeze);
    const platforms = snapshot.values.find((v) => v.seq === 4 && v.year === 2023);
    expect(platforms?.source).toBe('demo');

    const [row] = await db
      .select({ id: yearlyValues.id })
      .from(yearlyValues)
      .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
      .innerJoin(plans, eq(plans.id, indicators.planId))
      .where(and(eq(plans.districtId, YUHUA), eq(indicators.seq, 4), eq(yearlyValues.year, 2023)));
    await db
      .update(yearlyValues)
      .set({ value: 1, source: 'official' })
      .where(eq(yearlyValues.id, row!.id));

    const stored = await loadRound(db, YUHUA, round!.id);
    expect(stored.round).toMatchObject({ status: 'finalized', finalizedBy: 'reviewer' });
    expect(stored.round.finalizedAt?.toISOString()).toBe('2024-03-01T08:00:00.000Z');
    expect(stored.snapshot).toEqual(snapshot);
    expect(snapshot.narrative?.causes).toBe('新原因');
    expect((await latestFinalized(db, await planIdOf(db, YUHUA), 2023))?.snapshot).toEqual(
      snapshot,
    );
    expect(await latestFinalized(db, await planIdOf(db, YUHUA), 2022)).toBeNull();
  });

  it('a finalized round takes no more reviews and is not finalized twice', async () => {
    const { db } = get();
    const [round] = (await listRounds(db, YUHUA)).filter((r) => r.status === 'finalized');
    const late = await failure(saveReviews(db, YUHUA, round!.id, []));
    expect((late as EvaluationError).reason).toBe('finalized');
    const sections = { achievements: '改', problems: '改', causes: '改', nextSteps: '改' };
    const frozen = await failure(saveNarrative(db, YUHUA, round!.id, sections, 'zhao'));
    expect((frozen as EvaluationError).reason).toBe('finalized');
    expect((await loadRound(db, YUHUA, round!.id)).narrative?.sections.causes).toBe('新原因');
    const twice = await failure(finalizeRound(db, YUHUA, round!.id, freeze));
    expect((twice as EvaluationError).reason).toBe('finalized');
  });

  it('a new round of a finalized year can be opened', async () => {
    const { db } = get();
    const round = await openRound(db, YUHUA, await planIdOf(db, YUHUA), 2023, 'reviewer');
    const rows = await db
      .select({ status: evaluationRounds.status })
      .from(evaluationRounds)
      .where(eq(evaluationRounds.year, 2023));
    expect(rows.map((r) => r.status).sort()).toEqual(['finalized', 'open']);
    expect(round.reviews).toBe(0);
  });
});
