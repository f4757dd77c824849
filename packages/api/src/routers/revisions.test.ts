import type { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { parseTarget, planFileSchema, PLAN_FORMAT, splitUnit } from '@pm/core';
import { importPlan, schema } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, testUser } from '../testing';
import type { DomainError } from '../errors';

/** A synthetic district: no real plan's figures. */
const TEST = '999001';
const district = { code: TEST, name: '测试区', city: '测试市', province: '测试省' };

/** Its plan's main indicators as the table prints them: name (unit), baseline, target, 年均增长. */
const rows: [string, string | null, string | null, string | null, string][] = [
  ['地区生产总值增长(%)', null, null, '6 左右', '预期性'],
  ['市级以上创新平台(个)', '50', '70', null, '约束性'],
  ['城镇新增就业(万人)', null, '[2.9]', null, '预期性'],
];

function planFile(baselineYear: number, targetYear: number, title: string) {
  const indicators = rows.map(([name, baseline, target, rate, attribute], i) => {
    const parsed = parseTarget({ name, baseline, target, rate, attribute });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return {
      seq: i + 1,
      category: '经济发展',
      name: splitUnit(name).name,
      unit: parsed.unit,
      attribute: parsed.attribute,
      leadDepartment: null,
      raw: { baseline, target, rate, attribute },
      target: parsed.target,
      source: { document: `${title}.txt`, line: null, kind: 'table', quote: null },
    };
  });
  return planFileSchema.parse({
    format: PLAN_FORMAT,
    district,
    plan: { title, baselineYear, midtermYear: baselineYear + 3, targetYear },
    indicators,
  });
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  );
const keyOf = (e: TRPCError | null) => (e?.cause as DomainError | undefined)?.key;

const DOCUMENT = '测试区人民政府关于调整“十四五”规划部分指标的通知';

describeDb('plans.reviseTarget and plans.events (动态调整)', (get) => {
  beforeAll(async () => {
    const { db } = get();
    await importPlan(db, planFile(2020, 2025, '测试区第十四个五年规划'));
    await importPlan(db, planFile(2025, 2030, '测试区第十五个五年规划'));
  });
  const admin = async () => callerFor(get().db, await testUser(get().db, 'root', 'admin', 'all'));
  const as = async (role: 'reviewer' | 'official' | 'leader') =>
    callerFor(get().db, await testUser(get().db, role, role, [TEST]));

  const revise = (over: Record<string, unknown> = {}) => ({
    district: TEST,
    period: '2021-2025',
    seq: 2,
    fromYear: 2024,
    text: '65',
    document: DOCUMENT,
    reason: '中期评估后调整',
    ...over,
  });

  describe('who may revise', () => {
    it('only an administrator; every other role is refused', async () => {
      for (const role of ['reviewer', 'official', 'leader'] as const) {
        const error = await failure((await as(role)).plans.reviseTarget(revise()));
        expect(error?.code, role).toBe('FORBIDDEN');
      }
    });
  });

  describe('what it refuses, by catalog key', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['an unknown indicator', { seq: 9 }, 'NOT_FOUND', 'revisions.unknownSeq'],
      ['an empty target', { text: '  ' }, 'BAD_REQUEST', 'revisions.textMissing'],
      ['an unreadable target', { text: '大幅提高' }, 'BAD_REQUEST', 'revisions.unreadable'],
      ['another unit', { text: '65 万人' }, 'BAD_REQUEST', 'revisions.unit'],
      [
        'a growth rate for a level',
        { text: '年均增长 5%' },
        'BAD_REQUEST',
        'revisions.figures.levels',
      ],
      ['the target in force', { text: '70' }, 'BAD_REQUEST', 'revisions.unchanged'],
      ['no document', { document: ' ' }, 'BAD_REQUEST', 'revisions.documentMissing'],
      ['no reason', { reason: '' }, 'BAD_REQUEST', 'revisions.reasonMissing'],
      ['a year before the period', { fromYear: 2020 }, 'BAD_REQUEST', 'plan.yearOutside'],
      ['a year after it', { fromYear: 2026 }, 'BAD_REQUEST', 'plan.yearOutside'],
      ['a period the district has not', { period: '2031-2035' }, 'NOT_FOUND', 'plan.noPeriod'],
    ];
    for (const [what, over, code, key] of cases) {
      it(`refuses ${what} (${key})`, async () => {
        const error = await failure((await admin()).plans.reviseTarget(revise(over)));
        expect(error?.code).toBe(code);
        expect(keyOf(error)).toBe(key);
      });
    }

    it('names the field and what was typed, for the form to show there', async () => {
      const error = await failure((await admin()).plans.reviseTarget(revise({ text: '65 万人' })));
      expect((error?.cause as DomainError).params).toMatchObject({
        field: 'text',
        typed: '万人',
        expected: '个',
      });
      expect(error?.message).toBe('text: 65 万人 is in 万人, but the indicator is in 个');
    });

    it('has changed nothing', async () => {
      const { events } = await (
        await admin()
      ).plans.events({ district: TEST, period: '2021-2025' });
      expect(events).toEqual([]);
    });
  });

  describe('a revision made', () => {
    it('keeps the original, is in force from its year, and says 原目标 70，2024 年调整为 65', async () => {
      const made = await (await admin()).plans.reviseTarget(revise());
      expect(made.plan).toMatchObject({ period: '2021-2025', name: '十四五' });
      expect(made.words).toEqual({
        zh: '原目标 70，2024 年调整为 65',
        en: 'Originally 70; revised to 65 from 2024',
      });
      expect(made.indicator.target.value).toBe(70);
      expect(made.revision).toMatchObject({
        fromYear: 2024,
        text: '65',
        document: DOCUMENT,
        revisedBy: 'root',
        target: { form: 'level', baseline: 50, value: 65 },
      });
    });

    it('chooses the plan of the year when no period is named (2025 is the 14th’s)', async () => {
      const made = await (
        await admin()
      ).plans.reviseTarget(
        revise({ period: undefined, seq: 1, fromYear: 2025, text: '年均增长 5.5% 左右' }),
      );
      expect(made.plan.period).toBe('2021-2025');
      expect(made.revision.target).toMatchObject({ form: 'annual_rate', rate: 5.5 });
    });

    it('is in the audit with who and when, which anyone in scope reads', async () => {
      const { plan, events } = await (
        await as('official')
      ).plans.events({
        district: TEST,
        period: '2021-2025',
        seq: 2,
      });
      expect(plan.period).toBe('2021-2025');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        seq: 2,
        kind: 'target_revised',
        by: 'root',
        words: { zh: '原目标 70，2024 年调整为 65' },
        detail: { document: DOCUMENT, reason: '中期评估后调整' },
      });
      const other = await (
        await as('official')
      ).plans.events({ district: TEST, period: '2026-2030' });
      expect(other.events).toEqual([]);
    });

    it('goes out with the plan file and comes back in with it', async () => {
      const root = await admin();
      const file = await root.plans.export({ district: TEST, period: '2021-2025' });
      expect(file.indicators.find((i) => i.seq === 2)?.revisions).toMatchObject([
        { fromYear: 2024, text: '65', revisedBy: 'root' },
      ]);
      await root.plans.import(planFileSchema.parse(JSON.parse(JSON.stringify(file))));
      expect(await root.plans.export({ district: TEST, period: '2021-2025' })).toEqual(file);
    });
  });

  describe('a finalized round keeps the target it graded against', () => {
    /** Approved actuals of the 14th plan's indicator `seq`. */
    async function approve(seq: number, figures: Record<number, number>) {
      const { db } = get();
      const { indicators, plans, yearlyValues } = schema;
      const [ind] = await db
        .select({ id: indicators.id })
        .from(indicators)
        .innerJoin(plans, eq(plans.id, indicators.planId))
        .where(
          and(eq(plans.districtId, TEST), eq(plans.targetYear, 2025), eq(indicators.seq, seq)),
        );
      await db.insert(yearlyValues).values(
        Object.entries(figures).map(([year, value]) => ({
          indicatorId: ind!.id,
          year: Number(year),
          kind: 'actual' as const,
          value,
          state: 'approved' as const,
          updatedBy: 'official',
        })),
      );
    }

    it('revised after finalizing, the round still shows 70 and its grade; the live view the new target', async () => {
      await approve(1, { 2021: 6.5, 2022: 5, 2023: 5.6 });
      await approve(2, { 2023: 62 });
      await approve(3, { 2021: 0.5, 2022: 0.6, 2023: 0.5 });
      const reviewer = await as('reviewer');
      const round = await reviewer.evaluations.open({
        district: TEST,
        period: '2021-2025',
        year: 2023,
      });
      const items = [1, 2, 3].map((seq) => ({ seq, decision: 'confirmed' as const }));
      await reviewer.evaluations.review({ district: TEST, round: round.id, items });
      await reviewer.evaluations.finalize({ district: TEST, round: round.id });

      const frozen = async () =>
        (await reviewer.evaluations.get({ district: TEST, round: round.id })).items.find(
          (i) => i.seq === 2,
        )!;
      const before = await frozen();
      expect(before.computed).toMatchObject({ target: 70, status: 'on_track', revision: null });

      await (await admin()).plans.reviseTarget(revise({ fromYear: 2022, text: '62' }));
      const after = await frozen();
      expect(after.computed).toMatchObject({ target: 70, status: 'on_track', revision: null });
      expect(after.finalStatus).toBe('on_track');

      const live = await reviewer.scorecard.indicator({ district: TEST, seq: 2, year: 2023 });
      expect(live.row).toMatchObject({ target: 62, status: 'achieved' });
      expect(live.row.revision).toMatchObject({
        fromYear: 2022,
        originalText: '70',
        revisedText: '62',
      });
    });
  });
});
