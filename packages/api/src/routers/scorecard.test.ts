import type { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
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
    const league = await (await leader()).scorecard.league({ year: 2023, sort: 'code' });
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
    const league = await (await leader()).scorecard.league({ year: 2024, sort: 'code' });
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

  it('ranks by share on track within each standing, and pages the rows with their total', async () => {
    const all = await (await leader()).scorecard.league({ year: 2023 });
    expect(all.total).toBe(6);
    const reported = all.rows.filter((r) => r.reporting === 'reported');
    const shares = reported.map((r) => r.shareOnTrack ?? -1);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(all.rows.at(-1)?.reporting).toBe('noPlan');
    const page = await (await leader()).scorecard.league({ year: 2023, offset: 2, limit: 2 });
    expect(page).toMatchObject({ total: 6, offset: 2, limit: 2 });
    expect(page.rows.map((r) => r.code)).toEqual(all.rows.slice(2, 4).map((r) => r.code));
    const byName = await (
      await leader()
    ).scorecard.league({ year: 2023, sort: 'share', order: 'asc' });
    const ascending = byName.rows.filter((r) => r.reporting === 'reported');
    expect(ascending.map((r) => r.shareOnTrack ?? 2)).toEqual(
      ascending.map((r) => r.shareOnTrack ?? 2).sort((a, b) => a - b),
    );
  });

  it('rolls the rows up by province, by city within a province, and none within a city', async () => {
    const caller = await leader();
    const all = await caller.scorecard.league({ year: 2023 });
    expect(all.region).toEqual({ province: null, city: null });
    expect(all.groups.map((g) => [g.code, g.name, g.level, g.districts])).toEqual([
      ['12', '天津市', 'province', 1],
      ['13', '河北省', 'province', 3],
      ['41', '河南省', 'province', 2],
    ]);
    const hebei = all.groups[1]!;
    expect(hebei).toMatchObject({ reported: 2, unreported: 0, noPlan: 1 });
    const rows = all.rows.filter((r) => r.code.startsWith('13') && r.byStatus);
    expect(hebei.bindingWarnings).toBe(rows.reduce((n, r) => n + r.bindingWarnings, 0));
    expect(hebei.byStatus.on_track).toBe(rows.reduce((n, r) => n + (r.byStatus?.on_track ?? 0), 0));
    expect(hebei.completeness?.total).toBe(rows.reduce((n, r) => n + r.completeness!.total, 0));
    expect(all.overall).toMatchObject({ code: 'all', level: 'all', districts: 6, noPlan: 1 });

    const province = await caller.scorecard.league({ year: 2023, province: '41' });
    expect(province.region).toEqual({ province: { code: '41', name: '河南省' }, city: null });
    expect(province.rows.map((r) => r.code).sort()).toEqual(['410402', '410703']);
    expect(province.groups.map((g) => [g.code, g.level, g.districts])).toEqual([
      ['4104', 'city', 1],
      ['4107', 'city', 1],
    ]);
    expect(province.overall).toMatchObject({ code: '41', name: '河南省', level: 'province' });

    const city = await caller.scorecard.league({ year: 2023, city: '1301' });
    expect(city.region).toEqual({
      province: { code: '13', name: '河北省' },
      city: { code: '1301', name: '石家庄市' },
    });
    expect(city.groups).toEqual([]);
    expect(city.overall).toMatchObject({ code: '1301', level: 'city', districts: 3 });
  });

  it('filters by standing and by a name or code, the roll-ups with them', async () => {
    const caller = await leader();
    const reported = await caller.scorecard.league({ year: 2023, show: 'reported' });
    expect(reported.rows.every((r) => r.reporting === 'reported')).toBe(true);
    expect(reported.overall.noPlan).toBe(0);
    const named = await caller.scorecard.league({ year: 2023, q: ' 裕华 ' });
    expect(named.rows.map((r) => r.code)).toEqual([YUHUA]);
    expect(named.groups.map((g) => g.code)).toEqual(['13']);
    const coded = await caller.scorecard.league({ year: 2023, q: '4104' });
    expect(coded.rows.map((r) => r.code)).toEqual(['410402']);
    const none = await caller.scorecard.league({ year: 2023, q: '不存在' });
    expect(none).toMatchObject({ rows: [], total: 0, groups: [] });
    expect(none.overall.districts).toBe(0);
  });

  it('refuses a malformed region code, and one with no district in scope, naming it', async () => {
    const caller = await leader();
    const refused = async (input: { province?: string; city?: string }) =>
      (await caller.scorecard.league(input).catch((e: unknown) => e)) as TRPCError;
    for (const [input, key, code] of [
      [{ province: '1' }, 'league.badRegion', '1'],
      [{ province: 'ab' }, 'league.badRegion', 'ab'],
      [{ city: '13010' }, 'league.badRegion', '13010'],
      [{ province: '99' }, 'league.noRegion', '99'],
      [{ city: '1399' }, 'league.noRegion', '1399'],
      [{ province: '41', city: '1301' }, 'league.noRegion', '1301'],
    ] as const) {
      const error = await refused(input);
      expect(error.code, JSON.stringify(input)).toBe(
        key === 'league.badRegion' ? 'BAD_REQUEST' : 'NOT_FOUND',
      );
      expect(error.cause).toMatchObject({ key, params: { code } });
    }
    // An official's scope holds one district: another province is not theirs to see.
    const official = await testUser(get().db, 'official-2', 'official', [YUHUA]);
    const error = await callerFor(get().db, official)
      .scorecard.league({ province: '41' })
      .catch((e: unknown) => e);
    expect((error as TRPCError).cause).toMatchObject({ key: 'league.noRegion' });
  });

  it('downloads every matching row as CSV with a BOM and as xlsx, formulas made inert', async () => {
    const { db } = get();
    await upsertDistrict(db, {
      code: '130199',
      name: '=1+2',
      city: '石家庄市',
      province: '河北省',
    });
    const caller = await leader();
    const csv = await caller.scorecard.leagueExport({ year: 2023, city: '1301', format: 'csv' });
    expect(csv.rows).toBe(4);
    expect(csv.filename).toBe('区县对比-石家庄市（1301）-2021-2025-2023.csv');
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF区县代码,区县,省份,城市,报送情况,数据截至')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.startsWith("130199,'=1+2,河北省,石家庄市,无规划"))).toBe(true);
    expect(
      lines.some((l) => l.startsWith('130108,裕华区,河北省,石家庄市,已报送,2023,15,20,75,')),
    ).toBe(true);
    const xlsx = await caller.scorecard.leagueExport({ year: 2023, format: 'xlsx', show: 'all' });
    expect(xlsx.rows).toBe(7);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(8);
    const names = sheet.getColumn(2).values.slice(2);
    expect(names).toContain("'=1+2");
  });
});
