import { beforeAll, expect, it } from 'vitest';
import { planFileSchema, readRevisedTarget, type Indicator } from '@pm/core';
import type { Database } from '../client';
import { builtInPlans } from '../seed/builtin';
import { describeDb } from '../testing';
import { importPlan, loadPlanById } from './plans';
import { listDistrictPlans } from './periods';
import {
  listPlanEvents,
  reviseTarget,
  RevisionError,
  type NewRevision,
  type TargetRevisedDetail,
} from './revisions';
import { listPlanVersions } from './scorecard';

const YUHUA = '130108';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describeDb('revised targets (动态调整)', (get) => {
  let planId = 0;
  beforeAll(async () => {
    const yuhua = builtInPlans().find((p) => p.district.code === YUHUA)!;
    await importPlan(get().db, yuhua);
    planId = (await listDistrictPlans(get().db, YUHUA)).at(-1)?.id ?? 0;
  });

  async function indicator(db: Database, seq: number): Promise<Indicator> {
    const plan = await loadPlanById(db, planId);
    const found = plan?.file.indicators.find((i) => i.seq === seq);
    if (!found) throw new Error(`no indicator ${seq}`);
    return found;
  }

  /** A revision of `seq` as the API makes it: the text read with the plan's parser. */
  async function revision(seq: number, fromYear: number, text: string): Promise<NewRevision> {
    const read = readRevisedTarget(await indicator(get().db, seq), text, fromYear);
    if (!read.ok) throw new Error(read.problem.message);
    return {
      fromYear,
      target: read.target,
      text,
      document: '区政府关于调整“十四五”规划部分指标的通知',
      reason: '中期评估后调整',
    };
  }

  it('appends the revision, keeps the original target, and records who, when and what it replaced', async () => {
    const { db } = get();
    const original = await indicator(db, 4);
    const revised = await reviseTarget(db, planId, 4, await revision(4, 2024, '65'), 'admin');
    expect(revised.target).toEqual(original.target);
    expect(revised.revisions).toHaveLength(1);
    expect(revised.revisions[0]).toMatchObject({
      fromYear: 2024,
      text: '65',
      revisedBy: 'admin',
      target: { form: 'level', baseline: 50, value: 65 },
    });
    const [event] = await listPlanEvents(db, planId, 4);
    expect(event).toMatchObject({ planId, seq: 4, kind: 'target_revised', by: 'admin' });
    const detail = event!.detail as unknown as TargetRevisedDetail;
    expect(detail).toMatchObject({
      fromYear: 2024,
      before: { text: '70', target: { value: 70 } },
      after: { text: '65', target: { value: 65 } },
      reason: '中期评估后调整',
    });
    expect(revised.revisions[0]?.revisedAt).toBe(event!.at.toISOString());
  });

  it('appends a second revision from the same year after the first, which it replaces in force', async () => {
    const { db } = get();
    const revised = await reviseTarget(db, planId, 4, await revision(4, 2024, '66'), 'admin2');
    expect(revised.revisions.map((r) => r.text)).toEqual(['65', '66']);
    const [latest] = await listPlanEvents(db, planId, 4);
    expect(latest?.by).toBe('admin2');
    expect(latest?.detail).toMatchObject({ before: { text: '65' }, after: { text: '66' } });
  });

  it('refuses an unknown plan, an unknown indicator and a year outside B+1..Y, changing nothing', async () => {
    const { db } = get();
    const r = await revision(4, 2024, '64');
    const noPlan = await failure(reviseTarget(db, 99_999, 4, r, 'admin'));
    expect(noPlan).toMatchObject({ reason: 'no_plan' });
    const noSeq = await failure(reviseTarget(db, planId, 99, r, 'admin'));
    expect(noSeq).toBeInstanceOf(RevisionError);
    expect(noSeq).toMatchObject({ reason: 'unknown_seq', params: { seq: 99 } });
    for (const fromYear of [2020, 2026]) {
      const outside = await failure(reviseTarget(db, planId, 4, { ...r, fromYear }, 'admin'));
      expect(outside).toMatchObject({
        reason: 'year_outside',
        params: { year: fromYear, first: 2021, last: 2025 },
      });
    }
    expect((await indicator(db, 4)).revisions).toHaveLength(2);
    expect(await listPlanEvents(db, planId, 4)).toHaveLength(2);
  });

  it('changes the plan’s version, so that cached summaries are computed afresh', async () => {
    const { db } = get();
    const version = async () =>
      (await listPlanVersions(db, [YUHUA])).find((d) => d.planId === planId)?.version;
    const before = await version();
    await reviseTarget(db, planId, 1, await revision(1, 2023, '5.5 左右'), 'admin');
    expect(await version()).not.toBe(before);
  });

  it('two revisions at once both land, the later recorded against what the earlier left', async () => {
    const { db } = get();
    const [a, b] = [await revision(11, 2024, '96以上'), await revision(11, 2024, '97以上')];
    await Promise.all([
      reviseTarget(db, planId, 11, a, 'one'),
      reviseTarget(db, planId, 11, b, 'two'),
    ]);
    const texts = (await indicator(db, 11)).revisions.map((r) => r.text);
    expect([...texts].sort()).toEqual(['96以上', '97以上']);
    const [later, earlier] = (await listPlanEvents(db, planId, 11)).map(
      (e) => e.detail as unknown as TargetRevisedDetail,
    );
    expect(earlier?.before.text).toBe('95 以上');
    expect(later?.before.text).toBe(earlier?.after.text);
    expect(later?.after.text).toBe(texts[1]);
  });

  it('lists the plan’s whole audit newest first, or one indicator’s', async () => {
    const { db } = get();
    const all = await listPlanEvents(db, planId);
    expect(all.map((e) => e.seq)).toEqual([11, 11, 1, 4, 4]);
    expect((await listPlanEvents(db, planId, 1)).map((e) => e.seq)).toEqual([1]);
  });

  it('a plan file exported with its revisions imports back with them, who and when included', async () => {
    const { db } = get();
    const plan = await loadPlanById(db, planId);
    const file = planFileSchema.parse(JSON.parse(JSON.stringify(plan!.file)));
    await importPlan(db, file);
    const again = await loadPlanById(db, planId);
    expect(again!.file).toEqual(plan!.file);
    expect(again!.file.indicators.find((i) => i.seq === 4)?.revisions).toHaveLength(2);
  });
});
