import { eq } from 'drizzle-orm';
import { STATUSES_OF } from '@pm/core';
import { schema, seedBuiltIn } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { callerFor, testUser } from '../testing';

const YUHUA = '130108';
const V1_STATUSES: readonly string[] = STATUSES_OF.v1;

/** What v1 stored of an assessment: no phase, no revision, a v1 status. */
function asV1(a: Record<string, unknown>) {
  const { phase: _p, revision: _r, ...rest } = a;
  const status = a.status === 'ahead' ? 'on_track' : a.status;
  return { ...rest, status };
}

const v1Counts = (c: Record<string, number>) =>
  Object.fromEntries(
    V1_STATUSES.map((s) => [s, (c[s] ?? 0) + (s === 'on_track' ? (c.ahead ?? 0) : 0)]),
  );

function v1Summary(s: Record<string, unknown>) {
  const byCategory = s.byCategory as Record<string, Record<string, number>>;
  const byAttribute = s.byAttribute as Record<string, Record<string, number>>;
  return {
    ...s,
    byStatus: v1Counts(s.byStatus as Record<string, number>),
    byCategory: Object.fromEntries(Object.entries(byCategory).map(([k, c]) => [k, v1Counts(c)])),
    byAttribute: {
      expected: v1Counts(byAttribute.expected!),
      binding: v1Counts(byAttribute.binding!),
    },
  };
}

describeDb('a round finalized under v1 rules', (get) => {
  let round = 0;
  let stored: Record<string, unknown> = {};

  beforeAll(async () => {
    const { db } = get();
    await seedBuiltIn(db);
    const reviewer = callerFor(db, await testUser(db, 'reviewer', 'reviewer', [YUHUA]));
    round = (await reviewer.evaluations.open({ district: YUHUA })).id;
    const items = (await reviewer.evaluations.get({ district: YUHUA, round })).items.map((i) => ({
      seq: i.seq,
      decision: 'confirmed' as const,
    }));
    await reviewer.evaluations.review({ district: YUHUA, round, items });
    await reviewer.evaluations.finalize({ district: YUHUA, round });
    // Rewrite the snapshot as v1 stored it: no rules, no phases, v1's seven statuses and counts.
    const { evaluationRounds } = schema;
    const [row] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, round));
    const snap = row!.snapshot as Record<string, unknown> & { result: Record<string, unknown> };
    expect(snap.rules).toBe('v2');
    const result = snap.result;
    const { rules: _rules, ...rest } = snap;
    stored = {
      ...rest,
      result: {
        ...result,
        computedSummary: v1Summary(result.computedSummary as Record<string, unknown>),
        summary: v1Summary(result.summary as Record<string, unknown>),
        indicators: (result.indicators as Record<string, Record<string, unknown>>[]).map((i) => ({
          ...i,
          computed: asV1(i.computed!),
          final: asV1(i.final!),
        })),
      },
    };
    await db
      .update(evaluationRounds)
      .set({ snapshot: stored })
      .where(eq(evaluationRounds.id, round));
  });

  const leader = async () =>
    callerFor(get().db, await testUser(get().db, 'leader', 'leader', 'all'));

  it('its round view says v1 and shows the statuses, counts and share it was finalized with', async () => {
    const view = await (await leader()).evaluations.get({ district: YUHUA, round });
    const result = stored.result as {
      summary: { byStatus: Record<string, number>; shareOnTrack: number };
      indicators: { final: { seq: number; status: string } }[];
    };
    expect(view.rules).toBe('v1');
    expect(view.items.map((i) => [i.seq, i.finalStatus])).toEqual(
      result.indicators.map((i) => [i.final.seq, i.final.status]),
    );
    expect(view.items.every((i) => V1_STATUSES.includes(i.finalStatus))).toBe(true);
    expect(view.summary.byStatus).toMatchObject(result.summary.byStatus);
    expect(view.summary.byStatus).toMatchObject({
      ahead: 0,
      basically_achieved: 0,
      not_achieved: 0,
    });
    expect(view.summary.shareOnTrack).toBe(result.summary.shareOnTrack);
  });

  it('its finalized scorecard says v1 and keeps the frozen statuses', async () => {
    const card = await (
      await leader()
    ).scorecard.district({ district: YUHUA, year: 2023, mode: 'finalized' });
    expect(card.rules).toBe('v1');
    expect(card.indicators.find((i) => i.seq === 4)?.status).toBe('on_track');
    expect(card.indicators.every((i) => i.phase === 'progress' && i.revision === null)).toBe(true);
  });

  it('the live scorecard grades the same figures by v2', async () => {
    const card = await (await leader()).scorecard.district({ district: YUHUA, year: 2023 });
    expect(card.rules).toBe('v2');
    expect(card.indicators.find((i) => i.seq === 4)?.status).toBe('ahead');
  });
});
