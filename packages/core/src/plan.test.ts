import { describe, expect, it } from 'vitest';
import { defaultSettings, planFileSchema, PLAN_FORMAT, PLAN_FORMAT_V1 } from './plan';

const indicator = {
  seq: 1,
  category: '经济发展',
  name: '生产总值(GDP)增长率',
  unit: '%',
  attribute: 'expected',
  leadDepartment: null,
  raw: { baseline: '-', target: '-', rate: '6 左右', attribute: '预期性' },
  target: {
    form: 'annual_rate',
    baseline: null,
    value: null,
    rate: 6,
    cumulative: null,
    comparator: 'about',
    tolerance: 0.5,
    direction: 'increase',
    linkedTo: null,
  },
  source: { document: '裕华区十四五规划纲要', line: 279, kind: 'table', quote: null },
};
const file = {
  format: PLAN_FORMAT,
  district: { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' },
  plan: { title: '十四五规划', baselineYear: 2020, midtermYear: 2023, targetYear: 2025 },
  indicators: [indicator],
};

describe('plan interchange schema', () => {
  it('fills the spec defaults for settings and sumOf', () => {
    const parsed = planFileSchema.parse(file);
    expect(parsed.plan.settings).toEqual(defaultSettings);
    expect(defaultSettings).toMatchObject({
      epsilon: 0.05,
      delta: 0.2,
      rateAheadGap: 1,
      rateBasicGap: 0.5,
      linkedTolerance: 0.5,
    });
    expect(parsed.indicators[0]?.target.sumOf).toBeNull();
  });

  it('reads a file written before v2: no baseline year, no revisions, settings without δ, a tolerance of 0 as none', () => {
    const zero = { ...indicator, target: { ...indicator.target, tolerance: 0 } };
    const parsed = planFileSchema.parse({
      ...file,
      format: PLAN_FORMAT_V1,
      plan: { ...file.plan, settings: { epsilon: 0.1 } },
      indicators: [zero],
    });
    expect(parsed.format).toBe(PLAN_FORMAT);
    expect(parsed.indicators[0]?.target.tolerance).toBeNull();
    expect(parsed.indicators[0]?.target.baselineYear).toBeNull();
    expect(parsed.indicators[0]?.revisions).toEqual([]);
    expect(parsed.plan.settings).toMatchObject({ epsilon: 0.1, delta: 0.2 });
  });

  it('keeps a stated tolerance of 0 and a missing one (null) apart', () => {
    const none = { ...indicator, target: { ...indicator.target, tolerance: null } };
    const zero = { ...indicator, seq: 2, target: { ...indicator.target, tolerance: 0 } };
    const parsed = planFileSchema.parse({ ...file, indicators: [none, zero] });
    expect(parsed.indicators.map((i) => i.target.tolerance)).toEqual([null, 0]);
  });

  it('carries revisions, a correction from the same year too, and refuses one outside the period or linked to nothing', () => {
    const revision = {
      fromYear: 2024,
      target: { ...indicator.target, rate: 5 },
      text: '5 左右',
      document: '区人大常委会关于调整规划指标的决定',
      reason: '中期评估后调整',
    };
    const ok = planFileSchema.parse({
      ...file,
      indicators: [{ ...indicator, revisions: [revision] }],
    });
    expect(ok.indicators[0]?.revisions[0]).toMatchObject({ fromYear: 2024, revisedBy: null });
    const bad = planFileSchema.safeParse({
      ...file,
      indicators: [
        {
          ...indicator,
          revisions: [
            { ...revision, fromYear: 2020 },
            { ...revision, fromYear: 2024 },
            { ...revision, fromYear: 2024, target: { ...revision.target, linkedTo: 7 } },
          ],
        },
      ],
    });
    const messages = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      'indicators.0.revisions.2.target.linkedTo: links to seq 7, which is not in this plan',
      'indicators.0.revisions.0.fromYear: a revision takes effect in 2021–2025',
    ]);
    const corrected = planFileSchema.parse({
      ...file,
      indicators: [{ ...indicator, revisions: [revision, { ...revision, text: '5.5 左右' }] }],
    });
    expect(corrected.indicators[0]?.revisions.map((r) => r.text)).toEqual(['5 左右', '5.5 左右']);
  });

  it('refuses a baseline year at or after the target year', () => {
    const late = { ...indicator, target: { ...indicator.target, baselineYear: 2025 } };
    const result = planFileSchema.safeParse({ ...file, indicators: [late] });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'indicators.0.target.baselineYear',
    ]);
  });

  it('names the path of every problem', () => {
    const bad = {
      ...file,
      district: { ...file.district, code: '1301' },
      indicators: [indicator, { ...indicator, target: { ...indicator.target, linkedTo: 9 } }],
    };
    const result = planFileSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('district.code');
    expect(paths).toContain('indicators.1.seq');
    expect(paths).toContain('indicators.1.target.linkedTo');
  });

  it('refuses years out of order', () => {
    const result = planFileSchema.safeParse({ ...file, plan: { ...file.plan, midtermYear: 2026 } });
    expect(result.success).toBe(false);
  });
});

describe('牵头单位 in the plan file', () => {
  const withDepartment = (leadDepartment: unknown) => ({
    ...file,
    indicators: [{ ...indicator, leadDepartment }],
  });

  it('reads a file written before departments were set, and a blank one, as none', () => {
    const { leadDepartment: _gone, ...old } = indicator;
    expect(planFileSchema.parse({ ...file, indicators: [old] }).indicators[0]?.leadDepartment).toBe(
      null,
    );
    expect(planFileSchema.parse(withDepartment('  ')).indicators[0]?.leadDepartment).toBeNull();
  });

  it('keeps a named department, trimmed, and refuses one over 100 characters', () => {
    expect(planFileSchema.parse(withDepartment(' 区发改局 ')).indicators[0]?.leadDepartment).toBe(
      '区发改局',
    );
    const long = planFileSchema.safeParse(withDepartment('局'.repeat(101)));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.path).toEqual(['indicators', 0, 'leadDepartment']);
  });
});
