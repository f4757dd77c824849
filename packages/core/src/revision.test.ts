import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assess';
import { actual, context } from './assess/test-support';
import type { Indicator, Target } from './plan';
import { parseTarget, splitUnit } from './parse';
import { readRevisedTarget, targetInForce, type RevisionProblem } from './revision';
import { revisionWords } from './words';

/** An indicator as the plan's table prints it: name with unit, baseline, 目标, 年均增长 cells. */
function planned(
  seq: number,
  name: string,
  baseline: string | null,
  target: string | null,
  rate: string | null,
  opts: { total?: boolean } = {},
): Indicator {
  const cells = { name, baseline, target, rate, attribute: '约束性' };
  const parsed = parseTarget(cells, opts);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { name: bare } = splitUnit(name);
  return {
    seq,
    category: '',
    name: bare,
    unit: parsed.unit,
    attribute: parsed.attribute,
    leadDepartment: null,
    raw: { baseline, target, rate, attribute: '约束性' },
    target: parsed.target,
    revisions: [],
    source: { document: '规划纲要', line: null, kind: 'table', quote: null },
  };
}

const platforms = planned(4, '市级以上创新平台(个)', '50', '70', null);
const gdpGrowth = planned(1, '地区生产总值增长(%)', null, null, '6 左右');
const jobs = planned(9, '城镇新增就业(万人)', null, '[2.9]', null);

function read(ind: Indicator, text: string, fromYear = 2024, plan: Indicator[] = []): Target {
  const r = readRevisedTarget(ind, text, fromYear, plan);
  if (!r.ok) throw new Error(r.problem.message);
  return r.target;
}

function refused(ind: Indicator, text: string, fromYear = 2024, plan: Indicator[] = []) {
  const r = readRevisedTarget(ind, text, fromYear, plan);
  if (r.ok) throw new Error(`read ${JSON.stringify(r.target)}`);
  return r.problem;
}

const revised = (ind: Indicator, fromYear: number, target: Target): Indicator => ({
  ...ind,
  revisions: [
    ...ind.revisions,
    {
      fromYear,
      target,
      text: null,
      document: '调整决定',
      reason: '中期评估',
      revisedBy: null,
      revisedAt: null,
    },
  ],
});

describe('readRevisedTarget: the plan’s own words', () => {
  it('reads 65 on a level 50 → 70 as the level 50 → 65, the baseline kept', () => {
    expect(read(platforms, '65')).toMatchObject({
      form: 'level',
      baseline: 50,
      value: 65,
      direction: 'increase',
    });
  });

  it('reads a growth rate where the plan printed it: 5.5 左右 and 年均增长 5% 左右 alike', () => {
    const expected = { form: 'annual_rate', rate: 5, comparator: 'about' };
    expect(read(gdpGrowth, '年均增长 5% 左右')).toMatchObject(expected);
    expect(read(gdpGrowth, '5 左右')).toMatchObject(expected);
    expect(read(gdpGrowth, '7以上')).toMatchObject({ rate: 7, comparator: 'at_least' });
  });

  it('states a level and its growth rate after a semicolon: 65；年均增长 5%', () => {
    expect(read(platforms, '65；年均增长 5%')).toMatchObject({ form: 'level', value: 65, rate: 5 });
  });

  it('keeps a five-year total a total: 3.2 and 累计 3.2 on [2.9] are [3.2]', () => {
    for (const text of ['3.2', '累计 3.2', '[3.2]'])
      expect(read(jobs, text), text).toMatchObject({
        form: 'cumulative',
        cumulative: 3.2,
        sumOf: 'values',
      });
  });

  it('compounds a reduction total in % (单位GDP能耗降低 [13.5] → 累计 14)', () => {
    const energy = planned(14, '单位GDP能源消耗降低(%)', null, '[13.5]', null);
    expect(read(energy, '累计 14')).toMatchObject({
      form: 'cumulative',
      cumulative: 14,
      sumOf: 'compound',
      direction: 'decrease',
    });
  });

  it('reads a ceiling on an assigned rate as a bound (失业率 达到市要求 → <5.5)', () => {
    const jobless = planned(8, '城镇调查失业率(%)', null, null, '达到市要求');
    expect(read(jobless, '<5.5')).toMatchObject({ form: 'bound', value: 5.5, comparator: 'below' });
  });

  it('keeps a baseline printed for another year (B′ = 2019)', () => {
    const life = planned(10, '人均预期寿命(岁)', '77.3（2019年）', '78.3', null);
    expect(read(life, '78')).toMatchObject({ value: 78, baseline: 77.3, baselineYear: 2019 });
  });

  it('keeps the tolerance of 左右 the target in force states', () => {
    const own = { ...gdpGrowth, target: { ...gdpGrowth.target, tolerance: 1 } };
    expect(read(own, '5 左右').tolerance).toBe(1);
    expect(read(gdpGrowth, '5 左右').tolerance).toBeNull();
  });

  it('links 高于GDP增长 to what the target tracked, else the plan’s GDP indicator', () => {
    const income = planned(7, '居民人均可支配收入增长(%)', null, null, '与经济增长基本同步');
    const linked = { ...income, target: { ...income.target, linkedTo: 1 } };
    expect(read(linked, '高于GDP增长')).toMatchObject({
      form: 'linked',
      comparator: 'above',
      tolerance: 0,
      linkedTo: 1,
    });
    const rate = planned(7, '居民人均可支配收入增长(%)', null, null, '6');
    expect(read(rate, '与经济增长基本同步', 2024, [gdpGrowth, rate]).linkedTo).toBe(1);
    expect(refused(rate, '与经济增长基本同步', 2024, [rate]).reason).toBe('unlinked');
  });
});

describe('readRevisedTarget: what it refuses, and why', () => {
  const reason = (p: RevisionProblem) => p.reason;

  it('refuses an empty text and one it cannot read', () => {
    expect(reason(refused(platforms, '  '))).toBe('empty');
    expect(refused(platforms, '大幅提高')).toMatchObject({ reason: 'unreadable' });
    expect(refused(platforms, '65；70')).toMatchObject({
      reason: 'unreadable',
      detail: 'two targets',
    });
  });

  it('refuses a number in another unit than the indicator’s', () => {
    expect(refused(platforms, '65 万人')).toMatchObject({
      reason: 'unit',
      unit: '万人',
      expected: '个',
    });
    expect(refused(gdpGrowth, '年均增长 5 亿元')).toMatchObject({ reason: 'unit', expected: '%' });
  });

  it('refuses a target for other figures: a level indicator cannot become a growth rate', () => {
    expect(refused(platforms, '年均增长 5%')).toMatchObject({
      reason: 'figures',
      figures: 'levels',
    });
    expect(refused(gdpGrowth, '[30]')).toMatchObject({ reason: 'figures', figures: 'changes' });
  });

  it('refuses the target already in force from that year, not one in force only later', () => {
    expect(reason(refused(platforms, '70'))).toBe('unchanged');
    const once = revised(platforms, 2024, read(platforms, '65'));
    expect(reason(refused(once, '65', 2025))).toBe('unchanged');
    expect(read(once, '65', 2023)).toMatchObject({ value: 65 });
  });
});

describe('the target in force', () => {
  it('is the latest revision from a year up to then; of two from one year, the later', () => {
    const a = read(platforms, '65');
    const b = read(platforms, '66');
    const twice = revised(revised(platforms, 2024, a), 2024, b);
    expect(targetInForce(twice, 2023).value).toBe(70);
    expect(targetInForce(twice, 2024).value).toBe(66);
    expect(targetInForce(twice, 2025).value).toBe(66);
  });

  it('grades against the revised target: 65 in 2025 is achieved against 65', () => {
    const once = revised(platforms, 2024, read(platforms, '65'));
    const a = assessIndicator(once, [actual(2025, 65, 4)], context(2025));
    expect(a.status).toBe('achieved');
  });
});

describe('revisionWords', () => {
  it('says 原目标 70，2024 年调整为 65 / Originally 70; revised to 65 from 2024', () => {
    expect(revisionWords(2024, '70', '65')).toEqual({
      zh: '原目标 70，2024 年调整为 65',
      en: 'Originally 70; revised to 65 from 2024',
    });
  });

  it('writes a dash for a text it does not have', () => {
    expect(revisionWords(2024, null, ' ').zh).toBe('原目标 —，2024 年调整为 —');
  });
});
