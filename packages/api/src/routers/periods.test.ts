import type { TRPCError } from '@trpc/server';
import { builtInPlans, importPlan, seedBuiltIn } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { callerFor, testUser } from '../testing';

const YUHUA = '130108';

/** A synthetic next plan of Yuhua (three indicators, 2025 → 2030): test data, never shipped. */
function nextPlan() {
  const [p14] = builtInPlans().filter((p) => p.district.code === YUHUA);
  return {
    ...p14!,
    plan: {
      ...p14!.plan,
      title: '测试用下一期规划',
      baselineYear: 2025,
      midtermYear: 2028,
      targetYear: 2030,
    },
    indicators: p14!.indicators.slice(0, 3),
  };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as TRPCError & { cause?: { key?: string; params?: unknown } },
  );

describeDb('plans of two periods', (get) => {
  beforeAll(async () => {
    await seedBuiltIn(get().db);
    await importPlan(get().db, nextPlan());
  });

  const as = async (role: 'leader' | 'official' | 'reviewer', reportingYear = 2025) =>
    callerFor(get().db, await testUser(get().db, role, role, 'all'), { reportingYear });

  it('lists both plans and opens the reporting year’s', async () => {
    const leader = await as('leader');
    const periods = await leader.plans.periods({ district: YUHUA });
    expect(periods.periods.map((p) => [p.period, p.name, p.indicators])).toEqual([
      ['2021-2025', '十四五', 20],
      ['2026-2030', '十五五', 3],
    ]);
    expect(periods).toMatchObject({ reportingYear: 2025, defaultPeriod: '2021-2025' });
    const later = await (await as('leader', 2026)).plans.periods({ district: YUHUA });
    expect(later.defaultPeriod).toBe('2026-2030');
  });

  it('the scorecard names its plan: by period, by year, else the reporting year’s', async () => {
    const leader = await as('leader');
    const current = await leader.scorecard.district({ district: YUHUA });
    expect(current.plan.period).toBe('2021-2025');
    expect(current.year).toBe(2025);
    expect(current.indicators).toHaveLength(20);
    const byYear = await leader.scorecard.district({ district: YUHUA, year: 2027 });
    expect(byYear.plan.period).toBe('2026-2030');
    expect(byYear.indicators).toHaveLength(3);
    const byPeriod = await leader.scorecard.district({ district: YUHUA, period: '十五五' });
    expect(byPeriod).toMatchObject({ year: 2026, plan: { label: '十五五（2026–2030）' } });
    // 2025 is the 14th plan's target year and the 15th's baseline: evaluated, the 14th's.
    const final = await leader.scorecard.district({ district: YUHUA, year: 2025 });
    expect(final.plan.period).toBe('2021-2025');
  });

  it('refuses a period the district has not, and a year outside the plan', async () => {
    const leader = await as('leader');
    const none = await failure(leader.scorecard.district({ district: YUHUA, period: '2031-2035' }));
    expect(none.code).toBe('NOT_FOUND');
    expect(none.message).toContain('no plan of 2031-2035 (it has 2021-2025, 2026-2030)');
    const outside = await failure(
      leader.scorecard.district({ district: YUHUA, period: '2026-2030', year: 2024 }),
    );
    expect(outside.code).toBe('BAD_REQUEST');
    expect(outside.message).toContain('2024 is outside 十五五（2026–2030）');
    const bad = await failure(leader.scorecard.district({ district: YUHUA, period: 'next' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('“next” is not a period');
  });

  it('entry follows the period: the grid of the next plan offers its years, and its baseline year', async () => {
    const official = await as('official');
    const grid = await official.values.grid({ district: YUHUA, period: '2026-2030', year: 2026 });
    expect(grid.plan.period).toBe('2026-2030');
    expect(grid.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(grid.groups.flatMap((g) => g.rows)).toHaveLength(3);
    const old = await official.values.grid({ district: YUHUA, year: 2024 });
    expect(old.plan.period).toBe('2021-2025');
    const outside = await failure(
      official.values.grid({ district: YUHUA, period: '2026-2030', year: 2031 }),
    );
    expect(outside.message).toContain('2031 is outside 十五五（2026–2030）');
    // A figure saved for 2026 lands in the next plan, not the 14th.
    const saved = await official.values.save({
      district: YUHUA,
      seq: 1,
      year: 2026,
      kind: 'actual',
      value: 71,
      version: null,
    });
    expect(saved.value).toMatchObject({ year: 2026, value: 71 });
    const next = await official.values.completeness({
      district: YUHUA,
      period: '2026-2030',
      year: 2026,
    });
    expect(next[0]).toMatchObject({ year: 2026 });
  });

  it('rounds belong to one plan: a final round at Y, listed with its plan', async () => {
    const reviewer = await as('reviewer');
    const final = await reviewer.evaluations.open({ district: YUHUA, year: 2025 });
    expect(final).toMatchObject({ kind: 'final', year: 2025 });
    const mid = await reviewer.evaluations.open({
      district: YUHUA,
      period: '2026-2030',
      year: 2028,
    });
    expect(mid.kind).toBe('midterm');
    const list14 = await reviewer.evaluations.list({ district: YUHUA });
    expect(list14.plan.period).toBe('2021-2025');
    expect(list14.rounds.map((r) => r.id)).toContain(final.id);
    expect(list14.rounds.map((r) => r.id)).not.toContain(mid.id);
    const list15 = await reviewer.evaluations.list({ district: YUHUA, period: '2026-2030' });
    expect(list15.rounds.map((r) => r.id)).toEqual([mid.id]);
    const outside = await failure(
      reviewer.evaluations.open({ district: YUHUA, period: '2026-2030', year: 2025 }),
    );
    expect(outside.message).toContain('2025 is outside 十五五（2026–2030）');
  });

  it('the league compares districts within one period', async () => {
    const leader = await as('leader');
    const current = await leader.scorecard.league();
    expect(current.period).toBe('2021-2025');
    expect(current.year).toBe(2025);
    expect(current.periods.map((p) => [p.period, p.districts])).toEqual([
      ['2021-2025', 5],
      ['2026-2030', 1],
    ]);
    expect(current.rows.filter((r) => r.planTitle !== null)).toHaveLength(5);
    const next = await leader.scorecard.league({ period: '2026-2030' });
    expect(next.rows.filter((r) => r.planTitle !== null).map((r) => r.code)).toEqual([YUHUA]);
    expect(next.rows.find((r) => r.code === '130104')).toMatchObject({ planTitle: null });
  });

  it('the districts list does not mix the plans', async () => {
    const leader = await as('leader');
    const [yuhua] = (await leader.districts.list()).filter((d) => d.code === YUHUA);
    expect(yuhua?.indicatorCount).toBe(3);
    expect(yuhua?.periods.map((p) => p.name)).toEqual(['十四五', '十五五']);
    const [of14] = (await leader.districts.list({ period: '2021-2025' })).filter(
      (d) => d.code === YUHUA,
    );
    expect(of14?.indicatorCount).toBe(20);
  });
});
