import { defaultSettings, PLAN_FORMAT, type PlanFile } from '../plan';
import { indicator, period } from '../assess/test-support';
import type { StoredValue } from './workflow';

/** A small Yuhua-like plan: categories out of seq order, every kind of cell. */
export const plan: PlanFile = {
  format: PLAN_FORMAT,
  district: { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' },
  plan: { title: '规划', ...period, settings: defaultSettings },
  indicators: [
    indicator(
      { form: 'annual_rate', rate: 6, comparator: 'about', tolerance: 0.5 },
      {
        seq: 1,
        name: '生产总值(GDP)增长率',
        unit: '%',
        raw: { baseline: '-', target: '-', rate: '6 左右', attribute: '预期性' },
      },
    ),
    indicator(
      { form: 'level', baseline: 50, value: 70, rate: 6, direction: 'increase' },
      {
        seq: 4,
        category: '创新驱动',
        name: '市级以上创新平台',
        unit: '个',
        raw: { baseline: '50', target: '70', rate: '6', attribute: '预期性' },
      },
    ),
    indicator(
      { form: 'assigned', baseline: 61.4 },
      {
        seq: 16,
        category: '绿色转型',
        name: '城市空气质量优良天数比率',
        unit: '%',
        attribute: 'binding',
        raw: { baseline: '61.4', target: '-', rate: '达到 市要求', attribute: '约束性' },
      },
    ),
    indicator(
      { form: 'level', value: 580, direction: 'increase' },
      {
        seq: 18,
        name: '地区生产总值',
        unit: '亿元',
        raw: { baseline: null, target: '580 亿元左右', rate: null, attribute: null },
      },
    ),
  ],
};

let nextId = 1;

/** A stored value with everything but what the test cares about filled in. */
export function stored(
  seq: number,
  year: number,
  value: number,
  rest: Partial<StoredValue> = {},
): StoredValue {
  return {
    id: nextId++,
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
    updatedAt: '2024-03-01T00:00:00.000Z',
    demo: false,
    ...rest,
  };
}
