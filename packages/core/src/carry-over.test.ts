import { describe, expect, it } from 'vitest';
import { indicator } from './assess/test-support';
import {
  agrees,
  carryOverProposals,
  carryOverWords,
  matchIndicators,
  matchParts,
  matchProblems,
  signedPct,
  type CarryOverPlan,
} from './carry-over';
import type { Indicator, YearValue } from './plan';

const previousPeriod = { baselineYear: 2020, targetYear: 2025 };
const nextPeriod = { baselineYear: 2025, targetYear: 2030 };

const named = (seq: number, name: string, unit: string) => ({ seq, name, unit });

const level = (seq: number, name: string, unit: string, baseline: number | null = null) =>
  indicator(
    { form: 'level', baseline, value: 100, direction: 'increase' },
    {
      seq,
      name,
      unit,
      raw: {
        baseline: baseline === null ? '-' : String(baseline),
        target: '100',
        rate: null,
        attribute: null,
      },
    },
  );

const approved = (seq: number, year: number, value: number): YearValue => ({
  seq,
  year,
  kind: 'actual',
  value,
});

describe('matching indicators of two plans', () => {
  it('matches the same name and unit whatever the spacing, width, marks and footnotes', () => {
    const key = (name: string, unit: string) => matchParts({ name, unit });
    const plain = key('地区生产总值(GDP)', '亿元');
    expect(key(' 地区生产总值（ＧＤＰ） ', '亿 元')).toEqual(plain);
    expect(key('地区生产总值(GDP)★', '亿元')).toEqual(plain);
    expect(key('※地区生产总值(GDP)①', '亿元')).toEqual(plain);
    expect(key('地区生产总值(GDP)¹', '亿元')).toEqual(plain);
    expect(key('地区生产总值(GDP)[注2]', '亿元')).toEqual(plain);
    expect(key('“地区生产总值(GDP)”', '亿元')).toEqual(plain);
    expect(key('地区生产总值(gdp)', '亿元')).toEqual(plain);
  });

  it('reads a unit printed in the name when the unit column is empty', () => {
    expect(matchParts({ name: '城镇化率（%）', unit: '' })).toEqual(
      matchParts({ name: '城镇化率', unit: '％' }),
    );
  });

  it('keeps apart what differs in words, in brackets that are not notes, or in unit', () => {
    const key = (name: string, unit: string) => matchParts({ name, unit });
    expect(key('全员劳动生产率（2020年价格）', '元/人')).not.toEqual(
      key('全员劳动生产率（2025年价格）', '元/人'),
    );
    expect(key('地区生产总值', '亿元')).not.toEqual(key('地区生产总值', '万元'));
    expect(key('每千人口拥有3岁以下婴幼儿托位数', '个')).not.toEqual(
      key('每千人口拥有婴幼儿托位数', '个'),
    );
  });

  it('pairs each new indicator with the previous one of its name, in the new plan order', () => {
    const previous = [named(1, '地区生产总值', '亿元'), named(2, '森林覆盖率', '%')];
    const next = [
      named(7, '森林覆盖率', '%'),
      named(3, '地区生产总值', '亿元'),
      named(9, '新增', '个'),
    ];
    expect(matchIndicators(previous, next)).toEqual([
      { seq: 7, previous: named(2, '森林覆盖率', '%'), how: 'name_unit', candidates: [] },
      { seq: 3, previous: named(1, '地区生产总值', '亿元'), how: 'name_unit', candidates: [] },
      { seq: 9, previous: null, how: null, candidates: [] },
    ]);
  });

  it('leaves a name that several indicators share for a match by hand', () => {
    const previous = [named(1, '新增就业', '万人'), named(2, '新增就业', '万人')];
    const next = [named(5, '新增就业', '万人')];
    expect(matchIndicators(previous, next)).toEqual([
      { seq: 5, previous: null, how: null, candidates: [1, 2] },
    ]);
    const twice = [named(5, '新增就业', '万人'), named(6, '新增就业', '万人')];
    expect(matchIndicators([named(1, '新增就业', '万人')], twice).map((m) => m.previous)).toEqual([
      null,
      null,
    ]);
  });

  it('a match by hand wins over the name, and may say there is none', () => {
    const previous = [named(13, '单位生产总值能耗降低', '%'), named(2, '森林覆盖率', '%')];
    const next = [named(4, '单位地区生产总值能源消耗降低', '%'), named(8, '森林覆盖率', '%')];
    const matches = matchIndicators(previous, next, [
      { seq: 4, previousSeq: 13 },
      { seq: 8, previousSeq: null },
    ]);
    expect(matches.map((m) => [m.seq, m.previous?.seq ?? null, m.how])).toEqual([
      [4, 13, 'manual'],
      [8, null, 'manual'],
    ]);
  });

  it('refuses manual matches naming indicators neither plan has, or one twice', () => {
    const previous = [named(1, 'a', '')];
    const next = [named(2, 'b', '')];
    expect(
      matchProblems(previous, next, [
        { seq: 9, previousSeq: 1 },
        { seq: 2, previousSeq: 8 },
        { seq: 2, previousSeq: 1 },
      ]),
    ).toEqual([
      { index: 0, code: 'unknown_seq', seq: 9 },
      { index: 1, code: 'unknown_previous', previousSeq: 8 },
      { index: 2, code: 'duplicate', seq: 2, first: 1 },
    ]);
  });
});

describe('carry-over proposals', () => {
  const previous: CarryOverPlan = {
    plan: previousPeriod,
    indicators: [
      named(1, '地区生产总值', '亿元'),
      named(2, '森林覆盖率', '%'),
      named(3, '研发经费投入强度', '%'),
      named(4, '城镇调查失业率', '%'),
      named(5, '每千人口执业医师数', '人'),
      named(6, '常住人口', '万人'),
    ],
  };
  const values = [
    approved(1, 2025, 412.5),
    approved(2, 2025, 36.2),
    approved(3, 2025, 2.14),
    approved(4, 2025, 5.1),
    approved(1, 2024, 390),
  ];
  const rate: Indicator = indicator(
    { form: 'bound', value: 5.5, comparator: 'below' },
    { seq: 14, name: '城镇调查失业率', unit: '%' },
  );
  const next = {
    plan: nextPeriod,
    indicators: [
      level(11, '地区生产总值', '亿元'),
      level(12, '森林覆盖率', '%', 36.2),
      level(13, '研发经费投入强度', '%', 2.4),
      rate,
      level(15, '每千人口执业医师数', '人'),
      level(16, '常住人口', '人'),
      level(17, '数字经济核心产业增加值占比', '%'),
    ],
  };

  it('proposes the approved figure of the baseline year where the plan prints no baseline', () => {
    const { year, rows } = carryOverProposals(previous, values, next);
    expect(year).toBe(2025);
    expect(
      rows.map((r) => [r.seq, r.match?.seq ?? null, r.previousFigure, r.action, r.why]),
    ).toEqual([
      [11, 1, 412.5, 'apply', null],
      [12, 2, 36.2, 'keep_printed', 'agrees'],
      [13, 3, 2.14, 'disagree', null],
      [14, 4, 5.1, 'nothing', 'not_used'],
      [15, 5, null, 'nothing', 'no_figure'],
      [16, null, null, 'nothing', 'no_match'],
      [17, null, null, 'nothing', 'no_match'],
    ]);
  });

  it('a disagreement carries both numbers and the relative difference', () => {
    const row = carryOverProposals(previous, values, next).rows.find((r) => r.seq === 13)!;
    expect(row).toMatchObject({ printedBaseline: 2.4, previousFigure: 2.14 });
    expect(row.difference).toBeCloseTo((2.4 - 2.14) / 2.14, 10);
    expect(carryOverWords(row, 2025).zh).toBe(
      '保留规划基数 2.4；比上期 2025 年审定值 2.14 高 12.1%',
    );
  });

  it('a matched indicator of another unit carries nothing over', () => {
    const { rows } = carryOverProposals(previous, [...values, approved(6, 2025, 80)], next, [
      { seq: 16, previousSeq: 6 },
    ]);
    expect(rows.find((r) => r.seq === 16)).toMatchObject({
      how: 'manual',
      previousFigure: 80,
      action: 'nothing',
      why: 'unit_differs',
    });
    const visits = { ...next, indicators: [level(16, '常住人口', '万人次')] };
    const [row] = carryOverProposals(previous, [approved(6, 2025, 80)], visits, [
      { seq: 16, previousSeq: 6 },
    ]).rows;
    expect(row).toMatchObject({ action: 'nothing', why: 'unit_differs' });
  });

  it('a match by hand carries over the figure of the indicator chosen', () => {
    const { rows } = carryOverProposals(previous, values, next, [{ seq: 17, previousSeq: 3 }]);
    expect(rows.find((r) => r.seq === 17)).toMatchObject({
      match: named(3, '研发经费投入强度', '%'),
      previousFigure: 2.14,
      action: 'apply',
    });
  });

  it('takes the baseline year from the new plan, whatever its years', () => {
    const later = { ...next, plan: { baselineYear: 2024, targetYear: 2035 } };
    expect(carryOverProposals(previous, values, later).rows[0]).toMatchObject({
      previousFigure: 390,
      action: 'apply',
    });
  });

  it('reads only actuals of that year, and says when the same approved figure is stored', () => {
    const target: YearValue = { seq: 1, year: 2025, kind: 'assigned_target', value: 1 };
    const stored = [
      { seq: 11, year: 2025, kind: 'actual' as const, value: 412.5, state: 'approved' as const },
    ];
    const { rows } = carryOverProposals(previous, [target, ...values.slice(1)], next, [], {
      stored,
    });
    expect(rows[0]).toMatchObject({ previousFigure: null, action: 'nothing', why: 'no_figure' });
    const again = carryOverProposals(previous, values, next, [], { stored }).rows[0]!;
    expect(again).toMatchObject({
      action: 'nothing',
      why: 'already_stored',
      stored: { value: 412.5 },
    });
    const draft = [{ ...stored[0]!, value: 400, state: 'draft' as const }];
    const replacing = carryOverProposals(previous, values, next, [], { stored: draft }).rows[0]!;
    expect(replacing).toMatchObject({ action: 'apply', stored: { value: 400, state: 'draft' } });
    expect(carryOverWords(replacing, 2025).zh).toBe('承接 2025 年审定值 412.5，替换现有 400');
  });

  it('keeps a baseline printed for another year without comparing it', () => {
    const other = indicator(
      { form: 'level', baseline: 30, value: 40, baselineYear: 2024 },
      { seq: 12, name: '森林覆盖率', unit: '%' },
    );
    const { rows } = carryOverProposals(previous, values, { ...next, indicators: [other] });
    expect(rows[0]).toMatchObject({ action: 'keep_printed', why: 'other_year', printedYear: 2024 });
  });

  it('returns the problems of manual matches instead of rows', () => {
    const out = carryOverProposals(previous, values, next, [{ seq: 99, previousSeq: 1 }]);
    expect(out.rows).toEqual([]);
    expect(out.problems).toEqual([{ index: 0, code: 'unknown_seq', seq: 99 }]);
  });
});

describe('whether a printed baseline agrees with the figure', () => {
  it('agrees when it is the figure rounded as printed', () => {
    expect(agrees(98, 98.4)).toBe(true);
    expect(agrees(2.1, 2.14)).toBe(true);
    expect(agrees(2.1, 2.16)).toBe(false);
    expect(agrees(2.1, 2.14, 0.005, 2)).toBe(false);
  });
  it('agrees within the relative tolerance, and never with a figure of 0 unless equal', () => {
    expect(agrees(127128, 127500)).toBe(true);
    expect(agrees(127128, 128000)).toBe(false);
    expect(agrees(0.3, 0)).toBe(false);
    expect(agrees(0, 0)).toBe(true);
  });
  it('reads the decimals from the plan cell: a printed 36.0 is not 36.2', () => {
    const printed = indicator(
      { form: 'level', baseline: 36, value: 40 },
      {
        seq: 1,
        name: '森林覆盖率',
        unit: '%',
        raw: { baseline: '36.0', target: '40', rate: null, attribute: null },
      },
    );
    const { rows } = carryOverProposals(
      { plan: previousPeriod, indicators: [named(1, '森林覆盖率', '%')] },
      [approved(1, 2025, 36.2)],
      { plan: nextPeriod, indicators: [printed] },
    );
    expect(rows[0]).toMatchObject({ action: 'disagree' });
  });
  it('writes a difference with its sign', () => {
    expect(signedPct(0.0421)).toBe('+4.2%');
    expect(signedPct(-0.008)).toBe('-0.8%');
    expect(signedPct(null)).toBe('—');
  });
});
