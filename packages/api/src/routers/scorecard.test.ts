import type { TRPCError } from '@trpc/server';
import { assessPlan } from '@pm/core';
import {
  builtInPlans,
  loadAssessmentInput,
  seedBuiltIn,
  seedDemoValues,
  upsertDistrict,
} from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { callerFor, testUser } from '../testing';

const YUHUA = '130108';

describeDb('scorecard router', (get) => {
  beforeAll(async () => {
    // The demo as reported at the mid-term: figures up to M, none of the years after.
    await seedBuiltIn(get().db, builtInPlans()[0]!.plan.midtermYear);
  });

  const leader = async () =>
    callerFor(get().db, await testUser(get().db, 'leader', 'leader', 'all'));

  it('shows the engine’s statuses at the mid-term year, binding warnings first in the summary', async () => {
    const card = await (await leader()).scorecard.district({ district: YUHUA, year: 2023 });
    const input = await loadAssessmentInput(get().db, YUHUA);
    const engine = assessPlan({
      plan: input!.file.plan,
      indicators: input!.file.indicators,
      values: input!.values,
      year: 2023,
    });
    expect(card.year).toBe(2023);
    expect(card.mode).toBe('live');
    expect(card.demo).toBe(true);
    expect(card.summary).toEqual(engine.summary);
    expect(card.summary.bindingWarnings).toEqual([13, 17]);
    expect(card.indicators.map((i) => i.status)).toEqual(engine.indicators.map((i) => i.status));
    const pm25 = card.indicators.find((i) => i.seq === 17);
    expect(pm25).toMatchObject({ attribute: 'binding', bindingWarning: true, demo: true });
    // The built-in plans name no lead department (牵头单位).
    expect(pm25?.leadDepartment).toBeNull();
    // 17 indicators have an approved actual, but two 按市下达目标 lack their assigned target: the
    // year requires both (core's requiredCells), as the league and the entry page count it.
    expect(card.completeness).toEqual({ reported: 15, total: 20, share: 15 / 20 });
    expect(card.finalizedYears).toEqual([]);
  });

  it('sets each row’s latest actual against the year before’s, better or worse by the indicator', async () => {
    const card = await (await leader()).scorecard.district({ district: YUHUA, year: 2023 });
    const input = await loadAssessmentInput(get().db, YUHUA);
    for (const row of card.indicators) {
      const actual = (y: number | null) =>
        input!.values.find((v) => v.seq === row.seq && v.kind === 'actual' && v.year === y)?.value;
      const previous = row.latestYear === null ? undefined : actual(row.latestYear - 1);
      if (previous === undefined) expect(row.change, `${row.seq}`).toBeNull();
      else
        expect(row.change, `${row.seq}`).toMatchObject({
          year: row.latestYear,
          value: row.latestValue,
          previousYear: row.latestYear! - 1,
          previous,
        });
    }
    expect(card.indicators.some((i) => i.change?.better === true)).toBe(true);
  });

  it('carries the target band of a rate indicator', async () => {
    const card = await (await leader()).scorecard.district({ district: YUHUA, year: 2023 });
    const gdp = card.indicators.find((i) => i.seq === 1);
    expect(gdp?.form).toBe('annual_rate');
    expect(gdp?.band).toEqual({ low: 5.5, high: 6.5 });
  });

  it('evaluates any year it is asked for', async () => {
    const card = await (await leader()).scorecard.district({ district: YUHUA, year: 2021 });
    expect(card.year).toBe(2021);
    expect(card.indicators.every((i) => i.latestYear === null || i.latestYear <= 2021)).toBe(true);
    expect(card.completeness.reported).toBe(17);
  });

  it('says so when no round of the year is finalized', async () => {
    const error = await (
      await leader()
    ).scorecard
      .district({ district: YUHUA, year: 2023, mode: 'finalized' })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    expect((error as TRPCError).cause).toMatchObject({ key: 'scorecard.noFinalized' });
  });

  it('a level indicator comes with its chart, its figures and their history, and the plan’s words', async () => {
    const detail = await (
      await leader()
    ).scorecard.indicator({ district: YUHUA, seq: 4, year: 2023 });
    expect(detail.indicator.name).toBe('市级以上创新平台');
    expect(detail.indicator.source.kind).toBe('table');
    expect(detail.row.status).toBe('ahead');
    expect(detail.chart.kind).toBe('path');
    expect(detail.chart.points.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(detail.values.map((v) => [v.year, v.state, v.source])).toEqual([
      [2021, 'approved', 'demo'],
      [2022, 'approved', 'demo'],
      [2023, 'approved', 'demo'],
    ]);
    expect(detail.history).toHaveLength(3);
  });

  it('an unknown indicator is NOT_FOUND', async () => {
    const error = await (
      await leader()
    ).scorecard
      .indicator({ district: YUHUA, seq: 99 })
      .catch((e: unknown) => e);
    expect((error as TRPCError).cause).toMatchObject({ key: 'scorecard.noIndicator' });
  });

  it('the league lists every district in scope from the engine’s summaries', async () => {
    const { db } = get();
    await upsertDistrict(db, {
      code: '130102',
      name: '长安区',
      city: '石家庄市',
      province: '河北省',
    });
    const league = await (await leader()).scorecard.league({ year: 2023 });
    // Every plan has figures of 2023; the district without a plan comes last.
    expect(league.rows.map((r) => r.code)).toEqual([
      '120105',
      '130104',
      '130108',
      '410402',
      '410703',
      '130102',
    ]);
    const yuhua = league.rows.find((r) => r.code === YUHUA);
    const card = await (await leader()).scorecard.district({ district: YUHUA, year: 2023 });
    expect(yuhua).toMatchObject({
      year: 2023,
      shareOnTrack: card.summary.shareOnTrack,
      byStatus: card.summary.byStatus,
      bindingWarnings: 2,
      demo: true,
      reporting: 'reported',
      dataYear: 2023,
    });
    // 17 actuals of 20, two of them 按市下达目标 without the city's assigned target.
    expect(yuhua?.completeness).toEqual({ reported: 15, total: 20, share: 0.75 });
    expect(Object.keys(yuhua?.categories ?? {}).sort()).toEqual(
      ['创新驱动', '民生福祉', '经济发展', '绿色转型'].sort(),
    );
    expect(league.categories[0]).toBe('民生福祉');
    expect(league.rows.find((r) => r.code === '130102')).toMatchObject({
      planTitle: null,
      reporting: 'noPlan',
      dataYear: null,
      shareOnTrack: null,
      completeness: null,
    });
  });

  it('at a year a district has no figures of, it ranks after those that reported, 未报送 with its data year', async () => {
    // 桥西区 reports 2024; the others' latest approved figures are of 2023.
    await seedDemoValues(get().db, '130104', 2024);
    const league = await (await leader()).scorecard.league({ year: 2024 });
    expect(league.rows.map((r) => [r.code, r.reporting, r.dataYear])).toEqual([
      ['130104', 'reported', 2024],
      ['120105', 'unreported', 2023],
      ['130108', 'unreported', 2023],
      ['410402', 'unreported', 2023],
      ['410703', 'unreported', 2023],
      ['130102', 'noPlan', null],
    ]);
    const yuhua = league.rows.find((r) => r.code === YUHUA)!;
    expect(yuhua.year).toBe(2024);
    expect(yuhua.completeness).toMatchObject({ reported: 0, share: 0 });
    expect(league.rows[0]!.completeness!.reported).toBeGreaterThan(0);
  });

  it('completeness counts what the year requires: the actual, and the assigned target where the form needs one', async () => {
    const league = await (await leader()).scorecard.league({ year: 2023 });
    const input = await loadAssessmentInput(get().db, YUHUA);
    const required = input!.file.indicators.filter((i) => i.target.form === 'assigned');
    const yuhua = league.rows.find((r) => r.code === YUHUA)!;
    expect(yuhua.completeness!.total).toBe(input!.file.indicators.length);
    const complete = input!.file.indicators.filter((i) => {
      const has = (kind: string) =>
        input!.values.some((v) => v.seq === i.seq && v.year === 2023 && v.kind === kind);
      return has('actual') && (i.target.form !== 'assigned' || has('assigned_target'));
    }).length;
    expect(required.length).toBeGreaterThan(0);
    expect(yuhua.completeness!.reported).toBe(complete);
  });

  it('an official’s league holds only their district', async () => {
    const official = await testUser(get().db, 'official', 'official', [YUHUA]);
    const league = await callerFor(get().db, official).scorecard.league({ year: 2022 });
    expect(league.rows.map((r) => [r.code, r.year])).toEqual([[YUHUA, 2022]]);
  });
});
