import {
  PLAN_FORMAT,
  planFileSchema,
  type PlanFile,
  type Target,
  type ValueChange,
} from '@pm/core';

/**
 * A synthetic district (999001 测试区) with two plans, for the carry-over tests: a plan of
 * 2021–2025 with approved 2025 figures, and a next plan of 2026–2030 whose indicators match
 * some of them by name and unit, some only by hand, some not at all. Invented figures: never
 * shipped as real data.
 */
export const CARRY_OVER_DISTRICT = {
  code: '999001',
  name: '测试区',
  city: '测试市',
  province: '测试省',
};

const blank: Target = {
  form: 'monitor',
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
};

function row(seq: number, name: string, unit: string, target: Partial<Target>) {
  const t = { ...blank, ...target };
  return {
    seq,
    category: '经济发展',
    name,
    unit,
    attribute: 'expected',
    leadDepartment: null,
    raw: {
      baseline: t.baseline === null ? '—' : String(t.baseline),
      target: t.value === null ? '—' : String(t.value),
      rate: null,
      attribute: '预期性',
    },
    target: t,
    revisions: [],
    source: { document: '测试规划', line: null, kind: 'table', quote: null },
  };
}

const planFile = (
  title: string,
  years: { baselineYear: number; midtermYear: number; targetYear: number },
  indicators: ReturnType<typeof row>[],
): PlanFile =>
  planFileSchema.parse({
    format: PLAN_FORMAT,
    district: CARRY_OVER_DISTRICT,
    plan: { title, ...years },
    indicators,
  });

/** The previous plan and the next, of periods that follow one another from year `b` (B of the next). */
export function carryOverPlans(b = 2025): { previous: PlanFile; next: PlanFile } {
  const level = (baseline: number | null, value: number) =>
    ({ form: 'level', baseline, value, direction: 'increase' }) as const;
  const previous = planFile(
    `测试区第一期测试规划`,
    { baselineYear: b - 5, midtermYear: b - 2, targetYear: b },
    [
      row(1, '地区生产总值', '亿元', level(300, 420)),
      row(2, '森林覆盖率', '%', level(35, 37)),
      row(3, '研发经费投入强度', '%', level(2, 2.5)),
      row(4, '城镇调查失业率', '%', { form: 'bound', value: 5.5, comparator: 'below' }),
      row(5, '单位生产总值能耗降低', '%', {
        form: 'cumulative',
        cumulative: 13.5,
        sumOf: 'compound',
      }),
      row(6, '常住人口', '万人', { form: 'monitor', baseline: 78 }),
      row(7, '人均可支配收入', '元', level(40000, 56000)),
    ],
  );
  const next = planFile(
    `测试区第二期测试规划`,
    { baselineYear: b, midtermYear: b + 3, targetYear: b + 5 },
    [
      row(1, '地区生产总值★', '亿 元', level(null, 560)),
      row(2, '森林覆盖率', '％', level(36.2, 38)),
      row(3, '研发经费投入强度', '%', level(2.4, 3)),
      row(4, '城镇调查失业率', '%', { form: 'bound', value: 5.5, comparator: 'below' }),
      row(5, '单位地区生产总值能源消耗降低', '%', {
        form: 'cumulative',
        cumulative: 12,
        sumOf: 'compound',
      }),
      row(6, '常住人口（万人）', '', { form: 'monitor' }),
      row(7, '居民人均可支配收入', '元', level(null, 70000)),
      row(8, '数字经济核心产业增加值占比', '%', level(null, 12)),
    ],
  );
  return { previous, next };
}

/**
 * The previous plan's figures of year `b`: approved for 1–4 and 6, a submitted one for 7 (which
 * does not count), none for 5; and an approved figure of the year before.
 */
export function carryOverFigures(b = 2025): ValueChange[] {
  const actual = (seq: number, year: number, value: number, state: 'approved' | 'submitted') => ({
    seq,
    year,
    kind: 'actual' as const,
    value,
    state,
    source: '统计公报',
  });
  return [
    actual(1, b, 412.5, 'approved'),
    actual(2, b, 36.2, 'approved'),
    actual(3, b, 2.14, 'approved'),
    actual(4, b, 5.1, 'approved'),
    actual(6, b, 80.3, 'approved'),
    actual(7, b, 55100, 'submitted'),
    actual(1, b - 1, 390, 'approved'),
  ];
}
