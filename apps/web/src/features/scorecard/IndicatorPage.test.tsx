import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Indicator } from '@pm/core';
import { plan14, renderInDistrict, serveProcedures } from '../../lib/testing';
import { StateBadge } from '../entry/cells';
import { stored } from '../entry/fixture';
import { renderWith } from '../entry/testing';
import { row } from './fixture';
import { IndicatorPage } from './IndicatorPage';
import type { IndicatorDetail } from './types';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const indicator: Indicator = {
  seq: 4,
  category: '创新驱动',
  name: '市级以上创新平台',
  unit: '个',
  attribute: 'binding',
  leadDepartment: '区科技局',
  raw: { baseline: '50', target: '70', rate: null, attribute: '约束性' },
  target: {
    form: 'level',
    baseline: 50,
    value: 70,
    rate: null,
    cumulative: null,
    sumOf: null,
    comparator: null,
    tolerance: null,
    direction: 'increase',
    linkedTo: null,
    baselineYear: null,
  },
  revisions: [],
  source: { document: '规划纲要', line: 12, kind: 'table', quote: null },
};

function detail(over: Partial<IndicatorDetail['row']>): IndicatorDetail {
  return {
    district: { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' },
    plan: { ...plan14, title: '规划' },
    year: 2025,
    demo: false,
    indicator,
    row: row({ attribute: 'binding', ...over }),
    chart: { kind: 'path', points: [], target: 65, band: null },
    linked: null,
    values: [],
    history: [],
    conclusion: null,
  };
}

const revision = {
  fromYear: 2024,
  document: '中期评估调整方案',
  reason: '统计口径调整',
  originalValue: 70,
  originalText: '70',
  revisedValue: 65,
  revisedText: '65',
};

describe('IndicatorPage', () => {
  it('grades the target year 完成 and shows the revised target with its document and reason', async () => {
    serveProcedures({
      'scorecard.indicator': detail({ status: 'achieved', phase: 'end', revision }),
    });
    renderInDistrict(<IndicatorPage />, 'zh-CN', '/d/130108/indicators/4?year=2025');
    expect(await screen.findByText('完成')).toBeTruthy();
    expect(document.querySelector('.tag-binding')?.textContent).toBe('约束性');
    expect(screen.getByText('水平值')).toBeTruthy();
    expect(screen.getByText('目标调整')).toBeTruthy();
    expect(screen.getByText(/原目标 70，2024 年调整为 65。依据：中期评估调整方案/)).toBeTruthy();
    expect(screen.getByText('调整原因：统计口径调整')).toBeTruthy();
  });

  it('shows the finalized conclusion first: the override, what was computed and the reason', async () => {
    const base = detail({ status: 'seriously_lagging', phase: 'progress', latestValue: 41 });
    serveProcedures({
      'scorecard.indicator': {
        ...base,
        year: 2023,
        conclusion: {
          round: {
            id: 3,
            kind: 'midterm',
            year: 2023,
            finalizedBy: 'reviewer',
            finalizedAt: '2024-03-20T02:00:00.000Z',
          },
          rules: 'v2',
          row: { ...base.row, status: 'lagging', latestValue: 45, latestYear: 2023 },
          computed: { status: 'seriously_lagging', phase: 'progress' },
          decision: 'overridden',
          reason: '2023 年受区域传输影响，已采取应急措施',
          comment: '持续关注',
          reviewedBy: '赵明',
          reviewedAt: '2024-03-19T02:00:00.000Z',
        },
      },
    });
    renderInDistrict(<IndicatorPage />, 'zh-CN', '/d/130108/indicators/4?year=2023');
    const card = await screen.findByRole('region', { name: '2023 年评估结论' });
    expect(card.textContent).toContain(
      '2023 年中期评估（第 3 轮），2024年3月20日 由 reviewer 定稿',
    );
    expect(within(card).getByText('滞后预期')).toBeTruthy();
    expect(card.textContent).toContain('评估人员将计算结果“严重滞后”调整为“滞后预期”。');
    expect(card.textContent).toContain('调整理由2023 年受区域传输影响，已采取应急措施');
    expect(card.textContent).toContain('评估意见持续关注');
    expect(card.textContent).toContain('定稿时最新值：45个（2023 年）');
    // Live figures grade as the round computed: nothing changed since, no note.
    expect(card.textContent).not.toContain('定稿后数据有变化');
    expect(screen.getByRole('heading', { name: /主要数据 · 2023 年 · 实时数据/ })).toBeTruthy();
    expect(screen.getByTestId('print-header').textContent).toContain(
      '数据口径：2023 年评估定稿结果（2024年3月20日 定稿）',
    );
  });

  it('says when the data changed since finalizing, and that the conclusion stands', async () => {
    const base = detail({ status: 'on_track', phase: 'progress' });
    serveProcedures({
      'scorecard.indicator': {
        ...base,
        year: 2023,
        conclusion: {
          round: { id: 3, kind: 'midterm', year: 2023, finalizedBy: 'r', finalizedAt: null },
          rules: 'v2',
          row: { ...base.row, status: 'seriously_lagging' },
          computed: { status: 'seriously_lagging', phase: 'progress' },
          decision: 'confirmed',
          reason: null,
          comment: null,
          reviewedBy: 'r',
          reviewedAt: '2024-03-19T02:00:00.000Z',
        },
      },
    });
    renderInDistrict(<IndicatorPage />, 'zh-CN', '/d/130108/indicators/4?year=2023');
    const card = await screen.findByRole('region', { name: '2023 年评估结论' });
    expect(card.textContent).toContain('评估人员确认了计算结果。');
    expect(card.textContent).toContain(
      '定稿后数据有变化：按实时数据计算为“基本符合预期”（定稿时计算为“严重滞后”）；定稿结论不受影响。',
    );
  });

  it('grades midway 提前实现, in English too', async () => {
    serveProcedures({ 'scorecard.indicator': detail({ status: 'achieved', phase: 'progress' }) });
    renderInDistrict(<IndicatorPage />, 'en', '/d/130108/indicators/4?year=2023');
    expect(await screen.findByText('Achieved early')).toBeTruthy();
    expect(document.querySelector('.tag-binding')?.textContent).toBe('Binding');
    expect(screen.queryByText('Revised target')).toBeNull();
  });

  it('lists the revisions with who and when, and offers an administrator 调整目标', async () => {
    const revised = {
      ...indicator,
      revisions: [
        {
          fromYear: 2024,
          target: { ...indicator.target, value: 65 },
          text: '65',
          document: '中期评估调整方案',
          reason: '统计口径调整',
          revisedBy: 'root',
          revisedAt: '2024-03-01T08:00:00.000Z',
        },
      ],
    };
    serveProcedures({
      'scorecard.indicator': { ...detail({ revision }), indicator: revised },
      'auth.me': { id: 1, username: 'root', displayName: 'root', role: 'admin', districts: 'all' },
    });
    renderInDistrict(<IndicatorPage />, 'zh-CN', '/d/130108/indicators/4?year=2025');
    expect(await screen.findByText('目标调整记录')).toBeTruthy();
    expect(screen.getByText('2025 年执行中')).toBeTruthy();
    expect(screen.getByText('root')).toBeTruthy();
    expect(await screen.findByRole('button', { name: '调整目标…' })).toBeTruthy();
  });

  it('names the plan by its title, not its file, and explains a reading that departs from the cells', async () => {
    const reading =
      'the printed [1.05] is not the increase from 20.57 to 26.26 (5.69): graded as a level target to 26.26, the cell kept as printed; 20.57 × 1.05^5 ≈ 26.25: a yearly growth factor';
    const patents: Indicator = {
      ...indicator,
      seq: 5,
      name: '每万人口拥有高价值发明专利数',
      raw: { baseline: '20.57', target: '26.26', rate: '[1.05]', attribute: '预期性', reading },
      source: { document: '000_8058f291677181db.txt', line: 283, kind: 'table', quote: null },
    };
    serveProcedures({
      'scorecard.indicator': {
        ...detail({}),
        plan: { ...plan14, title: '裕华区“十四五”规划纲要' },
        indicator: patents,
      },
    });
    renderInDistrict(<IndicatorPage />, 'zh-CN', '/d/130108/indicators/5?year=2025');
    const source = await screen.findByText('《裕华区“十四五”规划纲要》，第 283 行（主要指标表）');
    expect(source.getAttribute('title')).toBe('000_8058f291677181db.txt');
    expect(screen.queryByText(/000_8058f291677181db/)).toBeNull();
    expect(screen.getByText('[1.05]')).toBeTruthy();
    expect(
      screen.getByText(
        '原文 [1.05] 不是从 20.57 到 26.26 的增量（5.69），与两者矛盾：按达到 26.26 的水平目标评估，原文保留；20.57 × 1.05⁵ ≈ 26.25，[1.05] 应为年均增长系数',
      ),
    ).toBeTruthy();
  });
});

describe('IndicatorPage figure states', () => {
  it('says each state in the entry grid’s word, in the figures and in 修改记录', async () => {
    const states = ['draft', 'submitted', 'approved', 'returned'] as const;
    const gridWord = (state: (typeof states)[number]) => {
      renderWith(<StateBadge value={{ ...stored(4, 2023, 60), state }} />);
      const word = document.querySelector('.entry-badge')!.textContent!;
      cleanup();
      return word;
    };
    const words = states.map(gridWord);
    expect(words).toEqual(['草稿', '已提交', '已审核', '已退回']);
    const at = '2025-03-01T00:00:00.000Z';
    serveProcedures({
      'scorecard.indicator': {
        ...detail({ status: 'on_track', phase: 'progress' }),
        values: states.map((state, i) => ({
          value: 60 + i,
          kind: 'actual',
          source: null,
          year: 2021 + i,
          state,
          note: null,
          demo: false,
          version: 1,
          updatedBy: 'official',
          updatedAt: at,
        })),
        history: states.map((state, i) => ({
          year: 2023,
          kind: 'actual',
          version: i + 1,
          changedAt: at,
          oldValue: 60,
          newValue: 60,
          oldState: i === 0 ? null : states[i - 1],
          newState: state,
          reason: null,
          changedBy: 'official',
        })),
      },
    });
    renderInDistrict(<IndicatorPage />, 'zh-CN', '/d/130108/indicators/4?year=2023');
    const values = await screen.findByRole('region', { name: '年度数据' });
    const history = screen.getByRole('region', { name: '修改记录' });
    for (const word of words) expect(within(values).getByText(word)).toBeTruthy();
    expect(history.textContent).toContain(`（— → ${words[0]}）`);
    for (let i = 1; i < states.length; i++)
      expect(history.textContent).toContain(`（${words[i - 1]} → ${words[i]}）`);
    expect(history.textContent).not.toContain('待审核');
  });
});
