import { describe, expect, it } from 'vitest';
import { targetSchema, type Target } from '../plan';
import { readerMessage } from './reader-messages';
import { parseTarget, type TargetCells } from './target';
import { splitUnit } from './text';

const row = (
  name: string,
  baseline: string | null,
  target: string | null,
  rate: string | null,
  attribute = '预期性',
): TargetCells => ({
  name,
  baseline,
  target,
  rate,
  attribute,
});

function target(cells: TargetCells): Target {
  const r = parseTarget(cells);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(targetSchema.parse(r.target)).toEqual(r.target);
  return r.target;
}

describe('parseTarget: level', () => {
  it('reads a baseline-to-target row with a growth rate as level, rate set (Yuhua 4: 50 → 70, 6)', () => {
    expect(target(row('市级以上创新平台 (个)', '50', '70', '6'))).toMatchObject({
      form: 'level',
      baseline: 50,
      value: 70,
      rate: 6,
      comparator: 'at_least',
      direction: 'increase',
    });
  });

  it('takes 以上 in the rate cell as the rate comparator (Xinhua GDP 272 → 391.9, 7以上)', () => {
    expect(target(row('GDP（亿元）', '272', '391.9', '7以上'))).toMatchObject({
      form: 'level',
      baseline: 272,
      value: 391.9,
      rate: 7,
      comparator: 'at_least',
    });
  });

  it('reads 左右 in the rate cell as about, stating no tolerance of its own (the plan default applies)', () => {
    expect(
      target(row('全员劳动生产率（元/人，2020年价格）', '127128', '178774', '7左右')),
    ).toMatchObject({
      form: 'level',
      rate: 7,
      comparator: 'about',
      tolerance: null,
    });
  });

  it('reads numbers with units inside the cells (98% → 99.5%, rate 7.6%)', () => {
    expect(target(row('城镇化率（%）', '98%', '99.5%', null))).toMatchObject({
      form: 'level',
      baseline: 98,
      value: 99.5,
      rate: null,
    });
    expect(target(row('研发经费投入强度（%）', '2.1', '2.9', '7.6%'))).toMatchObject({ rate: 7.6 });
  });

  it('keeps 以上 on a target above the baseline as a level (81.2 → 85 以上)', () => {
    expect(target(row('普惠性幼儿园占比(%)', '81.2', '85 以上', null))).toMatchObject({
      form: 'level',
      value: 85,
      comparator: 'at_least',
      direction: 'increase',
    });
  });

  it('leaves the baseline null when the plan prints —— for it (Xinhua 数字经济 —— → 50)', () => {
    expect(target(row('数字经济实现产值（亿元）', '——', '50', null))).toMatchObject({
      form: 'level',
      baseline: null,
      value: 50,
      direction: null,
    });
  });

  it('reads a lower target as decrease', () => {
    expect(target(row('PM2.5平均浓度(微克/立方米)', '48', '39', null)).direction).toBe('decrease');
  });
});

describe('parseTarget: annual_rate', () => {
  it('reads 6 左右 alone in the 年均增长 cell as about, with the plan’s tolerance', () => {
    expect(target(row('生产总值(GDP) 增长率(%)', '-', '-', '6 左右'))).toMatchObject({
      form: 'annual_rate',
      baseline: null,
      value: null,
      rate: 6,
      comparator: 'about',
      tolerance: null,
      direction: 'increase',
    });
    const footnoted = parseTarget(row('生产总值(GDP) 增长率(%)', '-', '-', '6 左右'), {
      aboutTolerance: 1,
    });
    expect(footnoted.ok && footnoted.target.tolerance).toBe(1);
  });

  it('reads a plain number and 以上 as at_least', () => {
    expect(target(row('规模以上工业增加值增长(%)', null, '_', '7'))).toMatchObject({
      form: 'annual_rate',
      rate: 7,
      comparator: 'at_least',
      tolerance: null,
    });
    expect(target(row('城镇居民人均可支配收入增长率(%)', '-', '-', '6 以上'))).toMatchObject({
      rate: 6,
      comparator: 'at_least',
    });
  });

  it('honours a plan-specific 左右 tolerance', () => {
    const r = parseTarget(row('地区生产总值增长(%)', null, null, '7左右'), { aboutTolerance: 1 });
    expect(r.ok && r.target.tolerance).toBe(1);
  });

  it('keeps a baseline printed in another unit out of the target and says so (3.01 亿 on a growth %)', () => {
    const r = parseTarget(row('一般公共预算收入增长(%)', '3.01 亿', null, '7'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.target).toMatchObject({ form: 'annual_rate', baseline: null, rate: 7 });
    expect(r.notes).toEqual([expect.objectContaining({ cell: 'baseline', text: '3.01 亿' })]);
  });
});

describe('parseTarget: cumulative', () => {
  it('sums increases when the row prints levels whose increase the [x] is (8.2 → 10.5, [2.3])', () => {
    expect(target(row('每万人口发明专利拥有量(件)', '8.2', '10.5', '[2.3]'))).toMatchObject({
      form: 'cumulative',
      baseline: 8.2,
      value: 10.5,
      cumulative: 2.3,
      sumOf: 'increases',
      direction: 'increase',
    });
  });

  it('grades the levels when the [x] contradicts them ([1.05] on 20.57 → 26.26), and says why', () => {
    const parsed = parseTarget({
      name: '每万人口拥有高价值发明专利数(件)',
      baseline: '20.57',
      target: '26.26',
      rate: '[1.05]',
      attribute: '预期性',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.target).toMatchObject({
      form: 'level',
      baseline: 20.57,
      value: 26.26,
      cumulative: null,
      sumOf: null,
      direction: 'increase',
    });
    const said =
      'the printed [1.05] is not the increase from 20.57 to 26.26 (5.69): graded as a level target to 26.26, the cell kept as printed; 20.57 × 1.05^5 ≈ 26.25: a yearly growth factor';
    expect(parsed.reading).toBe(said);
    expect(parsed.notes).toEqual([{ cell: 'rate', text: '[1.05]', message: said }]);
    expect(readerMessage(said, 'zh')).toBe(
      '原文 [1.05] 不是从 20.57 到 26.26 的增量（5.69），与两者矛盾：按达到 26.26 的水平目标评估，原文保留；20.57 × 1.05⁵ ≈ 26.25，[1.05] 应为年均增长系数',
    );
  });

  it('a [x] far from the increase that is no growth factor is a contradiction all the same', () => {
    const parsed = parseTarget({
      name: '市级以上创新平台(个)',
      baseline: '40',
      target: '60',
      rate: '[5]',
      attribute: '预期性',
    });
    expect(parsed.ok && parsed.target.form).toBe('level');
    expect(parsed.ok && parsed.reading).toBe(
      'the printed [5] is not the increase from 40 to 60 (20): graded as a level target to 60, the cell kept as printed',
    );
  });

  it('sums the yearly values of a flow ([2.9] 城镇新增就业, in the target column)', () => {
    expect(target(row('城镇新增就业人数(万人)', null, '[2.9]', null))).toMatchObject({
      form: 'cumulative',
      baseline: null,
      value: null,
      cumulative: 2.9,
      sumOf: 'values',
    });
  });

  it('reads full-width brackets and a comparator after them', () => {
    expect(target(row('城镇新增就业(万人)', null, '［3］以上', null))).toMatchObject({
      cumulative: 3,
      comparator: 'at_least',
    });
  });
});

describe('parseTarget: bound and maintain', () => {
  it('reads 95 以上 with baseline 95 and no path as a bound at_least 95', () => {
    expect(target(row('居民基本养老保险参保率 (%)', '95', '95 以上', '-'))).toMatchObject({
      form: 'bound',
      baseline: 95,
      value: 95,
      comparator: 'at_least',
      direction: 'maintain',
    });
  });

  it('reads <4 (even in the rate column) as a bound below 4', () => {
    expect(target(row('城镇调查失业率(%)', '4', null, '<4'))).toMatchObject({
      form: 'bound',
      value: 4,
      comparator: 'below',
      rate: null,
    });
  });

  it('reads ≥2.5, 不低于, 不高于, 低于 and 控制在…以内 as bounds', () => {
    expect(target(row('粮食综合生产能力(万吨)', '2.5', '≥2.5', null))).toMatchObject({
      form: 'bound',
      comparator: 'at_least',
    });
    expect(target(row('森林覆盖率(%)', null, '不低于30%', null))).toMatchObject({
      form: 'bound',
      value: 30,
      comparator: 'at_least',
    });
    expect(target(row('负债率(%)', null, '不高于60', null))).toMatchObject({
      form: 'bound',
      comparator: 'at_most',
    });
    expect(target(row('PM2.5浓度(微克/立方米)', null, '低于35', null))).toMatchObject({
      form: 'bound',
      comparator: 'below',
    });
    expect(target(row('城镇登记失业率(%)', null, '控制在4%以内', null))).toMatchObject({
      form: 'bound',
      value: 4,
      comparator: 'below',
    });
    expect(target(row('城镇登记失业率(%)', null, '≤ 4.5', null))).toMatchObject({
      comparator: 'at_most',
    });
  });

  it('reads a bare unemployment target as a ceiling (3.2 for unemployment)', () => {
    expect(target(row('城镇调查失业率（%）', '2.59', '3.2', null))).toMatchObject({
      form: 'bound',
      baseline: 2.59,
      value: 3.2,
      comparator: 'at_most',
    });
  });

  it('reads 100 → 100 as maintain', () => {
    expect(target(row('小学适龄儿童入学率(%)', '100', '100', null, '约束性'))).toMatchObject({
      form: 'maintain',
      baseline: 100,
      value: 100,
      comparator: null,
      direction: 'maintain',
    });
  });
});

describe('parseTarget: assigned, linked, monitor', () => {
  it.each([
    '达到 市要求',
    '达到\n市要求',
    '按市下达目 标',
    '按市下 达目标',
    '按市定\n目标确定',
    '按市下达目标',
  ])('reads %j as assigned', (text) => {
    expect(target(row('空气优良天数比例(%)', '65.3', text, '_', '约束性'))).toMatchObject({
      form: 'assigned',
      baseline: 65.3,
      comparator: 'at_least',
    });
  });

  it('gives an assigned unemployment rate the at_most comparator', () => {
    expect(target(row('城镇调查失业率(%)', '-', '-', '达到 市要求')).comparator).toBe('at_most');
  });

  it('reads reductions (…降幅, …降低) as reduce by at least: at_least, direction decrease', () => {
    expect(
      target(row('单位 GDP 能耗消耗降幅(%)', '-', '-', '达到 市要求', '约束性')),
    ).toMatchObject({
      form: 'assigned',
      comparator: 'at_least',
      direction: 'decrease',
    });
    expect(target(row('单位生产总值能耗降低（%）', null, '15', null))).toMatchObject({
      form: 'level',
      comparator: 'at_least',
      direction: 'decrease',
    });
  });

  it('reads 与经济增长基本同步, split over lines, as linked with the 基本同步 tolerance', () => {
    expect(
      target(row('居民人均可支配收入增长率(%)', null, null, '与经济增长\n基本同步')),
    ).toMatchObject({
      form: 'linked',
      linkedTo: null,
      comparator: 'at_least',
      tolerance: null,
    });
  });

  it.each([
    ['高于GDP增长', 'above'],
    ['高于经济增长', 'above'],
    ['快于地区生产总值增速', 'above'],
    ['略高于经济增长', 'above'],
    ['不低于经济增长', 'at_least'],
    ['与经济增长同步', 'at_least'],
  ] as const)('reads %s as linked %s with a tolerance of 0 of its own', (text, comparator) => {
    expect(target(row('居民人均可支配收入增长(%)', null, null, text))).toMatchObject({
      form: 'linked',
      comparator,
      tolerance: 0,
    });
  });

  it('reads [x] on a …降低/…降幅/…下降 indicator in % as a compounded total of yearly cuts', () => {
    for (const name of [
      '单位GDP能源消耗降低(%)',
      '单位地区生产总值能耗降幅(%)',
      '单位GDP二氧化碳排放下降(%)',
    ]) {
      expect(target(row(name, null, null, '[13.5]'))).toMatchObject({
        form: 'cumulative',
        cumulative: 13.5,
        sumOf: 'compound',
        direction: 'decrease',
      });
    }
  });

  it('keeps a total of new jobs or of a reduction not in % a plain sum', () => {
    expect(target(row('城镇新增就业（万人）', null, null, '[2.9]'))).toMatchObject({
      sumOf: 'values',
    });
    expect(target(row('化学需氧量排放总量减少（万吨）', null, null, '[1.2]'))).toMatchObject({
      sumOf: 'values',
    });
  });

  it('reads a baseline with no target (——, -, _ or empty) as monitor', () => {
    for (const t of ['——', '-', '_', '', null]) {
      expect(target(row('每万人拥有高价值发明专利数（件）', '2.55', t, null))).toMatchObject({
        form: 'monitor',
        baseline: 2.55,
        value: null,
        comparator: null,
        direction: null,
      });
    }
  });
});

describe('parseTarget: targets read from the running text', () => {
  const text = (name: string, phrase: string, opts = {}) => {
    const r = parseTarget(
      { name, baseline: null, target: phrase, rate: null, attribute: null },
      { defaultAttribute: 'expected', ...opts },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.target;
  };

  it('reads 突破 and 超过 as a level to pass, not a limit', () => {
    expect(text('社会消费品零售总额（亿元）', '突破 550 亿元')).toMatchObject({
      form: 'level',
      value: 550,
      comparator: 'above',
    });
    expect(text('学前一年毛入园率(%)', '超过99%')).toMatchObject({
      form: 'level',
      value: 99,
      comparator: 'above',
    });
    expect(text('公办园在园幼儿占比(%)', '达 50%')).toMatchObject({
      form: 'level',
      value: 50,
      comparator: null,
    });
  });

  it('reads a number the sentence calls a total (累计, 新增) as cumulative values', () => {
    expect(text('农村劳动力转移就业(万人)', '4 万人以上', { total: true })).toMatchObject({
      form: 'cumulative',
      value: null,
      cumulative: 4,
      sumOf: 'values',
      comparator: 'at_least',
    });
  });

  it('reads a number the sentence keeps every year (保持, 确保) as a bound', () => {
    expect(text('初中巩固率(%)', '98%以上', { everyYear: true })).toMatchObject({
      form: 'bound',
      value: 98,
      comparator: 'at_least',
    });
    expect(text('小学巩固率(%)', '100%', { everyYear: true })).toMatchObject({
      form: 'bound',
      value: 100,
      comparator: 'at_least',
    });
    expect(text('城镇登记失业率(%)', '4%', { everyYear: true })).toMatchObject({
      form: 'bound',
      comparator: 'at_most',
    });
  });

  it('reads a level with its growth rate from one sentence (47973元，年均增长5%)', () => {
    const r = parseTarget(
      {
        name: '城乡居民可支配收入（元）',
        baseline: null,
        target: '47973元',
        rate: '5%',
        attribute: null,
      },
      { defaultAttribute: 'expected' },
    );
    expect(r.ok && r.target).toMatchObject({
      form: 'level',
      baseline: null,
      value: 47973,
      rate: 5,
      comparator: 'at_least',
    });
  });
});

describe('parseTarget: attribute and errors', () => {
  it('reads 预期性 and 约束性, spaces or not', () => {
    const r = parseTarget(row('森林覆盖率（%）', '35', '36', null, '约 束 性'));
    expect(r.ok && r.attribute).toBe('binding');
  });

  it('reports garbage in the attribute cell instead of accepting it (7次列 正, 海江)', () => {
    for (const text of ['预期性\n7次列 正', '海江']) {
      const r = parseTarget(
        row('居民人均可支配收入增长率(%)', null, null, '与经济增长基本同步', text),
      );
      expect(r).toEqual({
        ok: false,
        errors: [expect.objectContaining({ cell: 'attribute', text })],
      });
    }
  });

  it('reports an empty attribute cell unless a default is given', () => {
    expect(parseTarget(row('城镇调查失业率(%)', '4', null, '<4', '')).ok).toBe(false);
    const r = parseTarget(row('城镇调查失业率(%)', '4', null, '<4', ''), {
      defaultAttribute: 'expected',
    });
    expect(r.ok && r.attribute).toBe('expected');
  });

  it('names the cell and the text it cannot read', () => {
    const r = parseTarget(row('市级以上创新平台 (个)', '50', '大幅提升', '6'));
    expect(r).toEqual({
      ok: false,
      errors: [{ cell: 'target', text: '大幅提升', message: expect.any(String) }],
    });
  });

  it('rejects unknown words after a number, a target in the wrong unit and contradictions', () => {
    expect(parseTarget(row('市级以上创新平台 (个)', '50', '70家企业', null)).ok).toBe(false);
    expect(parseTarget(row('粮食综合生产能力(万吨)', '2.5', '30%', null)).ok).toBe(false);
    expect(parseTarget(row('森林覆盖率(%)', null, '≥30以下', null)).ok).toBe(false);
  });

  it('rejects a row with nothing to track', () => {
    const r = parseTarget(row('人均预期寿命 (岁)', '-', '-', '-'));
    expect(r.ok).toBe(false);
  });

  it('rejects two targets in one row', () => {
    expect(parseTarget(row('空气优良天数比例(%)', '65.3', '按市下达目标', '7')).ok).toBe(false);
    expect(parseTarget(row('城镇新增就业(万人)', null, '[2.9]', '6')).ok).toBe(false);
  });

  it('never throws, whatever the text', () => {
    for (const junk of ['', '[]', '[', '——7', '7..5', '≥', '左右', '\t', 'NaN', '1e9']) {
      expect(() => parseTarget(row('x(%)', junk, junk, junk, junk))).not.toThrow();
    }
  });
});

describe('splitUnit', () => {
  it('takes the unit from the trailing brackets of the name', () => {
    expect(splitUnit('城镇调查失业率(%)')).toEqual({ name: '城镇调查失业率', unit: '%' });
    expect(splitUnit('GDP（亿元）')).toEqual({ name: 'GDP', unit: '亿元' });
    expect(splitUnit('每千人口执业(助理)医师数(人)')).toEqual({
      name: '每千人口执业(助理)医师数',
      unit: '人',
    });
    expect(splitUnit('全员劳动生产率（元/人，2020年价格）')).toEqual({
      name: '全员劳动生产率（2020年价格）',
      unit: '元/人',
    });
  });

  it('leaves brackets that hold no unit in the name', () => {
    expect(splitUnit('地区生产总值(GDP)')).toEqual({ name: '地区生产总值(GDP)', unit: '' });
    expect(splitUnit('城镇新增就业人数')).toEqual({ name: '城镇新增就业人数', unit: '' });
  });
});

describe('parseTarget: a baseline printed for another year', () => {
  it.each(['77.3（2019年）', '77.3(2019年数据)', '77.3 (2019)'])(
    'reads %s as 77.3 of 2019 (B′)',
    (cell) => {
      expect(target(row('森林覆盖率（%）', cell, '78.3', null))).toMatchObject({
        form: 'level',
        baseline: 77.3,
        value: 78.3,
        baselineYear: 2019,
      });
    },
  );

  it('leaves a baseline without a year to the plan’s B', () => {
    expect(target(row('森林覆盖率（%）', '77.3', '78.3', null)).baselineYear).toBeNull();
  });
});
