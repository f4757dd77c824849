import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { LEAGUE_SUMMARY_FORMAT, leagueSummary, readRevisedTarget, summaryYears } from '@pm/core';
import { queryRows, type Database } from '../client';
import { clearDemoValues } from '../demo/store';
import { builtInPlans, seedBuiltIn } from '../seed/builtin';
import { describeDb } from '../testing';
import { setLeadDepartment } from './departments';
import { importPlan, loadPlanById } from './plans';
import { reviseTarget } from './revisions';
import { listPlanVersions, loadPlanInputsById } from './scorecard';
import { loadSummaries, refreshSummaries } from './summaries';
import { saveValues, transitionValues } from './values';

const YUHUA = '130108';
const QIAOXI = '130104';

/**
 * What is wrong with the stored summaries: for every plan and every year it can be evaluated at,
 * the stored row must be at the plan's version, of today's format, and equal to the summary
 * computed afresh from the data. Lists each that is not, as `code year: why`.
 */
async function wrongSummaries(db: Database): Promise<string[]> {
  const versions = (await listPlanVersions(db, 'all')).filter((d) => d.planId !== null);
  const stored = await queryRows<{
    plan_id: number;
    year: number;
    version: string;
    format: string;
    summary: unknown;
  }>(db, sql`select plan_id, year, version, format, summary from league_summaries`);
  const inputs = await loadPlanInputsById(
    db,
    versions.map((v) => v.planId!),
    9999,
  );
  const wrong: string[] = [];
  for (const v of versions) {
    const input = inputs.find((i) => i.planId === v.planId)!;
    for (const year of summaryYears(input.file.plan)) {
      const row = stored.find((s) => s.plan_id === v.planId && s.year === year);
      const where = `${v.code} ${year}`;
      if (!row) wrong.push(`${where}: none stored`);
      else if (row.version !== v.version) wrong.push(`${where}: stale`);
      else if (row.format !== LEAGUE_SUMMARY_FORMAT) wrong.push(`${where}: format`);
      else {
        // Compared as JSON would carry them (a stored object's keys come back in jsonb's order).
        const fresh = JSON.parse(JSON.stringify(leagueSummary(input, year))) as unknown;
        try {
          expect(row.summary).toEqual(fresh);
        } catch {
          wrong.push(`${where}: differs`);
        }
      }
    }
  }
  return wrong;
}

describeDb('league summaries kept in the transactions that change them', (get) => {
  const planOf = async (code: string) => (await listPlanVersions(get().db, [code]))[0]!.planId!;

  beforeAll(async () => {
    await seedBuiltIn(get().db, 2023);
  });

  it('are stored for every plan and year by the seed', async () => {
    expect(await wrongSummaries(get().db)).toEqual([]);
    const [count] = await queryRows<{ n: number }>(
      get().db,
      sql`select count(*)::int as n from league_summaries`,
    );
    expect(count?.n).toBe(5 * 5);
  });

  it('follow a save, a submission, an approval and a reopening', async () => {
    const db = get().db;
    const change = {
      seq: 4,
      year: 2024,
      kind: 'actual' as const,
      value: 3,
      version: null,
      reason: '经核实无误',
    };
    await saveValues(db, QIAOXI, [change], 'official');
    await transitionValues(db, QIAOXI, 'submit', { year: 2024 }, 'official');
    expect(await wrongSummaries(db)).toEqual([]);
    await transitionValues(db, QIAOXI, 'approve', { year: 2024 }, 'reviewer');
    expect(await wrongSummaries(db)).toEqual([]);
    await transitionValues(db, QIAOXI, 'reopen', { year: 2024 }, 'reviewer', '数据有误');
    expect(await wrongSummaries(db)).toEqual([]);
  });

  it('follow figures saved as approved (an import, a carry-over)', async () => {
    const db = get().db;
    const change = {
      seq: 5,
      year: 2024,
      kind: 'actual' as const,
      value: 7,
      version: null,
      state: 'approved' as const,
      source: '统计年鉴',
      reason: '经核实无误',
    };
    await saveValues(db, YUHUA, [change], 'admin');
    expect(await wrongSummaries(db)).toEqual([]);
  });

  it('follow a revised target, a 牵头单位 and a plan imported again', async () => {
    const db = get().db;
    const planId = await planOf(YUHUA);
    const gdp = (await loadPlanById(db, planId))!.file.indicators[0]!;
    const text = '年均增长5%';
    const read = readRevisedTarget(gdp, text, 2024);
    if (!read.ok) throw new Error(read.problem.message);
    await reviseTarget(
      db,
      planId,
      gdp.seq,
      { fromYear: 2024, target: read.target, text, document: '调整通知', reason: '中期调整' },
      'admin',
    );
    expect(await wrongSummaries(db)).toEqual([]);
    await setLeadDepartment(db, planId, gdp.seq, '区发展和改革局', 'admin');
    expect(await wrongSummaries(db)).toEqual([]);
    const file = builtInPlans().find((p) => p.district.code === QIAOXI)!;
    await importPlan(db, { ...file, plan: { ...file.plan, title: `${file.plan.title}（修订）` } });
    expect(await wrongSummaries(db)).toEqual([]);
  });

  it('follow the demo figures removed', async () => {
    expect(await clearDemoValues(get().db)).toBeGreaterThan(0);
    expect(await wrongSummaries(get().db)).toEqual([]);
  });

  it('are left as they were by a change rolled back', async () => {
    const db = get().db;
    const before = await queryRows<{ summary: unknown }>(
      db,
      sql`select summary from league_summaries order by plan_id, year`,
    );
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`update yearly_values set value = value + 100`);
        await refreshSummaries(tx as unknown as Database, 'all');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(
      await queryRows(db, sql`select summary from league_summaries order by plan_id, year`),
    ).toEqual(before);
    expect(await wrongSummaries(db)).toEqual([]);
  });

  it('are found stale after a change made without the app, and refreshed in bulk', async () => {
    const db = get().db;
    await db.execute(sql`update yearly_values set value = value + 1 where state = 'approved'`);
    const wrong = await wrongSummaries(db);
    expect(wrong.length).toBeGreaterThan(0);
    expect(wrong.every((w) => w.endsWith(': stale'))).toBe(true);
    // A stale summary is never served as current.
    const versions = (await listPlanVersions(db, 'all')).filter((d) => d.planId !== null);
    const current = versions.map((v) => ({ planId: v.planId!, version: v.version! }));
    const stalePlans = new Set(wrong.map((w) => w.split(' ')[0])).size;
    expect((await loadSummaries(db, current, 2023)).size).toBe(5 - stalePlans);
    expect(await refreshSummaries(db, 'all')).toBe(5 * 5);
    expect(await wrongSummaries(db)).toEqual([]);
    expect((await loadSummaries(db, current, 2023)).size).toBe(5);
    expect((await loadSummaries(db, current, null)).size).toBe(5);
  });
});
