import {
  defaultSettings,
  entryGrid,
  type Indicator,
  type PlanFile,
  type StoredValue,
  type Target,
} from '@pm/core';

const target = (t: Partial<Target> & Pick<Target, 'form'>): Target => ({
  baseline: null,
  value: null,
  rate: null,
  cumulative: null,
  sumOf: null,
  comparator: null,
  tolerance: null,
  direction: null,
  linkedTo: null,
  baselineYear: null,
  ...t,
});

const indicator = (
  seq: number,
  name: string,
  unit: string,
  t: Target,
  category = '经济发展',
): Indicator => ({
  seq,
  category,
  name,
  unit,
  attribute: 'expected',
  leadDepartment: null,
  raw: { baseline: null, target: null, rate: null, attribute: null },
  target: t,
  revisions: [],
  source: { document: '规划纲要', line: null, kind: 'table', quote: null },
});

/** Four indicators of a 2020–2025 plan; the third is the only one with an assigned target. */
export const plan: PlanFile = {
  format: 'plan-monitor/plan@2',
  district: { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' },
  plan: {
    title: '规划',
    baselineYear: 2020,
    midtermYear: 2023,
    targetYear: 2025,
    settings: defaultSettings,
  },
  indicators: [
    indicator(1, '生产总值(GDP)增长率', '%', target({ form: 'annual_rate', rate: 6 })),
    indicator(
      4,
      '市级以上创新平台',
      '个',
      target({ form: 'level', baseline: 50, value: 70 }),
      '创新驱动',
    ),
    indicator(
      16,
      '城市空气质量优良天数比率',
      '%',
      target({ form: 'assigned', baseline: 61.4 }),
      '绿色转型',
    ),
    indicator(18, '地区生产总值', '亿元', target({ form: 'level', value: 580 })),
  ],
};

export function stored(
  seq: number,
  year: number,
  value: number,
  rest: Partial<StoredValue> = {},
): StoredValue {
  return {
    id: seq * 10_000 + year,
    seq,
    year,
    kind: 'actual',
    value,
    comparator: null,
    state: 'draft',
    note: null,
    source: null,
    reviewComment: null,
    version: 1,
    updatedBy: 'official',
    updatedAt: '2025-03-01T00:00:00.000Z',
    demo: false,
    ...rest,
  };
}

/** The 2024 grid: 2023 figures for comparison, an approved 2024 GDP growth. */
export const grid = entryGrid(
  plan,
  [
    stored(4, 2023, 62, { state: 'approved' }),
    stored(1, 2024, 5.9, { state: 'approved', version: 3 }),
    stored(18, 2024, 560, { version: 2 }),
  ],
  2024,
);
