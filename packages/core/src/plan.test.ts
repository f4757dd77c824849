import { describe, expect, it } from 'vitest';
import { defaultSettings, planFileSchema, PLAN_FORMAT } from './plan';

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
    expect(defaultSettings.epsilon).toBe(0.05);
    expect(parsed.indicators[0]?.target.sumOf).toBeNull();
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
