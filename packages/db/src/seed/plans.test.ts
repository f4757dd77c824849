import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFileSchema, type Indicator, type PlanFile } from '@pm/core';
import {
  buildPlans,
  defaultSeedsDir,
  loadCorrections,
  plansDir,
  quoteAt,
  SEED_PLANS,
  serializePlan,
} from './build-plans';

const stored = (code: string): unknown =>
  JSON.parse(readFileSync(path.join(plansDir, `${code}.json`), 'utf8'));
const plan = (code: string): PlanFile => planFileSchema.parse(stored(code));
const bySeq = (file: PlanFile, seq: number) =>
  file.indicators.find((i) => i.seq === seq) as Indicator;
const table = (file: PlanFile) => file.indicators.filter((i) => i.source.kind === 'table');
const text = (file: PlanFile) => file.indicators.filter((i) => i.source.kind === 'text');
const numbers = (s: string) => (s.normalize('NFKC').match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
const hasSeeds = existsSync(defaultSeedsDir);

describe('built-in plans', () => {
  it.each(SEED_PLANS.map((s) => s.district.code))(
    '%s validates and is stored as the schema writes it',
    (code) => {
      expect(plan(code)).toEqual(stored(code));
      expect(plan(code).plan).toMatchObject({
        baselineYear: 2020,
        midtermYear: 2023,
        targetYear: 2025,
      });
    },
  );

  it('numbers text targets after the table rows, every number taken from its quote', () => {
    for (const seed of SEED_PLANS) {
      const file = plan(seed.district.code);
      const last = Math.max(0, ...table(file).map((i) => i.seq));
      expect(text(file).map((i) => i.seq)).toEqual(text(file).map((_, k) => last + 1 + k));
      for (const ind of text(file)) {
        const quote = ind.source.quote ?? '';
        for (const cell of [ind.raw.baseline, ind.raw.target, ind.raw.rate])
          if (cell !== null) expect(quote).toContain(cell);
        const t = ind.target;
        for (const n of [t.baseline, t.value, t.rate, t.cumulative])
          if (n !== null) expect(numbers(quote)).toContain(n);
      }
    }
  });

  it('gives every correction a reason', () => {
    for (const c of loadCorrections()) expect(c.why.length).toBeGreaterThan(20);
  });
});

describe('Yuhua 裕华区 130108 (表1, tab rows, merged 达到市要求)', () => {
  const file = plan('130108');

  it('has the 17 table rows and the text targets', () => {
    expect(table(file).map((i) => i.seq)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(text(file).map((i) => i.name)).toEqual([
      '地区生产总值',
      '适龄幼儿在公办园和普惠性民办园入园比例',
      '新增冰雪运动示范校',
    ]);
  });

  it('reads the rows as printed', () => {
    expect(bySeq(file, 1)).toMatchObject({
      name: '生产总值(GDP)增长率',
      unit: '%',
      target: { form: 'annual_rate', rate: 6, comparator: 'about', tolerance: null },
    });
    expect(bySeq(file, 4)).toMatchObject({
      name: '市级以上创新平台',
      unit: '个',
      attribute: 'expected',
      target: { form: 'level', baseline: 50, value: 70, rate: 6 },
    });
    // [1.05] beside 20.57 → 26.26 is no increase (5.69) but a yearly factor: the levels are graded.
    expect(bySeq(file, 5).target).toMatchObject({
      form: 'level',
      baseline: 20.57,
      value: 26.26,
      cumulative: null,
      sumOf: null,
    });
    expect(bySeq(file, 5).raw).toMatchObject({
      rate: '[1.05]',
      reading: expect.stringMatching(/^the printed \[1\.05\] is not the increase/),
    });
    expect(bySeq(file, 10).target).toMatchObject({
      form: 'cumulative',
      baseline: 9.5,
      value: 11,
      cumulative: 1.5,
      sumOf: 'increases',
    });
    expect(bySeq(file, 11).target).toMatchObject({
      form: 'bound',
      baseline: 95,
      value: 95,
      comparator: 'at_least',
    });
    expect(bySeq(file, 13)).toMatchObject({ attribute: 'binding', target: { form: 'assigned' } });
  });

  it('carries the merged 达到 市要求 over rows 14–17, all binding, and records the merge', () => {
    for (const seq of [14, 15, 16, 17]) {
      expect(bySeq(file, seq)).toMatchObject({
        attribute: 'binding',
        raw: { rate: '达到 市要求' },
        target: { form: 'assigned' },
      });
    }
    expect(bySeq(file, 14).raw.merged).toBeUndefined();
    expect([15, 16, 17].map((s) => bySeq(file, s).raw.merged)).toEqual([
      ['rate'],
      ['rate'],
      ['rate'],
    ]);
    expect(bySeq(file, 16).target.baseline).toBe(61.4);
    expect(bySeq(file, 14).target).toMatchObject({ comparator: 'at_least', direction: 'decrease' });
    expect(bySeq(file, 17).name).toBe('细颗粒物(PM2.5)浓度降幅');
  });
});

describe('Weibin 卫滨区 410703 (专栏1-1, garbage headers, split rows)', () => {
  const file = plan('410703');

  it('has the 19 numbered rows and the 8a sub-row (城镇就业, [2.5]) numbered 20', () => {
    expect(table(file).map((i) => i.seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 20, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
    expect(bySeq(file, 20)).toMatchObject({
      name: '城镇就业',
      unit: '万人',
      category: '民生福祉',
      target: { form: 'cumulative', cumulative: 2.5, sumOf: 'values' },
      source: { line: 234 },
    });
  });

  it('reads the rows as printed', () => {
    expect(bySeq(file, 1).target).toMatchObject({
      form: 'annual_rate',
      rate: 7,
      comparator: 'about',
      tolerance: null,
    });
    expect(bySeq(file, 3)).toMatchObject({
      raw: { baseline: '3.01 亿' },
      target: { form: 'annual_rate', baseline: null, rate: 7 },
    });
    expect(bySeq(file, 6).target).toMatchObject({ form: 'maintain', baseline: 100, value: 100 });
    expect(bySeq(file, 7)).toMatchObject({
      raw: { rate: '与经济增长\n基本同步', attribute: '预期性' },
      target: { form: 'linked', linkedTo: 1 },
    });
    expect(bySeq(file, 8)).toMatchObject({
      name: '城镇新增就业人数',
      unit: '万人',
      attribute: 'expected',
      target: { form: 'cumulative', cumulative: 2.9, sumOf: 'values' },
    });
    expect(bySeq(file, 9).target).toMatchObject({
      form: 'bound',
      baseline: 4,
      value: 4,
      comparator: 'below',
    });
    expect(bySeq(file, 13).target).toMatchObject({
      form: 'level',
      baseline: 81.2,
      value: 85,
      comparator: 'at_least',
    });
    expect(bySeq(file, 19).target).toMatchObject({
      form: 'bound',
      baseline: 2.5,
      value: 2.5,
      comparator: 'at_least',
    });
  });

  it('reads 按市下达目标, however split, as assigned and binding', () => {
    expect(bySeq(file, 16)).toMatchObject({
      attribute: 'binding',
      raw: { rate: '按市下达目 标' },
      target: { form: 'assigned', direction: 'decrease' },
    });
    expect(bySeq(file, 17)).toMatchObject({
      name: '空气优良天数比例',
      attribute: 'binding',
      raw: { target: '按市下 达目标' },
      target: { form: 'assigned', baseline: 65.3 },
    });
  });

  it('places the categories the PDF centred', () => {
    const categories = table(file).map((i) => `${i.seq}:${i.category}`);
    expect(categories.filter((c) => c.endsWith('经济发展'))).toEqual([
      '1:经济发展',
      '2:经济发展',
      '3:经济发展',
      '4:经济发展',
      '5:经济发展',
      '6:经济发展',
    ]);
    expect(categories.filter((c) => c.endsWith('绿色生态'))).toEqual([
      '16:绿色生态',
      '17:绿色生态',
      '18:绿色生态',
    ]);
    expect(bySeq(file, 19).category).toBe('安全保障');
  });
});

describe('Xinhua 新华区 410402 (专栏2-1, one cell per line)', () => {
  const file = plan('410402');

  it('has all 18 table rows', () => {
    expect(table(file).map((i) => i.seq)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it('reads the rows as printed', () => {
    expect(bySeq(file, 1)).toMatchObject({
      name: 'GDP',
      unit: '亿元',
      target: { form: 'level', baseline: 272, value: 391.9, rate: 7, comparator: 'at_least' },
    });
    expect(bySeq(file, 2).target).toMatchObject({ form: 'level', baseline: 98, value: 99.5 });
    expect(bySeq(file, 5).target).toMatchObject({
      form: 'level',
      baseline: 2.1,
      value: 2.9,
      rate: 7.6,
    });
    expect(bySeq(file, 6)).toMatchObject({
      attribute: 'expected',
      target: { form: 'monitor', baseline: 2.55 },
    });
    expect(bySeq(file, 7).target).toMatchObject({ form: 'level', baseline: null, value: 50 });
    expect(bySeq(file, 8)).toMatchObject({
      target: { form: 'linked', linkedTo: 1, baseline: 2.5 },
    });
    expect(bySeq(file, 9).target).toMatchObject({
      form: 'bound',
      baseline: 2.59,
      value: 3.2,
      comparator: 'at_most',
    });
    expect(bySeq(file, 10).target).toMatchObject({ form: 'maintain', value: 2.9 });
    expect(bySeq(file, 17)).toMatchObject({
      attribute: 'binding',
      target: { form: 'level', baseline: 35, value: 36 },
    });
  });

  it('reads 按市定目标确定 split over lines as assigned and binding', () => {
    for (const seq of [13, 14, 15, 16]) {
      expect(bySeq(file, seq)).toMatchObject({
        attribute: 'binding',
        raw: { target: '按市定\n目标确定' },
        target: { form: 'assigned' },
      });
    }
  });
});

describe('Qiaoxi 桥西区 130104 and Hebei 河北区 120105 (no table)', () => {
  it.each([
    ['130104', 13],
    ['120105', 19],
  ])('%s has only targets from the running text (%i)', (code, count) => {
    const file = plan(code);
    expect(table(file)).toEqual([]);
    expect(text(file)).toHaveLength(count);
  });

  it('reads 突破, 确保 and 累计 as the text means them', () => {
    const qiaoxi = plan('130104');
    expect(qiaoxi.indicators.find((i) => i.name === '社会消费品零售总额')?.target).toMatchObject({
      form: 'level',
      value: 550,
      comparator: 'above',
    });
    expect(
      qiaoxi.indicators.find((i) => i.name === '水质考核检测点位水质达标率')?.target,
    ).toMatchObject({ form: 'bound', value: 100 });
    const hebei = plan('120105');
    expect(hebei.indicators.find((i) => i.name === '雏鹰企业累计入库')?.target).toMatchObject({
      form: 'cumulative',
      cumulative: 64,
      sumOf: 'values',
    });
  });
});

describe.runIf(hasSeeds)('against the seed documents', () => {
  it('quotes every indicator verbatim at its line', () => {
    for (const seed of SEED_PLANS) {
      const doc = readFileSync(path.join(defaultSeedsDir, seed.file), 'utf8');
      for (const ind of plan(seed.district.code).indicators) {
        expect(ind.source.document).toBe(seed.file);
        expect(
          quoteAt(doc, ind.source.line ?? 0, ind.source.quote ?? ''),
          `${seed.district.code}/${ind.seq}`,
        ).toBe(true);
      }
    }
  });

  it('rebuilds exactly the committed files', () => {
    const { files } = buildPlans(defaultSeedsDir);
    expect(files.map((f) => f.district.code)).toEqual(SEED_PLANS.map((s) => s.district.code));
    for (const file of files) {
      const committed = readFileSync(path.join(plansDir, `${file.district.code}.json`), 'utf8');
      expect(serializePlan(file)).toBe(committed);
    }
  });
});
